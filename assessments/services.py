"""Writes to questionnaires: starting, answering, signing, the workflow, carrying over, evidence.

Every service is keyword-only, atomic, validates before it writes and records who did it:
answers through django-simple-history (`_history_user`), workflow steps as `Transition` rows.
Refusals are `ValidationError` (with a Dutch message), `PermissionDenied` (wrong role) or
`core.errors.StaleEdit` (a save based on an answer that someone else changed meanwhile).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from accounts.models import NotificationKind, Role
from accounts.services import notify
from assessments.models import (
    Answer,
    Assessment,
    AssessmentStatus,
    Evidence,
    Lineage,
    Question,
    Questionnaire,
    Signature,
    Transition,
)
from assessments.progress import missing_required
from assessments.values import MAX_REASON, MAX_TEXT, parse_value, text_clean
from assessments.workflow import EDITABLE, step_between
from core.errors import StaleEdit
from core.uploads import CheckedUpload, upload_check, upload_type
from framework.guards import require_round_writable
from framework.models import Round
from regions.policy import SIGNING_ROLES, Action, require, respondents

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django_stubs_ext import StrPromise

    from accounts.models import User
    from regions.models import Subject

S = AssessmentStatus

SIGNER_NAMES: dict[str, str | StrPromise] = {Role.OVR: "OVR", Role.CONTACT: gettext_lazy("contactpersoon van de veiligheidsregio"), Role.RMC: "RMC"}


def stale_answer(answer: Answer, *, value: str, comment: str | None) -> StaleEdit:
    """The refusal of a save based on an older revision of `answer`: the stored value and comment, the ones sent,
    and the stored answer itself (the page names who changed it and when)."""
    return StaleEdit(
        current={"value": answer.value, "comment": answer.comment},
        proposed={"value": value, "comment": comment},
        current_revision=answer.revision,
        stored=answer,
    )


def assessment_start(*, round: Round, subject: Subject, by: User) -> Assessment:
    """Start `subject`'s questionnaire in `round` (or return it when it was started already), against the
    latest questionnaire version for the round and the subject's kind. Those who may answer it start it;
    ValidationError when the round is published or has no such questionnaire."""
    require(by, Action.ANSWER, subject)
    with transaction.atomic():
        existing = Assessment.objects.filter(round=round, subject=subject).first()
        if existing is not None:
            return existing
        require_round_writable(round)
        questionnaire = Questionnaire.objects.latest_for(round, subject.kind)
        if questionnaire is None:
            raise ValidationError(
                _("Voor %(round)s is er geen vragenlijst voor een %(audience)s.")
                % {"round": round, "audience": subject.get_kind_display()}
            )
        assessment, _created = Assessment.objects.get_or_create(
            round=round, subject=subject, defaults={"questionnaire": questionnaire}
        )
    return assessment


def _locked(assessment: Assessment) -> Assessment:
    """Lock the assessment row: saves to one assessment are serialised, and see its current status."""
    return Assessment.objects.select_for_update().select_related("round", "subject", "questionnaire").get(pk=assessment.pk)


def _require_writable(assessment: Assessment) -> None:
    """The rules for changing a questionnaire's content: its round is not published, and it is a draft."""
    require_round_writable(assessment.round)
    if assessment.status != EDITABLE:
        raise ValidationError(
            _("Deze vragenlijst heeft de status ‘%(status)s’ en kan niet meer worden gewijzigd.")
            % {"status": assessment.get_status_display()},
            code="locked",
        )


def signatures_withdraw(assessment: Assessment) -> int:
    """A signature covers the answers as they were signed: any change to an answer's content withdraws
    them all. Every path that changes an answer (page, autosave, import) calls this."""
    deleted, _rows = Signature.objects.filter(assessment=assessment).delete()
    return deleted


