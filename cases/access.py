"""Who may see cases: board staff, after the second factor where it is required.

The rule is the library's own (``reviews.querysets.previews_unpublished``) with the case
permission: everyone else is sent to sign in, or told there is no such page.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from accounts.two_factor import needs_second_factor, to_code_step
from reviews.querysets import previews_unpublished

VIEW_CASES = "cases.view_case"


def sees_cases(user) -> bool:
    return previews_unpublished(user, VIEW_CASES)


def case_staff_only(view):
    """Anonymous: sign in. Staff with the password only: the code step. Anyone else: 404."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if needs_second_factor(request):
            return to_code_step(request)
        if not sees_cases(request.user):
            raise Http404("There is no such page.")
        return view(request, *args, **kwargs)

    return guarded
