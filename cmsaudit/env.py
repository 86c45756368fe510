"""Strict helpers for reading settings from the environment.

A typo in a deployment's environment must stop the process, not silently
fall back to a default (``DEBUG=yes`` is an error, not ``False``).
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


class ImproperlyConfiguredEnv(ValueError):
    pass


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw in ("1", "0"):
        return raw == "1"
    raise ImproperlyConfiguredEnv(f"{name} must be 1 or 0, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str, default: str | None) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfiguredEnv(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise ImproperlyConfiguredEnv(f"{name} must not be negative, not {raw!r}")
    return value


def env_site_url(name: str, default: str) -> str:
    """An absolute http(s) address without a trailing slash, e.g. ``https://audit.example.nl``."""
    raw = (os.environ.get(name) or "").strip() or default
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfiguredEnv(f"{name} must be an absolute http(s) address like https://audit.example.nl, not {raw!r}")
    return raw.rstrip("/")


EMAIL_SCHEMES = {"smtp": (False, False, 25), "smtp+tls": (True, False, 587), "smtps": (False, True, 465), "smtp+ssl": (False, True, 465)}


def email_from_url(url: str) -> dict[str, object]:
    """The SMTP settings in one address: ``smtp+tls://user:password@host:587`` (STARTTLS), ``smtps://…`` or
    ``smtp+ssl://…`` (TLS from the start), ``smtp://…`` (plain). User and password are percent-decoded."""
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_SCHEMES or not parts.hostname:
        schemes = ", ".join(EMAIL_SCHEMES)
        raise ImproperlyConfiguredEnv(f"EMAIL_URL must look like smtp+tls://user:password@host:587 (schemes: {schemes})")
    use_tls, use_ssl, default_port = EMAIL_SCHEMES[parts.scheme]
    try:
        port = parts.port or default_port
    except ValueError:
        raise ImproperlyConfiguredEnv("EMAIL_URL has a port that is not a number") from None
    return {
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
    }


def env_email() -> dict[str, object]:
    """SMTP settings from EMAIL_URL, or else from EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS, EMAIL_USE_SSL,
    EMAIL_HOST_USER and EMAIL_HOST_PASSWORD (or EMAIL_HOST_PASSWORD_FILE)."""
    if os.environ.get("EMAIL_URL"):
        email = email_from_url(os.environ["EMAIL_URL"])
    else:
        use_tls = env_bool("EMAIL_USE_TLS", default=False)
        use_ssl = env_bool("EMAIL_USE_SSL", default=False)
        email = {
            "EMAIL_HOST": os.environ.get("EMAIL_HOST") or "localhost",
            "EMAIL_PORT": env_int("EMAIL_PORT", 465 if use_ssl else 587 if use_tls else 25),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": env_secret("EMAIL_HOST_PASSWORD", default="") or "",
        }
    if email["EMAIL_USE_TLS"] and email["EMAIL_USE_SSL"]:
        raise ImproperlyConfiguredEnv("EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other")
    return email


def env_date(name: str) -> datetime.date | None:
    """A calendar date in ISO form (``2027-03-01``), or None when NAME is not set."""
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ImproperlyConfiguredEnv(f"{name} must be a date like 2027-03-01, not {raw!r}") from None


def env_retention(name: str, default: str) -> str:
    """How long a record is kept: ``blijvend`` (kept for ever) or a whole number of years as an ISO 8601
    duration (``P10Y``)."""
    raw = (os.environ.get(name) or "").strip() or default
    if raw == "blijvend" or re.fullmatch(r"P[1-9][0-9]{0,2}Y", raw):
        return raw
    raise ImproperlyConfiguredEnv(f"{name} must be 'blijvend' or a number of years like P10Y, not {raw!r}")
