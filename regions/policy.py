"""The access policy: who sees which audited party, who responds for it, who may do what.

This is the one place that decides. Views, services, templates (`{% load policy %}`) and the menu
ask it; none of them tests a role itself. Default deny: a user who is not active and logged in,
or a role not named below, may nothing and sees nothing.

- Inspectors (and administrators) see every subject and may do every inspector's action; in an
  open round they may also fill in any questionnaire, on behalf of its respondents.
- The OVR and contact person of a region respond for that region; an RMC for their brigade: each party a
  person responds for is one of their memberships (regions.Membership), in the role of their account.
  An RMC also reads the questionnaires of the brigade's regions, but not their findings.
- The contact person of a Defence directorate (DOPS, DJZ, CLAS) responds for that directorate only:
  it has no questionnaire, so they verify its interview report and nothing else.
- Ministry staff see national aggregates only, never one subject.

What the policy does not know is the state of an object (is the round published, are the findings
sent for verification): the data rules in the services decide that, and the `<thing>_for_user`
helpers of each app combine the two.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from regions.models import MEMBER_KIND, SUBJECT_CODE_PATTERN, Membership, Subject, SubjectKind


class Area(StrEnum):
    """What a user is looking at of a subject; each area has its own scope."""

    PROFILE = "profile"  # the subject's own page
    QUESTIONNAIRE = "questionnaire"
    FINDINGS = "findings"


class Action(StrEnum):
    # Questionnaires.
    ANSWER = "questionnaire.answer"  # answers, comments, diverging views, evidence, carry-over, starting
    SIGN = "questionnaire.sign"
    SUBMIT = "questionnaire.submit"
    REVIEW = "questionnaire.review"  # the inspectors' workflow steps
    FIELDWORK = "fieldwork.view"
    EXCHANGE = "exchange.use"  # CSV/XLSX import and export of answers and judgments
    # Findings and verification.
    FINDINGS_EDIT = "findings.edit"  # findings, judgments, interview reports, citations, sending
    FINDINGS_DRAFT = "findings.draft"  # read findings before they are sent for verification
    VERIFY = "verification.respond"
    VERIFY_REPLY = "verification.reply"
    # The round as a whole.
    REGION_LIST = "regions.list"
    NATIONAL = "national.view"
    NATIONAL_EDIT = "national.edit"  # conclusions, publication
    SUBJECT_DETAIL = "national.subject_detail"  # names of subjects and their findings beside the aggregates
    RECOMMENDATIONS = "recommendations.view"
    RECOMMENDATIONS_EDIT = "recommendations.edit"  # recommendations, follow-up, draft rules
    # People.
    PEOPLE = "people.manage"  # invite, list and deactivate accounts
    # Rounds and frameworks.
    ROUNDS = "rounds.manage"  # create the next round, set it up, open and close it; load framework packages


INSPECTOR_ROLES = frozenset({Role.INSPECTOR, Role.ADMIN})
RESPONDENT_ROLES = frozenset({Role.OVR, Role.CONTACT, Role.RMC})
# A directorate is interviewed, not questioned: its contact person verifies, and fills in nothing.
VERIFYING_ROLES = RESPONDENT_ROLES | {Role.DIRECTORATE}

# Actions that need no subject, and the roles that may take them.
GLOBAL_ACTIONS: dict[Action, frozenset[str]] = {
    Action.FIELDWORK: INSPECTOR_ROLES,
    Action.EXCHANGE: INSPECTOR_ROLES,
    Action.FINDINGS_EDIT: INSPECTOR_ROLES,
    Action.FINDINGS_DRAFT: INSPECTOR_ROLES,
    Action.REVIEW: INSPECTOR_ROLES,
    Action.VERIFY_REPLY: INSPECTOR_ROLES,
    Action.REGION_LIST: INSPECTOR_ROLES | RESPONDENT_ROLES,
    Action.NATIONAL: INSPECTOR_ROLES | {Role.MINISTRY},
    Action.NATIONAL_EDIT: INSPECTOR_ROLES,
    Action.SUBJECT_DETAIL: INSPECTOR_ROLES,
    Action.RECOMMENDATIONS: INSPECTOR_ROLES | {Role.MINISTRY},
    Action.RECOMMENDATIONS_EDIT: INSPECTOR_ROLES,
    Action.PEOPLE: INSPECTOR_ROLES,
    Action.ROUNDS: INSPECTOR_ROLES,
}

# Actions on one subject: inspectors, or the subject's own respondents (signing: the roles that sign).
SUBJECT_ACTIONS: dict[Action, tuple[bool, frozenset[str]]] = {
    Action.ANSWER: (True, RESPONDENT_ROLES),
    Action.SIGN: (False, RESPONDENT_ROLES),
    Action.SUBMIT: (False, RESPONDENT_ROLES),
    Action.VERIFY: (False, VERIFYING_ROLES),
}

# The respondents who sign a questionnaire before it is submitted, per kind of subject.
SIGNING_ROLES: dict[str, tuple[str, ...]] = {
    SubjectKind.REGION: (Role.OVR, Role.CONTACT),
    SubjectKind.BRIGADE: (Role.RMC,),
    SubjectKind.DIRECTORATE: (),
}

REFUSALS = {
    Action.ANSWER: gettext_lazy("U mag deze vragenlijst bekijken maar niet invullen."),
    Action.SIGN: gettext_lazy("Alleen de respondenten van deze vragenlijst ondertekenen."),
    Action.SUBMIT: gettext_lazy("Alleen de respondenten dienen deze vragenlijst in."),
    Action.REVIEW: gettext_lazy("Alleen inspecteurs brengen een vragenlijst in een volgende fase."),
    Action.VERIFY: gettext_lazy("Alleen de respondenten van deze regio, brigade of directie kunnen reageren."),
    Action.NATIONAL: gettext_lazy("Het landelijk beeld is voor inspecteurs en het ministerie."),
    Action.RECOMMENDATIONS: gettext_lazy("De aanbevelingen zijn voor inspecteurs en het ministerie."),
    Action.PEOPLE: gettext_lazy("Alleen inspecteurs nodigen personen uit en beheren hun accounts."),
    Action.ROUNDS: gettext_lazy("Alleen inspecteurs richten metingen in en laden toetsingskaders."),
    Action.REGION_LIST: gettext_lazy(
        "Het overzicht van de regio's is voor de inspectie en de respondenten van regio's en brigades."
    ),
}


def role_of(user: User | None) -> str | None:
    """The user's role for the policy; None for anyone who may nothing (anonymous, inactive)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return Role.ADMIN if user.is_superuser else user.role


