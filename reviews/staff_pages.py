"""Pages for board staff only: who may open them, decided once.

The library's rule (``querysets.previews_unpublished``) with the page's own permission: a
visitor who is not signed in is sent to sign in, staff who gave only their password to the
code step, and anyone else is told there is no such page, so a staff-only address reveals
nothing to a reader who may not see it.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from accounts.two_factor import needs_second_factor, to_code_step
from reviews.querysets import previews_unpublished


def staff_only(permission: str):
    """A view decorator: the view answers only board staff who hold ``permission``."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if needs_second_factor(request):
                return to_code_step(request)
            if not previews_unpublished(request.user, permission):
                raise Http404("There is no such page.")
            return view(request, *args, **kwargs)

        return guarded

    return decorator
