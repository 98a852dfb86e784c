from functools import wraps

from django.contrib import admin

from accounts.two_factor import needs_second_factor, to_code_step


class BoardAdminSite(admin.AdminSite):
    site_header = "Case review administration"
    site_title = "Case reviews"
    index_title = "Reviews, lessons and publications"

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            # Signed in with a password only: confirm the second factor (or set one up) first.
            if needs_second_factor(request):
                return to_code_step(request)
            return inner(request, *args, **kwargs)

        return guarded