@transaction.atomic
def answer_save(
    *,
    assessment: Assessment,
    question: Question,
    value: object,
    comment: str | None = None,
    diverging_view: str | None = None,
    base_revision: int,
    by: User,
) -> Answer:
    """Save one answer of a draft assessment.

    `value` is parsed as the import parses it (ValidationError with a Dutch message when it is not
    allowed). `base_revision` is the revision the form showed (0 for no answer yet); when the answer
    has moved on and the submitted value (or comment) differs from the stored one, StaleEdit is
    raised carrying both (`stale_answer`), and nothing is written. `comment`/`diverging_view` of None leave those
    unchanged. Any save confirms a carried answer. Records `answered_by` (when the value changes; an
    inspector filling in on the respondents' behalf is named), the history with `by`, and the
    assessment's last activity. A changed value, comment or diverging view withdraws the signatures
    given so far: the respondents sign what is submitted.
    """
    require(by, Action.ANSWER, assessment.subject)
    locked = _locked(assessment)
    _require_writable(locked)
    if question.questionnaire_id != locked.questionnaire_id:
        raise ValidationError(_("Deze vraag hoort niet bij deze vragenlijst."), code="question")
    parsed = parse_value(question, value)
    comment = None if comment is None else text_clean(comment, limit=MAX_TEXT)
    diverging_view = None if diverging_view is None else text_clean(diverging_view, limit=MAX_TEXT)
    answer = Answer.objects.filter(assessment=locked, question=question).select_related("question").first()
    if answer is None:
        answer = Answer(assessment=locked, question=question, revision=0)
    if base_revision != answer.revision and (
        parsed != answer.value
        or (comment is not None and comment != answer.comment)
        or (diverging_view is not None and diverging_view != answer.diverging_view)
    ):
        raise stale_answer(answer, value=parsed, comment=comment)

    value_changed = parsed != answer.value
    comment_changed = comment is not None and comment != answer.comment
    diverging_changed = diverging_view is not None and diverging_view != answer.diverging_view
    if not (value_changed or comment_changed or diverging_changed or answer.carried):
        return answer
    if answer.pk is None and parsed == "" and not comment and not diverging_view:
        return answer
    if value_changed:
        answer.value = parsed
        answer.answered_by = by
    if comment is not None and comment_changed:
        answer.comment = comment
    if diverging_view is not None and diverging_changed:
        answer.diverging_view = diverging_view
        answer.diverging_by = by if diverging_view else None
    # Stored in Dutch, translated when shown (cmsaudit.i18n.change_reason).
    reason = gettext_noop("bevestigd") if answer.carried and not value_changed else gettext_noop("gewijzigd")
    if answer.carried and answer.answered_by_id is None:
        answer.answered_by = by
    answer.carried = False
    answer.revision += 1
    answer._history_user = by
    answer._change_reason = reason
    answer.save()
    if value_changed or comment_changed or diverging_changed:
        signatures_withdraw(locked)
    Assessment.objects.filter(pk=locked.pk).update(last_activity=timezone.now())
    return answer


def submission_problems(assessment: Assessment) -> list[str]:
    """Why the assessment cannot be submitted yet (Dutch, one line each); empty when it can."""
    return problems_for(
        audience=assessment.questionnaire.audience,
        questions=list(assessment.questionnaire.questions.order_by("order")),
        answers=list(assessment.answers.all()),
        signed_roles=set(assessment.signatures.values_list("role", flat=True)),
    )


def problems_for(*, audience: str, questions: list[Question], answers: list[Answer], signed_roles: set[str]) -> list[str]:
    """`submission_problems` over rows already loaded (the fill-in page shows them as a checklist)."""
    codes = {q.pk: q.code for q in questions}
    values = {codes.get(a.question_id, ""): a.value for a in answers}
    problems = []
    missing = missing_required(questions, values)
    if missing:
        # The questions by their (shortened) text, as the respondent reads them on the page; never by code.
        listed = "; ".join(f"‘{Truncator(q.display_text).chars(70)}’" for q in missing[:5])
        listed += " …" if len(missing) > 5 else ""
        problems.append(
            ngettext(
                "Nog %(count)s verplichte vraag onbeantwoord (%(codes)s).",
                "Nog %(count)s verplichte vragen onbeantwoord (%(codes)s).",
                len(missing),
            )
            % {"count": len(missing), "codes": listed}
        )
    carried = [a for a in answers if a.carried and a.value]
    if carried:
        problems.append(
            ngettext(
                "%(count)s overgenomen antwoord nog niet bevestigd.",
                "%(count)s overgenomen antwoorden nog niet bevestigd.",
                len(carried),
            )
            % {"count": len(carried)}
        )
    for role in SIGNING_ROLES[audience]:
        if role not in signed_roles:
            problems.append(_("Ondertekening door de %(signer)s ontbreekt.") % {"signer": SIGNER_NAMES[role]})
    return problems


