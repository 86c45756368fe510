"""Signing in and out, and a forgotten password: Django's own views, with this application's texts and mail."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class LoginView(auth_views.LoginView):
    """The login page, with the help line the organisation configures (LOGIN_HELP)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, login_help=settings.LOGIN_HELP)


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
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    title = gettext_lazy("Nieuw wachtwoord instellen")
