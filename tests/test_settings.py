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
