"""Signing in and out, and a forgotten password: Django's own views, with this application's texts and mail."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.services import Event, event_record, user_label
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
