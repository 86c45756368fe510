from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django.views.i18n import set_language

from accounts import views as accounts_views
from cmsaudit import views
from framework.rounds import YearMoved
from national import api as national_api

# The admin carries the application's name, in the interface's language.
admin.site.site_header = _("cmsaudit — beheer")
admin.site.site_title = _("cmsaudit — beheer")
admin.site.index_title = _("Beheer van cmsaudit")
# django-axes ships no Dutch; its model names (gettext_lazy there) are translated in our own catalogue, and
# named here so that makemessages keeps them.
AXES_NAMES = (
    gettext_noop("access attempt"), gettext_noop("access attempts"), gettext_noop("access log"),
    gettext_noop("access logs"), gettext_noop("access failure"), gettext_noop("access failures"),
)

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", login_not_required(accounts_views.LoginView.as_view()), name="login"),
    # Single sign-on (OpenID Connect); 404 while no identity provider is configured.
    path("login/sso/", accounts_views.sso_start, name="sso_start"),
    path("login/sso/callback/", accounts_views.sso_callback, name="sso_callback"),
    path("logout/", accounts_views.LogoutView.as_view(), name="logout"),
    # A forgotten password: Django's reset views under Django's names, open to everyone.
    path("password/reset/", login_not_required(accounts_views.PasswordResetView.as_view()), name="password_reset"),
    path("password/reset/sent/", login_not_required(auth_views.PasswordResetDoneView.as_view()), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        login_not_required(accounts_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        login_not_required(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    # The link of an invitation (accounts.services.invitation_link): the invitee sets a password.
    path(
        "invitation/<uidb64>/<token>/",
        login_not_required(accounts_views.InvitationAcceptView.as_view()),
        name="invitation_accept",
    ),
    # One's own notifications (listed on the home page).
    path("notifications/<int:pk>/read/", accounts_views.notification_read, name="notification_read"),
    path("notifications/read/", accounts_views.notifications_read_all, name="notifications_read_all"),
    path("notifications/email/", accounts_views.notification_email, name="notification_email"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz/", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("regions/", include("regions.urls")),
    path("assessments/", include("assessments.urls")),
    path("findings/", include("findings.urls")),
    path("national/", include("national.urls")),
    path("api/national/<round:round_code>/", national_api.national_picture, name="api_national_picture"),
    path("api/national/<int:year>/", YearMoved.as_view(mount="/api/national/"), name="api_year_moved"),
    path("accounts/", include("people.urls")),
    path("rounds/", include("assessments.urls_rounds")),
    path("frameworks/", include("assessments.urls_frameworks")),
    path("admin/", admin.site.urls),
]
