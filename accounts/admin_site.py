from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse


def needs_second_factor(request) -> bool:
    user = request.user
    return (
        settings.STAFF_TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.is_staff
        and not user.is_verified()
    )


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
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('accounts:two_factor')}?{query}")
            return inner(request, *args, **kwargs)

        return guarded
