"""Settings come from the environment, strictly; production is safe when DEBUG is off."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def settings_in(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; "
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], "
        "s.STORAGES['staticfiles']['BACKEND'])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True)


def test_production_settings_are_safe_when_debug_is_off():
    result = settings_in({"DEBUG": "0", "SECRET_KEY": "s3cret-for-test", "ALLOWED_HOSTS": "audit.example.nl"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:4] == ["False", "True", "True", "['audit.example.nl']"]
    assert "CompressedManifestStaticFilesStorage" in result.stdout


def test_debug_off_without_a_secret_key_refuses_to_start():
    result = settings_in({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_debug_value_other_than_1_or_0_is_an_error_not_a_silent_false():
    result = settings_in({"DEBUG": "yes", "SECRET_KEY": "x"})
    assert result.returncode != 0
    assert "DEBUG must be 1 or 0" in result.stderr


def test_the_default_database_is_an_embedded_sqlite_file():
    result = settings_in({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.sqlite3" in result.stdout


def test_a_secret_key_file_is_honoured(tmp_path):
    key = tmp_path / "key"
    key.write_text("from-a-file\n")
    code = "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; from django.conf import settings as s; print(s.SECRET_KEY)"
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY",)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**env, "DEBUG": "0", "SECRET_KEY_FILE": str(key)}, capture_output=True, text=True
    )
    assert result.stdout.strip() == "from-a-file", result.stderr


PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "k7#Qv9!zR2@mW4$pL8^nX1&bT6*cY3(hJ5)dF0-gS+uE7~aN2=oB4", "ALLOWED_HOSTS": "example.org"}
# Everything a deployment might set, so that a test sees only what it sets itself.
DEPLOYMENT_VARIABLES = (
    "DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL", "ALLOWED_HOSTS", "TLS_TERMINATED_BY_PROXY",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_COOKIES", "SITE_URL", "EMAIL_URL", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL",
    "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_HOST_PASSWORD_FILE", "LOGIN_LOCKOUT_MINUTES", "STATIC_MANIFEST",
)


def run_in(env: dict, code: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in DEPLOYMENT_VARIABLES}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True)


def setting(env: dict, *names: str) -> list[str]:
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; from django.conf import settings as s; "
        + "".join(f"print(repr(getattr(s, {name!r}, None))); " for name in names)
    )
    result = run_in(env, code)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def check_deploy(env: dict) -> subprocess.CompletedProcess:
    """`manage.py check --deploy --fail-level WARNING` with nothing in the environment but `env` (and PATH)."""
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                          env={"PATH": os.environ.get("PATH", ""), **env}, capture_output=True, text=True)


def test_check_deploy_passes_with_only_debug_secret_key_and_allowed_hosts_set():
    result = check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_has_hsts_and_an_ssl_redirect_and_never_trusts_a_forwarded_protocol_by_default():
    assert setting(PRODUCTION, "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
                   "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER") == ["31536000", "True", "True", "True", "None"]


def test_hsts_seconds_are_configurable_and_strict():
    assert setting({**PRODUCTION, "SECURE_HSTS_SECONDS": "3600"}, "SECURE_HSTS_SECONDS") == ["3600"]
    result = run_in({**PRODUCTION, "SECURE_HSTS_SECONDS": "een jaar"}, "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; from django.conf import settings as s; s.DEBUG")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS must be a whole number" in result.stderr


def test_behind_a_proxy_that_terminates_tls_the_forwarded_protocol_is_trusted_and_the_proxy_redirects():
    env = {**PRODUCTION, "TLS_TERMINATED_BY_PROXY": "1"}
    assert setting(env, "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT") == ["('HTTP_X_FORWARDED_PROTO', 'https')", "False"]
    result = check_deploy(env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_served_with_debug_off_carries_the_csp_and_hsts():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; import django; django.setup(); "
        "from django.test import Client; "
        "r = Client().get('/login/', secure=True, HTTP_HOST='example.org'); "
        "print(r.status_code); print(r['Content-Security-Policy']); print(r['Strict-Transport-Security']); "
        "r = Client().get('/login/', HTTP_HOST='example.org'); print(r.status_code, r['Location'])"
    )
    result = run_in({**PRODUCTION, "STATIC_MANIFEST": "0"}, code)
    assert result.returncode == 0, result.stderr
    status, policy, hsts, redirect = result.stdout.splitlines()
    assert status == "200"
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert redirect == "301 https://example.org/login/"


def test_email_comes_from_one_url():
    env = {**PRODUCTION, "EMAIL_URL": "smtp+tls://audit%40example.nl:ge%3Aheim@smtp.example.nl:2525"}
    assert setting(env, "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD") == [
        "'smtp.example.nl'", "2525", "True", "False", "'audit@example.nl'", "'ge:heim'"
    ]


def test_email_comes_from_separate_variables():
    env = {**PRODUCTION, "EMAIL_HOST": "smtp.example.nl", "EMAIL_USE_TLS": "1", "EMAIL_HOST_USER": "audit",
           "EMAIL_HOST_PASSWORD": "geheim"}
    assert setting(env, "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD") == [
        "'smtp.example.nl'", "587", "True", "'audit'", "'geheim'"
    ]


def test_a_bad_email_url_is_an_error():
    result = run_in({**PRODUCTION, "EMAIL_URL": "mailto:audit@example.nl"},
                    "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; from django.conf import settings as s; s.DEBUG")
    assert result.returncode != 0
    assert "EMAIL_URL must look like" in result.stderr


def test_the_site_url_is_configured_or_taken_from_the_first_allowed_host():
    assert setting(PRODUCTION, "SITE_URL") == ["'https://example.org'"]
    assert setting({**PRODUCTION, "SITE_URL": "https://audit.example.nl/"}, "SITE_URL") == ["'https://audit.example.nl'"]
    result = run_in({**PRODUCTION, "SITE_URL": "audit.example.nl"},
                    "import os; os.environ['DJANGO_SETTINGS_MODULE']='cmsaudit.settings'; from django.conf import settings as s; s.DEBUG")
    assert result.returncode != 0
    assert "SITE_URL must be an absolute" in result.stderr
