"""Signing in and out, and a forgotten password: Django's own views, with this application's texts and mail."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthedRequest
from accounts.models import Notification
from accounts.services import Event, event_record, notifications_read, notify_by_email_set, user_label
from accounts.tokens import invitation_tokens


class LoginView(auth_views.LoginView):
    """The login page, with the help line the organisation configures (LOGIN_HELP)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, login_help=settings.LOGIN_HELP, sso=settings.OIDC_ENABLED,
            sso_failed=self.request.GET.get("sso") == "failed",
        )


class LogoutView(auth_views.LogoutView):
    """Logs out (POST only) and says so on the login page it returns to."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("U bent uitgelogd."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Mails a link to set a new password, on the configured SITE_URL rather than whatever host the request
    names; it answers alike whether or not the address belongs to anyone."""

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    title = gettext_lazy("Wachtwoord vergeten")

    def form_valid(self, form):
        self.extra_email_context = {"site_url": settings.SITE_URL}
        # The log names the accounts a link went to, never the address typed.
        targets = [user_label(user) for user in form.get_users(form.cleaned_data["email"])]
        event_record(
            action=Event.PASSWORD_RESET_REQUESTED, result="sent" if targets else "no_account",
            target=", ".join(targets), request=self.request,
        )
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    title = gettext_lazy("Nieuw wachtwoord instellen")
    event = Event.PASSWORD_RESET

    def form_valid(self, form):
        event_record(action=self.event, result="ok", actor=self.user, target=user_label(self.user), request=self.request)
        return super().form_valid(form)


class InvitationAcceptView(PasswordResetConfirmView):
    """The invitation's link: the invitee chooses a password and is logged in, to their own home page."""

    token_generator = invitation_tokens
    title = gettext_lazy("Welkom bij cmsaudit: kies uw wachtwoord")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("home")
    event = Event.INVITATION_ACCEPTED

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A deactivated account's invitation is void.
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitation"] = True
        if self.validlink:
            context["intro"] = _("U bent uitgenodigd als %(role)s. Uw gebruikersnaam is %(username)s.") % {
                "role": self.user.get_role_display(), "username": self.user.get_username()}
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Uw wachtwoord is ingesteld. Welkom bij cmsaudit."))
        return response


# --- notifications (the list is on the home page) ----------------------------------------------------------


@require_POST
def notification_read(request: AuthedRequest, pk: int) -> HttpResponse:
    """Mark one of one's own notifications read; with `open`, go on to what it points to. Another person's
    notification answers 404, like one that does not exist."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications_read(user=request.user, pk=notification.pk)
    if request.POST.get("open") and url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect(f"{reverse('home')}#meldingen")


@require_POST
def notifications_read_all(request: AuthedRequest) -> HttpResponse:
    count = notifications_read(user=request.user)
    if count:
        messages.success(request, ngettext("%(n)s melding gelezen.", "%(n)s meldingen gelezen.", count) % {"n": count})
    return redirect(f"{reverse('home')}#meldingen")


@require_POST
def notification_email(request: AuthedRequest) -> HttpResponse:
    """Switch one's own notifications by e-mail on or off."""
    on = request.POST.get("email") == "on"
    notify_by_email_set(user=request.user, on=on)
    messages.success(request, _("U krijgt meldingen ook per e-mail.") if on else _("U krijgt meldingen alleen nog op uw startpagina."))
    return redirect(f"{reverse('home')}#meldingen")


@login_not_required
def sso_start(request: HttpRequest) -> HttpResponse:
    """The redirect to the identity provider: authorization code flow with PKCE (S256), state and nonce."""
    if not settings.OIDC_ENABLED:
        raise Http404(_("Single sign-on is niet ingesteld."))
    from mozilla_django_oidc.views import OIDCAuthenticationRequestView

    return OIDCAuthenticationRequestView.as_view()(request)


@login_not_required
def sso_callback(request: HttpRequest) -> HttpResponse:
    """Back from the identity provider: the code exchanged, the ID token checked, the linked account signed in."""
    if not settings.OIDC_ENABLED:
        raise Http404(_("Single sign-on is niet ingesteld."))
    from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

    return OIDCAuthenticationCallbackView.as_view()(request)
