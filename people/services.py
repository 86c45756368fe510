"""Inviting people: from a file (`invite_users`, the upload page) or one by one (the invite form), through one
service, `users_invite`.

A file is `subject_code,role,name,email` (CSV or XLSX, as every exchange file: core.tabular). It is validated
whole and written all or nothing: every error is reported with its line. Each person gets an account named by
their e-mail address, without a usable password, with exactly the scope the file gives (an OVR may get several
regions, in several rows; anyone else one party), and a mail with a link to choose a password, valid
INVITATION_DAYS. Inviting someone again whose account has no password yet sends a new link and voids the old.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import Event, event_record, invitation_mail, invitation_renew, user_label
from core.tabular import ImportRefused, Row, RowError, read_table, shorten
from regions.models import MEMBER_KIND, Membership, Subject, SubjectKind

INVITATION_HEADER = ("subject_code", "role", "name", "email")
# The file's role codes, and the kind of party each responds for.
INVITABLE_ROLES: dict[str, tuple[str, str]] = {
    "ovr": (Role.OVR, SubjectKind.REGION),
    "contact": (Role.CONTACT, SubjectKind.REGION),
    "rmc": (Role.RMC, SubjectKind.BRIGADE),
    "directorate": (Role.DIRECTORATE, SubjectKind.DIRECTORATE),
}
# OVRs can cover several regions (brigade piket); anyone else responds for one party.
SEVERAL_PARTIES_ROLES = frozenset({Role.OVR})


@dataclass
class Invitation:
    """One person to invite: their account's role and exactly the parties they respond for."""

    email: str
    name: str
    role: str
    subjects: list[Subject] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    account: User | None = None  # the account that exists already, when inviting again

    @property
    def several(self) -> bool:
        return len(self.subjects) > 1

    @property
    def scope(self) -> str:
        return ", ".join(str(subject) for subject in self.subjects)


@dataclass
class InviteResult:
    invited: list[User] = field(default_factory=list)
    reinvited: list[User] = field(default_factory=list)
    mail_failed: list[User] = field(default_factory=list)

    def summary(self) -> str:
        text = _("%(new)s nieuw uitgenodigd, %(again)s opnieuw uitgenodigd") % {
            "new": len(self.invited), "again": len(self.reinvited)}
        if self.mail_failed:
            text += "; " + _("de e-mail aan %(emails)s kon niet worden verstuurd: nodig hen later opnieuw uit") % {
                "emails": ", ".join(user.email for user in self.mail_failed)}
        return text + "."


def role_code(role: str) -> str:
    return next(code for code, (value, _kind) in INVITABLE_ROLES.items() if value == role)


def invitations_validate(rows: Iterable[Row]) -> tuple[list[Invitation], list[RowError]]:
    """Check every row, and the rows of one person together, against the parties and the accounts there are.
    Returns one Invitation per person and every error found; never raises."""
    rows = list(rows)
    errors: list[RowError] = []
    subjects = {s.code: s for s in Subject.objects.select_related("region", "brigade")}
    people: dict[str, Invitation] = {}
    for row in rows:
        code, role_text, name, email = (cell.strip() for cell in row.cells)
        code, role_text, email = code.upper(), role_text.lower(), email.lower()
        problem = _row_problem(code, role_text, name, email, subjects)
        if problem:
            errors.append(RowError(row.line, problem))
            continue
        role, _kind = INVITABLE_ROLES[role_text]
        subject = subjects[code]
        person = people.get(email)
        if person is None:
            people[email] = Invitation(email=email, name=name, role=role, subjects=[subject], lines=[row.line])
            continue
        first = person.lines[0]
        if person.role != role:
            errors.append(RowError(row.line, _("%(email)s staat op regel %(first)s met rol %(role)s; één persoon heeft één rol.") % {
                "email": email, "first": first, "role": role_code(person.role)}))
        elif subject in person.subjects:
            errors.append(RowError(row.line, _("%(email)s staat al op regel %(first)s voor %(code)s.") % {
                "email": email, "first": first, "code": code}))
        elif role not in SEVERAL_PARTIES_ROLES:
            errors.append(RowError(row.line, _("Alleen een OVR kan bij meer dan één partij horen; %(email)s staat al op regel %(first)s voor %(code)s.") % {
                "email": email, "first": first, "code": person.subjects[0].code}))
        else:
            person.subjects.append(subject)
            person.lines.append(row.line)
    errors += _account_problems(people)
    return list(people.values()), errors