def is_inspector(user: User) -> bool:
    return role_of(user) in INSPECTOR_ROLES


def _member_of(user: User, kind: str) -> QuerySet[Membership, dict[str, Any]]:
    """The parties of `kind` among `user`'s memberships in their account's role, as a subquery (no query now)."""
    return Membership.objects.of(user).filter(subject__kind=kind).values("subject_id")


def respondent_filter(user: User) -> Q | None:
    """The subjects `user` responds for (their memberships, in their role), as a filter on Subject; None: none at
    all (a role that responds for nothing)."""
    role = role_of(user)
    if role not in VERIFYING_ROLES:
        return None
    # The kind as well: a membership of a party of another kind (a contact person linked to a brigade by mistake)
    # grants nothing.
    kind = MEMBER_KIND[role]
    return Q(kind=kind, pk__in=_member_of(user, kind))


def visible_subjects(user: User, area: Area = Area.PROFILE, subjects: QuerySet[Subject] | None = None) -> QuerySet[Subject]:
    """The subjects whose `area` `user` may open."""
    subjects = Subject.objects.all() if subjects is None else subjects
    role = role_of(user)
    if role in INSPECTOR_ROLES:
        return subjects
    own = respondent_filter(user)
    if own is None or (role == Role.DIRECTORATE and area == Area.QUESTIONNAIRE):
        # A directorate has no questionnaire: its contact person has none to open.
        return subjects.none()
    if role == Role.RMC and area in (Area.PROFILE, Area.QUESTIONNAIRE):
        # An RMC reads the regions of the brigade, and any region they are a member of.
        own |= Q(region__brigade__subject__in=_member_of(user, SubjectKind.BRIGADE))
        own |= Q(kind=SubjectKind.REGION, pk__in=_member_of(user, SubjectKind.REGION))
    return subjects.filter(own)


