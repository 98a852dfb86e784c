"""Who may see the publication check's pages: board staff, after the second factor where required.

The same rule as the cases pages (``cases.access``), built from the same parts: anonymous
readers are sent to sign in, staff with the password only to the code step, anyone else 404.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from accounts.two_factor import needs_second_factor, to_code_step
from reviews.querysets import previews_unpublished

VIEW_CHECKS = "disclosure.view_disclosureacceptance"


def check_staff_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_second_factor(request):
            return to_code_step(request)
        if not previews_unpublished(request.user, VIEW_CHECKS):
            raise Http404("There is no such page.")
        return view(request, *args, **kwargs)

    return guarded