def _row_problem(code: str, role_text: str, name: str, email: str, subjects: dict[str, Subject]) -> str | None:
    if role_text not in INVITABLE_ROLES:
        return _("Onbekende rol ‘%(role)s’; kies ovr, contact, rmc of directorate.") % {"role": shorten(role_text, 30)}
    subject = subjects.get(code)
    if subject is None:
        return _("Onbekende partij ‘%(code)s’; gebruik de code van een veiligheidsregio (VR07), brigade (B11) of directie (DOPS).") % {
            "code": shorten(code, 20)}
    role, kind = INVITABLE_ROLES[role_text]
    if subject.kind != kind:
        return _("Een %(role)s hoort bij een %(kind)s; %(code)s is een %(actual)s.") % {
            "role": Role(role).label, "kind": SubjectKind(kind).label, "code": code,
            "actual": SubjectKind(subject.kind).label}
    if not name:
        return _("De naam ontbreekt.")
    if len(name) > 150:
        return _("De naam is te lang (meer dan 150 tekens).")
    if not email:
        return _("Het e-mailadres ontbreekt.")
    try:
        validate_email(email)
    except ValidationError:
        return _("‘%(email)s’ is geen geldig e-mailadres.") % {"email": shorten(email, 60)}
    if len(email) > 150:
        return _("Het e-mailadres is te lang (meer dan 150 tekens).")
    return None


def _account_problems(people: dict[str, Invitation]) -> list[RowError]:
    """Whom an invitation may not reach: an account in use, of another role, deactivated, or not one."""
    errors = []
    accounts: dict[str, list[User]] = {}
    for user in User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=list(people)):
        accounts.setdefault(user.email.lower(), []).append(user)
    taken = set(User.objects.filter(username__in=list(people)).values_list("username", flat=True))
    for email, person in people.items():
        line, found = person.lines[0], accounts.get(email, [])
        if len(found) > 1:
            errors.append(RowError(line, _("Meer dan één account heeft het e-mailadres %(email)s; nodig deze persoon uit via het beheer.") % {"email": email}))
            continue
        if not found:
            if email in taken:
                errors.append(RowError(line, _("De gebruikersnaam %(email)s is al van een account met een ander e-mailadres.") % {"email": email}))
            continue
        account = found[0]
        if account.role != person.role or account.is_superuser:
            errors.append(RowError(line, _("%(email)s heeft al een account als %(role)s; een uitnodiging verandert geen rol.") % {
                "email": email, "role": account.get_role_display()}))
        elif not account.is_active:
            errors.append(RowError(line, _("Het account van %(email)s is gedeactiveerd.") % {"email": email}))
        elif account.has_usable_password():
            errors.append(RowError(line, _("%(email)s heeft al een account met een wachtwoord; een vergeten wachtwoord stelt de persoon zelf opnieuw in via ‘Wachtwoord vergeten?’.") % {"email": email}))
        else:
            person.account = account
    return errors


def several_parties_refusal(invitations: Iterable[Invitation]) -> list[RowError]:
    """The people who would get more than one party, each as an error that asks for confirmation."""
    return [
        RowError(person.lines[0], _("%(name)s (%(email)s) krijgt meer dan één partij: %(codes)s. Bevestig dat dit de bedoeling is.") % {
            "name": person.name, "email": person.email, "codes": ", ".join(s.code for s in person.subjects)})
        for person in invitations if person.several
    ]


def memberships_replace(*, user: User, subjects: list[Subject]) -> None:
    """Make `subjects` exactly the parties `user` responds for, in the role of their account. The caller has
    checked the parties against the role (invitations_validate, party_change_validate) and holds a transaction."""
    Membership.objects.filter(user=user).exclude(subject__in=subjects, role=user.role).delete()
    kept = set(Membership.objects.filter(user=user).values_list("subject_id", flat=True))
    Membership.objects.bulk_create(
        [Membership(user=user, subject=subject, role=user.role) for subject in subjects if subject.pk not in kept]
    )
    user.__dict__.pop("_policy_respondent_ids", None)


