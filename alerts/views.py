"""E-mail alerts without an account: ask, confirm from the inbox, leave with one click."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from accounts.lockout import client_address
from alerts import limits, services, tokens
from alerts.forms import SubscribeForm

LIMITED = (
    "Too many alert e-mails have been asked for from here, or for this address, in the last hour. "
    "To protect people's inboxes, please try again in an hour."
)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    if request.method != "POST":
        # ?themes=neglect&services=police from a link on a theme or lessons page ticks those boxes.
        initial = {"themes": request.GET.getlist("themes"), "services": request.GET.getlist("services")}
        return render(request, "alerts/subscribe.html", {"form": SubscribeForm(initial=initial)})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    if not limits.subscribe_allowed(email=email, client=client_address(request)):
        form.add_error(None, LIMITED)
        return render(request, "alerts/subscribe.html", {"form": form}, status=429)
    services.subscription_request(
        email=email, themes=form.cleaned_data["themes"], services=form.cleaned_data["services"]
    )
    return redirect("alerts:subscribe_sent")


@require_safe
def subscribe_sent(request):
    return render(request, "alerts/sent.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        alert_request = tokens.confirm_request(token)
    except tokens.LinkExpired:
        return render(request, "alerts/link_invalid.html", {"expired": True}, status=400)
    except tokens.LinkInvalid:
        return render(request, "alerts/link_invalid.html", {"expired": False}, status=400)
    if request.method != "POST":
        themes, services_chosen = services.request_choices(alert_request)
        context = {"email": alert_request.email, "themes": themes, "services": services_chosen}
        return render(request, "alerts/confirm.html", context)
    subscription = services.subscription_confirm(request=alert_request)
    if subscription is None:
        return render(request, "alerts/link_invalid.html", {"gone": True}, status=400)
    context = {
        "subscription": subscription,
        "unsubscribe_url": services.unsubscribe_url(subscription),
    }
    return render(request, "alerts/confirmed.html", context)


# Mail programs post {List-Unsubscribe=One-Click} here without a page or a cookie (RFC 8058), so
# this one view takes posts without a CSRF token: the signed address is what authorises it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        subscription_id = tokens.unsubscribe_subscription_id(token)
    except tokens.LinkInvalid:
        raise Http404("This unsubscribe link is not one of ours.") from None
    if request.method != "POST":
        return render(request, "alerts/unsubscribe.html")
    services.subscription_cancel(subscription_id=subscription_id)
    return render(request, "alerts/unsubscribed.html")
