"""Strict helpers for reading settings from the environment.

A typo in a deployment's environment must stop the process, not silently
fall back to a default (``DEBUG=yes`` is an error, not ``False``).
"""

import os
from pathlib import Path


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