def party_change(
    *, user: User, subjects: list[Subject], by: User | None, several_confirmed: bool = False,
    request: HttpRequest | None = None,
) -> bool:
    """Make `subjects` exactly the parties respondent `user` responds for, replacing their memberships, and log it.
    ValidationError (Dutch) when the parties do not fit the role (one party, of the role's kind; only an OVR may
    have several), or when there are several and `several_confirmed` is not set (code "several": ask to confirm).
    Returns False when the parties were already these (nothing written, nothing logged)."""
    role = user.role
    if role not in MEMBER_KIND or user.is_superuser:
        raise ValidationError(_("Alleen een OVR, contactpersoon, RMC of contactpersoon van een directie hoort bij een partij."))
    if not user.is_active:
        raise ValidationError(_("Dit account is gedeactiveerd; het krijgt geen partij meer."))
    subjects = list(dict.fromkeys(subjects))
    if not subjects:
        raise ValidationError(_("Kies ten minste één partij."))
    kind = MEMBER_KIND[role]
    for subject in subjects:
        if subject.kind != kind:
            raise ValidationError(_("Een %(role)s hoort bij een %(kind)s; %(code)s is een %(actual)s.") % {
                "role": Role(role).label, "kind": SubjectKind(kind).label, "code": subject.code,
                "actual": SubjectKind(subject.kind).label})
    codes = ", ".join(subject.code for subject in subjects)
    if len(subjects) > 1 and role not in SEVERAL_PARTIES_ROLES:
        raise ValidationError(_("Een %(role)s hoort bij één partij; u koos er %(n)s (%(codes)s).") % {
            "role": Role(role).label, "n": len(subjects), "codes": codes})
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        before = list(Membership.objects.filter(user=user).order_by("subject__order", "subject__code")
                      .values_list("subject__code", flat=True))
        if set(before) == {subject.code for subject in subjects} and len(before) == len(subjects):
            return False
        if len(subjects) > 1 and not several_confirmed:
            raise ValidationError(
                _("%(name)s krijgt meer dan één partij: %(codes)s. Bevestig dat dit de bedoeling is.") % {
                    "name": user.get_full_name() or user.username, "codes": codes},
                code="several",
            )
        memberships_replace(user=user, subjects=subjects)
        event_record(action=Event.PARTY_CHANGE, result="ok", actor=by, request=request,
                     target=f"{user_label(user)}: {', '.join(before) or '-'} → {codes}")
    return True


def users_invite(*, invitations: list[Invitation], by: User | None, request: HttpRequest | None = None) -> InviteResult:
    """Create or update each person's account with exactly the scope of their invitation, without a usable
    password, in one transaction; then mail each a new set-password link (an earlier link is void). The
    invitations must come from `invitations_validate` without errors."""
    result = InviteResult()
    with transaction.atomic():
        for person in invitations:
            user = person.account or User(username=person.email, email=person.email)
            first, _space, last = person.name.partition(" ")
            user.first_name, user.last_name, user.role = first, last, person.role
            user.save()
            memberships_replace(user=user, subjects=person.subjects)
            invitation_renew(user=user)
            (result.reinvited if person.account else result.invited).append(user)
    scopes = {person.email: person.scope for person in invitations}
    for user in result.invited + result.reinvited:
        if not invitation_mail(user=user, scope=scopes[user.email], by=by, request=request):
            result.mail_failed.append(user)
    return result


def users_invite_file(
    *, name: str, data: bytes, by: User | None, several_confirmed: bool = False, request: HttpRequest | None = None
) -> InviteResult:
    """Read, validate whole and carry out an invitations file; ImportRefused with every error by line, and
    nothing written, when anything is wrong — including a person with several parties unless confirmed."""
    table = read_table(name, data, INVITATION_HEADER)
    if table.errors:
        raise ImportRefused(table.errors)
    invitations, errors = invitations_validate(table.rows)
    if errors:
        raise ImportRefused(errors)
    if not several_confirmed and (refusal := several_parties_refusal(invitations)):
        raise ImportRefused(refusal)
    return users_invite(invitations=invitations, by=by, request=request)


def reinvite_rows(user: User) -> list[Row]:
    """`user`'s account as rows of an invitations file, to invite them again with the scope they have. An account
    outside the four invitable roles, or without a party, gives a row that validation refuses."""
    if user.role not in {role for role, _kind in INVITABLE_ROLES.values()}:
        return [Row(0, ("", user.role, user.get_full_name(), user.email))]
    code = role_code(user.role)
    codes = list(Membership.objects.of(user).filter(subject__kind=MEMBER_KIND[user.role]).values_list("subject__code", flat=True))
    return [Row(0, (c, code, user.get_full_name(), user.email)) for c in codes] or [Row(0, ("", code, "", user.email))]
