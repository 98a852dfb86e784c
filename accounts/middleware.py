import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

STARTED = "staff_session_started"
SEEN = "staff_session_seen"


class StaffSessionExpiryMiddleware:
    """Staff sessions end after a spell of inactivity and after a fixed time in all.

    Staff can change what the public reads, so a session left open on a shared
    computer is a bigger risk for them than for a practitioner reading lessons.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            started = request.session.setdefault(STARTED, now)
            seen = request.session.get(SEEN, now)
            idle = now - seen > settings.STAFF_SESSION_IDLE_SECONDS
            too_long = now - started > settings.STAFF_SESSION_MAX_SECONDS
            if idle or too_long:
                logout(request)
                messages.info(
                    request,
                    "You were signed out after 30 minutes without activity."
                    if idle
                    else "You were signed out because staff sessions last at most 12 hours.",
                )
                login_url = (
                    reverse("admin:login") if request.path.startswith(reverse("admin:index")) else None
                )
                return redirect_to_login(request.get_full_path(), login_url)
            request.session[SEEN] = now
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """Pages seen by a signed-in person may hold partner-only content: never keep them in a cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # includes no-store
        return response


class PermissionsPolicyMiddleware:
    """Tell browsers this site never uses the camera, microphone, location, payments or USB.

    A script that got in some other way still cannot ask for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
