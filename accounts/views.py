from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode

from accounts import two_factor
from accounts.forms import RegistrationForm, SignInForm, TokenForm
from accounts.models import User
from accounts.services import practitioner_confirm, practitioner_register, two_factor_enrolment_send


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def register(request):
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            practitioner_register(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                organisation=data["organisation"],
                request=request,
            )
        except ValidationError as refused:
            form.add_error("email", refused)
        else:
            return redirect("accounts:register_sent")
    return render(request, "accounts/register.html", {"form": form})


def register_sent(request):
    return render(request, "accounts/register_sent.html")


def register_confirm(request, uidb64, token):
    try:
        user = User.objects.filter(pk=int(force_str(urlsafe_base64_decode(uidb64)))).first()
    except ValueError:
        user = None
    if practitioner_confirm(user=user, token=token):
        messages.success(request, "Your e-mail address is confirmed. You can sign in now.")
        return redirect("accounts:login")
    return render(request, "accounts/register_invalid.html", status=400)


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if target and allowed else default


@login_required
def two_factor_view(request):
    """Confirm the second factor, or set one up first when the person has none."""
    if not request.user.is_staff:
        return redirect("pages:home")
    device = two_factor.confirmed_device(request.user)
    enrolling = device is None
    if enrolling:
        device = two_factor.enrolment_device(request)
    if device is None:
        # No app yet and the mailbox not proven in this session: offer the e-mailed set-up link.
        sent = request.method == "POST"
        if sent:
            two_factor_enrolment_send(user=request.user, request=request)
        return render(request, "accounts/two_factor_link.html", {"sent": sent, "email": request.user.email})
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if two_factor.verify(request, device, form.cleaned_data["token"]):
            if enrolling:
                messages.success(request, "Two-factor sign-in is set up.")
            return redirect(_safe_next(request, reverse("admin:index")))
        form.add_error("token", "That code is not right or has expired. Enter the code showing now.")
    context = {"form": form, "enrolling": enrolling, "next": _safe_next(request, "")}
    if enrolling:
        context |= {
            "qr_code": two_factor.qr_code_svg(device),
            "secret": device.config_url.split("secret=")[1].split("&")[0],
        }
    return render(request, "accounts/two_factor.html", context)


@login_required
def two_factor_enrol(request, token):
    """The e-mailed set-up link: proves the mailbox, then the QR code can be shown."""
    if request.user.is_staff and two_factor.enrolment_start(user=request.user, token=token, request=request):
        return redirect("accounts:two_factor")
    context = {
        "title": "This set-up link does not work",
        "message": "The link has expired, was already used, or belongs to another account. "
        "Go to the two-factor page and ask for a new one.",
    }
    return render(request, "accounts/message_page.html", context, status=400)


# Changing the password is how an intruder would keep an account: staff give their code first.
password_change = two_factor.second_factor_required(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/form_page.html",
        success_url=reverse_lazy("accounts:password_change_done"),
        extra_context={"title": "Change your password", "button": "Change password"},
    )
)
password_change_done = two_factor.second_factor_required(
    auth_views.PasswordChangeDoneView.as_view(
        template_name="accounts/message_page.html",
        extra_context={"title": "Password changed", "message": "Your password has been changed."},
    )
)
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/form_page.html",
    email_template_name="accounts/email/password_reset.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
    extra_context={
        "title": "Reset your password",
        "button": "Send the link",
        "intro": "Enter your e-mail address. If it has an account, "
        "we will send a link to choose a new password.",
    },
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/message_page.html",
    extra_context={
        "title": "Check your e-mail",
        "message": "If the address has an account, a link to choose a new password is on its way.",
    },
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/message_page.html",
    extra_context={"title": "Password set", "message": "Your password is set. You can sign in now."},
)
