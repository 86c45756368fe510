"""The access matrix: for every URL pattern, the status each role gets.

Each app lists its rules in `tests/access/<app>.py` as `RULES = {"ns:name": [Case, ...]}`.
`test_matrix.py` fails when a URL pattern has no rule, so a new view without an
access decision cannot land.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ["anonymous", "inspector", "ovr_vr13", "contact_vr13", "ovr_vr14", "rmc_11", "rmc_43", "ministry", "admin_user"]

LOGIN = "login"  # expected: a redirect to the login page


def expect(default: int | str, **overrides: int | str) -> dict[str, int | str]:
    """Expected status per role; `anonymous` defaults to LOGIN unless given."""
    statuses = {role: default for role in ROLES}
    statuses["anonymous"] = LOGIN
    statuses.update(overrides)
    unknown = set(overrides) - set(ROLES)
    assert not unknown, f"unknown roles: {unknown}"
    return statuses


@dataclass
class Case:
    expect: dict[str, int | str]
    kwargs: dict = field(default_factory=dict)
    method: str = "get"
    data: dict | None = None
    # Called (inside the test's database) before the request; may return extra URL kwargs.
    setup: Callable[[], dict | None] | None = None
    query: str = ""
    label: str = ""