@transaction.atomic
def assessment_sign(*, assessment: Assessment, by: User) -> Signature:
    """Sign a draft assessment as its OVR, contact person or RMC (one signature per role)."""
    require(by, Action.SIGN, assessment.subject)
    locked = _locked(assessment)
    _require_writable(locked)
    existing = Signature.objects.filter(assessment=locked, role=by.role).first()
    if existing is not None:
        if existing.user_id != by.pk:
            raise ValidationError(
                _("De %(role)s heeft al ondertekend (%(user)s).") % {"role": by.get_role_display(), "user": existing.user}
            )
        return existing
    signature = Signature.objects.create(assessment=locked, user=by, role=by.role)
    Assessment.objects.filter(pk=locked.pk).update(last_activity=timezone.now())
    return signature


def _step(assessment: Assessment, *, to: str, by: User, reason: str = "") -> Assessment:
    """Take one step of the workflow table (assessments.workflow): who may take it, whether it needs a
    reason, and the published-round rule are checked here for every step."""
    step = step_between(assessment.status, to)
    if step is None:
        target = S(to).label if to in S.values else to
        raise ValidationError(
            _("Van %(from)s naar %(to)s is geen toegestane stap.") % {"from": assessment.get_status_display(), "to": target}
        )
    require(by, step.action, assessment.subject)
    require_round_writable(assessment.round)
    reason = text_clean(reason, limit=MAX_REASON)
    if step.needs_reason and not reason:
        raise ValidationError(_("Geef een reden op voor deze stap."), code="reason")
    if to == EDITABLE:
        # Back to the respondents: they sign what they submit again.
        signatures_withdraw(assessment)
    Transition.objects.create(assessment=assessment, from_status=assessment.status, to_status=to, by=by, reason=reason)
    source, assessment.status = assessment.status, to
    assessment.save(update_fields=["status", "last_activity"])
    _hand_over_notify(assessment, source=source, by=by, reason=reason)
    return assessment


def _hand_over_notify(assessment: Assessment, *, source: str, by: User, reason: str) -> None:
    """Tell the respondents when the inspectors send their questionnaire back or take it into review."""
    params = {"subject": assessment.subject, "round": assessment.round, "reason": reason}
    if assessment.status == EDITABLE:
        kind = NotificationKind.QUESTIONNAIRE_RETURNED
        text = gettext_lazy("De vragenlijst van %(subject)s (%(round)s) is teruggestuurd: %(reason)s")
    elif source == S.SUBMITTED and assessment.status == S.IN_REVIEW:
        kind = NotificationKind.QUESTIONNAIRE_IN_REVIEW
        text = gettext_lazy("De inspectie heeft de vragenlijst van %(subject)s (%(round)s) in beoordeling genomen.")
    else:
        return
    notify(recipients=respondents(assessment.subject), kind=kind, text=text, params=params, by=by,
           url=reverse("assessments:fill", args=[assessment.round.code, assessment.subject.code]))


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by: User) -> Assessment:
    """Submit a draft: only by its OVR/contact person (region) or RMC (brigade), and only when every
    required question that applies is answered, carried answers are confirmed and all required
    signatures are present (ValidationError listing what is missing otherwise)."""
    require(by, Action.SUBMIT, assessment.subject)
    locked = _locked(assessment)
    _require_writable(locked)
    problems = submission_problems(locked)
    if problems:
        raise ValidationError(problems)
    return _step(locked, to=S.SUBMITTED, by=by)