def respondents(subject: Subject) -> QuerySet[User]:
    """The active accounts that respond for `subject`: a membership of it in the role of their account, a role
    that responds for its kind (the OVR and contact persons of a region, the RMC of a brigade, ...)."""
    roles = [role for role, kind in MEMBER_KIND.items() if kind == subject.kind]
    return User.objects.filter(
        is_active=True, role__in=roles, memberships__subject=subject, memberships__role=F("role")
    ).order_by("pk")


def scope_text(user: User) -> str:
    """What the account responds for or sees, by codes: `VR07`, `VR07, VR08`, `B11`, `DOPS`, or its reach.
    Reads `user.memberships` (prefetch `memberships__subject` for a list)."""
    role = Role.ADMIN if user.is_superuser else user.role
    if role in INSPECTOR_ROLES:
        return _("alle partijen")
    if role == Role.MINISTRY:
        return _("landelijk beeld")
    own_kind = MEMBER_KIND.get(role)
    memberships = sorted(user.memberships.all(), key=lambda m: (m.subject.kind != own_kind, m.subject.order, m.subject.code))
    codes = [m.subject.code for m in memberships if m.role == role]
    return ", ".join(codes) or _("geen partij")


def subject_for_user(user: User, code: str, area: Area = Area.PROFILE) -> Subject:
    """The subject `code` if `user` may open its `area`; 404 otherwise, exactly as for one that does not exist."""
    subject = visible_subjects(user, area).select_related("region__brigade", "brigade").filter(code=code.upper()).first()
    if subject is None:
        raise Http404(_("Deze regio of brigade bestaat niet of u heeft er geen toegang toe."))
    return subject


def responds_for(user: User, subject: Subject) -> bool:
    """Whether `user` is one of the respondents of `subject` (OVR/contact of the region, RMC of the brigade,
    contact person of the directorate)."""
    return subject.pk in _respondent_ids(user)


def _respondent_ids(user: User) -> frozenset[int]:
    # Read once per request: the user object lives as long as the request.
    cached = getattr(user, "_policy_respondent_ids", None)
    if cached is None:
        own = respondent_filter(user)
        cached = frozenset(Subject.objects.filter(own).values_list("pk", flat=True)) if own is not None else frozenset()
        if user is not None and user.is_authenticated:
            user._policy_respondent_ids = cached
    return cached


def may(user: User, action: Action | str, subject: Subject | None = None) -> bool:
    """Whether `user` may take `action` (on `subject` for the actions that concern one)."""
    action = Action(action)
    role = role_of(user)
    if role is None:
        return False
    if action in GLOBAL_ACTIONS:
        return role in GLOBAL_ACTIONS[action]
    inspectors_too, roles = SUBJECT_ACTIONS[action]
    if subject is None:
        # "Is there any subject on which the user may do this?" (menus and work lists).
        return (inspectors_too and role in INSPECTOR_ROLES) or (role in roles and respondent_filter(user) is not None)
    if inspectors_too and role in INSPECTOR_ROLES:
        return True
    if role not in roles or not responds_for(user, subject):
        return False
    if action == Action.SIGN:
        return role in SIGNING_ROLES[subject.kind]
    return True


def permitted(user: User, subject: Subject | None = None) -> frozenset[Action]:
    """Every action `user` may take (on `subject`, for the actions that concern one): the policy asked once by a
    page that needs several of its answers (the access answers `assessments.access.assessment_access` and
    `findings.access.findings_access`, built once per request)."""
    if role_of(user) is None:
        return frozenset()
    return frozenset(action for action in Action if may(user, action, subject))


def require(user: User | None, action: Action | str, subject: Subject | None = None) -> None:
    """PermissionDenied (403, with a Dutch reason) unless `user` may take `action`.

    `user=None` is the system itself: a management command run by an operator on the server (an
    import without `--user`). Requests always carry a user, anonymous or not."""
    if user is None:
        return
    if not may(user, action, subject):
        action = Action(action)
        raise PermissionDenied(REFUSALS.get(action, _("Alleen inspecteurs mogen dit doen.")))


__all__ = [
    "Action",
    "Area",
    "SIGNING_ROLES",
    "SUBJECT_CODE_PATTERN",
    "is_inspector",
    "may",
    "permitted",
    "require",
    "respondents",
    "responds_for",
    "scope_text",
    "subject_for_user",
    "visible_subjects",
]
