"""The access matrix: for every URL pattern, the status each role gets, and whether the request wrote.

Each app lists its rules in `tests/access/<module>.py` as `RULES = {"ns:name": [Case, ...]}`.
`test_matrix.py` fails when a URL pattern has no rule, so a new view without an access decision
cannot land.

A status alone does not tell a refused write from an accepted one: a published round answers an
allowed write with the same redirect as a successful one. So every request is bracketed by a
fingerprint of the data the application owns (`db_fingerprint`), and each case names the roles whose
request must change it (`changes`); for every other role, and for every GET, it must stay the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = [
    "anonymous", "inspector", "ovr_vr13", "contact_vr13", "ovr_vr14", "rmc_11", "rmc_43", "contact_dops", "ministry",
    "admin_user",
]

LOGIN = "login"  # expected: a redirect to the login page

# Who may do what on VR13 / B11 (regions.policy), for `changes=`.
INSPECTORS = frozenset({"inspector", "admin_user"})
VR13_RESPONDENTS = frozenset({"ovr_vr13", "contact_vr13"})
VR13_ANSWER = INSPECTORS | VR13_RESPONDENTS
B11_ANSWER = INSPECTORS | {"rmc_11"}
LOGGED_IN = frozenset(ROLES) - {"anonymous"}


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
    # The posted data; a callable gets what `setup` returned (so it can name the objects it made).
    data: dict | Callable[[dict], dict] | None = None
    # Called (inside the test's database) before the request; returns URL kwargs, and under keys
    # starting with "_" anything else the data needs (those are not passed to `reverse`).
    setup: Callable[[], dict | None] | None = None
    query: str = ""
    label: str = ""
    # The roles whose request must change the database; for everyone else it must not.
    changes: frozenset[str] | set[str] = frozenset()

    def __post_init__(self):
        self.changes = frozenset(self.changes)
        unknown = (set(self.expect) | self.changes) - set(ROLES)
        assert not unknown, f"unknown roles: {unknown}"
        assert set(self.expect) == set(ROLES), f"not every role ruled: {set(ROLES) - set(self.expect)}"
        assert not (self.changes and self.method == "get"), "a GET never writes"
        for role in self.changes:
            assert self.expect[role] != LOGIN and self.expect[role] < 400, f"{role} is refused but expected to write"


# --- the database fingerprint ----------------------------------------------------------------------


def _fingerprinted_models():
    from accounts.models import Notification, User
    from assessments.models import Answer, Assessment, Evidence, Question, Questionnaire, Signature, Transition
    from findings.models import (
        Citation,
        DraftRule,
        Finding,
        FollowUp,
        InterviewReport,
        NationalConclusion,
        Recommendation,
        ReportAttachment,
        Verification,
        VerificationItem,
        VerificationResponse,
    )
    from framework.models import Framework, Round, RoundParty
    from national.models import ContextFigure, JudgmentRule, Preview, PublishedPicture, RoundContext
    from regions.models import Membership

    return [
        Round, Assessment, Answer, Signature, Transition, Evidence,
        Finding, InterviewReport, ReportAttachment, Verification, VerificationItem, VerificationResponse,
        Citation, NationalConclusion, Recommendation, Recommendation.success_factors.through,
        Recommendation.concerned_regions.through, FollowUp, DraftRule, Preview, JudgmentRule, PublishedPicture,
        RoundContext, ContextFigure, User, Membership, Notification,
        # The round setup and framework pages (tests/access/rounds.py).
        RoundParty, Questionnaire, Question, Framework,
    ]


_FINGERPRINT_SQL: tuple[list[str], str] | None = None


def _fingerprint_sql() -> tuple[list[str], str]:
    """One query: per table the row count, the highest key and an md5 over every row, in key order."""
    global _FINGERPRINT_SQL
    if _FINGERPRINT_SQL is None:
        from django.db import connection

        q = connection.ops.quote_name
        labels, parts = [], []
        for model in _fingerprinted_models():
            table, pk = q(model._meta.db_table), q(model._meta.pk.column)
            labels.append(model._meta.label)
            parts.append(
                f"(SELECT count(*) || ':' || coalesce(max(t.{pk}), 0) || ':' || "
                f"coalesce(md5(string_agg(t::text, '|' ORDER BY t.{pk})), '') FROM {table} t)"
            )
        _FINGERPRINT_SQL = (labels, "SELECT " + ", ".join(parts))
    return _FINGERPRINT_SQL


def db_fingerprint() -> dict[str, str]:
    """`{model label: "count:max(pk):md5 of the rows"}` for the tables the application writes."""
    from django.db import connection

    labels, sql = _fingerprint_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(labels, cursor.fetchone(), strict=True))


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(label for label in before if before[label] != after[label])