@transaction.atomic
def assessment_transition(*, assessment: Assessment, to: str, by: User, reason: str = "") -> Assessment:
    """An inspector's workflow step (see assessments.workflow); sending back and reopening need a reason.
    Sending back to draft withdraws the signatures, so the respondents sign what they submit again."""
    require(by, Action.REVIEW, assessment.subject)
    return _step(_locked(assessment), to=to, by=by, reason=reason)


@transaction.atomic
def assessment_carry_over(*, assessment: Assessment, by: User) -> int:
    """Pre-fill a draft from the same region's assessment in the previous round: answers to questions
    that continue an earlier question unchanged (`same`), marked carried until a respondent confirms
    them. Questions already answered are left alone; carrying any answer withdraws the signatures, as every change
    to an answer does (`signatures_withdraw`). Returns the number of answers carried."""
    require(by, Action.ANSWER, assessment.subject)
    locked = _locked(assessment)
    _require_writable(locked)
    previous_round = locked.round.predecessor
    previous = Assessment.objects.filter(round=previous_round, subject=locked.subject).first() if previous_round else None
    if previous is None or previous_round is None:
        raise ValidationError(_("Er is geen vragenlijst uit de vorige meting om over te nemen."))
    earlier = {a.question.code: a for a in previous.answers.select_related("question").exclude(value="")}
    answered = set(locked.answers.exclude(value="").values_list("question_id", flat=True))
    count = 0
    same = locked.questionnaire.questions.filter(
        continues_relation=Lineage.SAME, continues__questionnaire__round=previous_round
    ).select_related("continues")
    for question in same:
        assert question.continues is not None, "read by the lineage it continues"
        source = earlier.get(question.continues.code)
        if source is None or question.pk in answered:
            continue
        try:
            value = parse_value(question, source.value)
        except ValidationError:
            continue  # the earlier answer is no longer an allowed value
        answer = Answer.objects.filter(assessment=locked, question=question).first() or Answer(
            assessment=locked, question=question
        )
        answer.value = value
        answer.comment = answer.comment or source.comment
        answer.carried = True
        answer.answered_by = None
        answer.revision += 1
        answer._history_user = by
        # One of cmsaudit.i18n.PARAMETRISED_REASONS: stored in Dutch, translated when shown.
        answer._change_reason = gettext_noop("overgenomen uit %(year)s") % {"year": previous_round.year}
        answer.save()
        count += 1
    if count:
        # The carried answers change what was signed: the respondents sign again what they submit.
        signatures_withdraw(locked)
    locked.carried_from = previous
    locked.save(update_fields=["carried_from", "last_activity"])
    return count


# Evidence: the one upload policy (core.uploads); the names stay importable from here.
EvidenceCheck = CheckedUpload
evidence_type = upload_type


def evidence_check(upload) -> EvidenceCheck:
    """Validate an evidence upload by the upload policy, with the evidence size limit; ValidationError in Dutch."""
    return upload_check(upload, max_bytes=settings.EVIDENCE_MAX_BYTES)


@transaction.atomic
def evidence_add(
    *, assessment: Assessment, upload: UploadedFile, by: User, answer: Answer | None = None, description: str = ""
) -> Evidence:
    """Attach a document to a draft assessment (or one of its answers), stored under MEDIA_ROOT with a
    generated name; only served through the access-checked download view."""
    require(by, Action.ANSWER, assessment.subject)
    locked = _locked(assessment)
    _require_writable(locked)
    if answer is not None and answer.assessment_id != locked.pk:
        raise ValidationError(_("Dit antwoord hoort niet bij deze vragenlijst."))
    check = evidence_check(upload)
    evidence = Evidence(
        assessment=locked,
        answer=answer,
        original_name=(upload.name or "document")[:255],
        content_type=check.content_type,
        size=check.size,
        description=description.strip()[:255],
        uploaded_by=by,
    )
    evidence.file.save(f"{uuid.uuid4().hex}.{check.extension}", upload, save=False)
    evidence.save()
    Assessment.objects.filter(pk=locked.pk).update(last_activity=timezone.now())
    return evidence
