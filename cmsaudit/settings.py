"""Settings for cmsaudit, read from the environment (see README)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import xstatic.pkg.bootstrap
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from cmsaudit.env import (
    ImproperlyConfiguredEnv,
    env_bool,
    env_date,
    env_email,
    env_int,
    env_list,
    env_retention,
    env_secret,
    env_site_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_secret("SECRET_KEY", default=None)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfiguredEnv("SECRET_KEY (or SECRET_KEY_FILE) is required when DEBUG is off")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The demo (users with the password "demo") may be loaded only by an explicit allowance: always in development,
# and with DEBUG off only on a machine that serves nobody but itself (`make run`). A production configuration,
# with its real host names, never has it.
DEMO_ALLOWED = env_bool("DEMO_ALLOWED", default=DEBUG)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
if DEMO_ALLOWED and not DEBUG and not set(ALLOWED_HOSTS) <= LOCAL_HOSTS:
    raise ImproperlyConfiguredEnv("DEMO_ALLOWED is only for a local machine: ALLOWED_HOSTS may then name only localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    # Login throttling: failed logins per user name and address, locks, and their admin for unlocking.
    "axes",
    "csp",
    "accounts",
    "regions",
    "framework",
    "assessments",
    "findings",
    "national",
    "people",
    # The project package wires the apps together; it is an app for its management commands (load_demo).
    "cmsaudit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cmsaudit.middleware.DutchByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the views (and the login redirect, which is a view hook): 404 for an address with a control character.
    "cmsaudit.middleware.ControlCharactersNotFoundMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "cmsaudit.middleware.NoStoreWhenAuthenticatedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cmsaudit.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cmsaudit.navigation.menu",
            ],
        },
    },
]

WSGI_APPLICATION = "cmsaudit.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's embedded database under concurrent autosaves: readers do not block the writer (WAL), a
    # writer waits for another instead of failing with "database is locked" (timeout, in seconds), and a
    # transaction takes the write lock when it begins, so it never has to upgrade a read lock halfway.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "cmsaudit.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# A line on the login page telling people where to turn (a service desk, a phone number); a default otherwise.
LOGIN_HELP = os.environ.get("LOGIN_HELP", "")
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on through the organisation's identity provider (OpenID Connect, NL GOV profile; accounts/oidc.py),
# on when the provider is configured with mozilla-django-oidc's setting names. The password form stays for the
# accounts that keep local login. Accounts are linked to an identity by `manage.py link_identity`.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_secret("OIDC_RP_CLIENT_SECRET", "") or ""
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
# The `iss` the ID token must carry; without it, the provider's address the authorization endpoint starts with.
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "") or OIDC_OP_AUTHORIZATION_ENDPOINT.rsplit("/", 1)[0]
OIDC_ENABLED = all((OIDC_RP_CLIENT_ID, OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_JWKS_ENDPOINT))
OIDC_RP_SCOPES = "openid"
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_CREATE_USER = False  # role and scope come from cmsaudit, never from the provider
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "/login/?sso=failed"
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.insert(0, "accounts.oidc.IdentityBackend")

# Login throttling (django-axes): ten wrong passwords for one user name from one address are allowed; the
# eleventh locks that user name for that address for LOGIN_LOCKOUT_MINUTES. Administrators unlock in the admin.
AXES_FAILURE_LIMIT = 11
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
# The lock ends when announced, however often the locked user tries again.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "cmsaudit.auth.client_address"
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cmsaudit.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS: list[Path | tuple[str, str]] = [BASE_DIR / "static", ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR)]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Evidence documents live outside the static path and are only ever served
# through a view that checks access; there is no MEDIA_URL route.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# The upload policy (core.uploads) with a limit per kind of upload.
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The national picture's pages are kept per reader until the data change (national/cache.py). One process's
# memory by default; with several servers a shared cache (Redis: CACHE_URL) keeps them across servers.
NATIONAL_PAGE_CACHE_SECONDS = env_int("NATIONAL_PAGE_CACHE_SECONDS", 600)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cmsaudit"}}
if os.environ.get("CACHE_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}

# Sessions last a working day; an expired session while filling in is
# handled by autosave (answers are saved as they are typed).
SESSION_COOKIE_AGE = 8 * 60 * 60

EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cmsaudit@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# SMTP from one EMAIL_URL (smtp+tls://user:password@host:587) or from EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS, ….
_email = env_email()
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_TIMEOUT = 30

# Where the application is reached, for the links in e-mails; by default the first allowed host over https.
_first_host = next((host for host in ALLOWED_HOSTS if host.strip(".*") == host), None)
SITE_URL = env_site_url(
    "SITE_URL", "http://localhost:8000" if DEBUG or not _first_host else f"https://{_first_host}"
)

# /.well-known/security.txt (RFC 9116): where to report a vulnerability, and the date until which that holds
# (SECURITY_TXT_EXPIRES, e.g. 2027-03-01; without it the file says a year from the day it is read).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT") or f"mailto:{DEFAULT_FROM_EMAIL}"
SECURITY_TXT_EXPIRES = env_date("SECURITY_TXT_EXPIRES")

# The archive of a published round (manage.py archive_round), described after MDTO: how long it is kept
# ("blijvend", or years as P10Y: "tijdelijk te bewaren" with that period from publication), and the information
# category of the selection list it is kept under.
ARCHIVE_RETENTION = env_retention("ARCHIVE_RETENTION", "blijvend")
ARCHIVE_INFORMATION_CATEGORY = os.environ.get("ARCHIVE_INFORMATION_CATEGORY") or "Rapporten van toezicht en onderzoek"
ARCHIVE_SELECTION_LIST = os.environ.get("ARCHIVE_SELECTION_LIST") or "Selectielijst van de inspectie"

# A proxy in front that terminates TLS (TLS_TERMINATED_BY_PROXY=1) does the redirect to https and says so in
# X-Forwarded-Proto; only then is that header believed, since any client can send it.
TLS_TERMINATED_BY_PROXY = env_bool("TLS_TERMINATED_BY_PROXY", default=False)
if TLS_TERMINATED_BY_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not TLS_TERMINATED_BY_PROXY)
    # A load balancer's health check speaks plain http.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    if TLS_TERMINATED_BY_PROXY and not SECURE_SSL_REDIRECT:
        # The proxy redirects to https; the deploy check cannot see it.
        SILENCED_SYSTEM_CHECKS = ["security.W008"]

# Content-Security-Policy (django-csp), on every page: nothing inline, nothing from elsewhere. Scripts and
# styles are static files; server-rendered SVG needs no exception.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Bootstrap draws its form controls with data: SVG images from its stylesheet.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_client_errors": {"()": "cmsaudit.log.OneLineClientErrors"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["one_line_client_errors"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
