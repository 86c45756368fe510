"""The demo tells one story: who answered, who signed, when it happened and what the conclusions say agree with
each other and with the 2013 report, on every page a new user opens."""

import re

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format

from accounts.models import Role, User
from assessments.models import Answer, Assessment, AssessmentStatus
from assessments.progress import missing_required
from findings.models import (
    Finding,
    InterviewReport,
    NationalConclusion,
    Recommendation,
    Verification,
    VerificationItem,
    VerificationResponse,
)
from regions.models import Membership
from regions.policy import SIGNING_ROLES, responds_for

pytestmark = pytest.mark.django_db

# The report's own sentences that the 2013 conclusions quote, verbatim (eindmeting 2013, section named).
REPORT_PASSAGES = {
    "5": "Op basis van de eindmeting 2013 constateren de Inspectie VenJ en de AFD dat een ontwikkeling zichtbaar is "
    "naar steeds meer structurele en professionele civiel-militaire samenwerking. […] Zij kennen hiermee Defensie "
    "als crisispartner een structurele plaats toe in de voorbereiding op rampen en crises. […] In dit opzicht wordt "
    "Defensie nog niet overal gezien als een structurele partner. Veiligheidsregio’s betrekken Defensie in "
    "toenemende mate bij het gezamenlijk opleiden en oefenen. […] De Inspectie VenJ en de AFD concluderen op basis "
    "van de eindmeting dat de civiel-militaire samenwerking aan vrijwel alle randvoorwaarden voor effectieve "
    "militaire bijstand en steunverlening voldoet, zoals afgesproken in de ICMS.",
    "3.1.1": "Uit het onderzoek komt tevens naar voren dat een termijn van drie jaar als te kort wordt ervaren om "
    "effectief invulling te kunnen geven aan de functie van OVR.",
    "3.1.2": "In februari 2013 heeft het Veiligheidsberaad een landelijk modelconvenant vastgesteld voor "
    "samenwerkingsafspraken tussen veiligheidsregio’s, politie en Defensie. De komst van dit modelconvenant is een "
    "goed moment om specifieke afspraken inzichtelijk te maken en duidelijk vast te leggen.",
    "3.4.1": "Ondanks dat de veiligheidsregio’s Defensie in de plannen als structurele partner in de "
    "crisisbeheersing beschouwen, kiezen 22 veiligheidsregio’s ervoor om Defensie in de uitvoering alleen bij "
    "oefeningen en incidenten te betrekken als het scenario hiertoe aanleiding geeft.",
    "3.4.2": "Bij een overgrote meerderheid van de veiligheidsregio’s is nog onduidelijk of de GMK de militaire "
    "portofoons herkent en kan koppelen aan de civiele gespreksgroepen.",
    "3.5.1": "Om een goede voorbereiding te bewerkstelligen is het noodzakelijk dat de reservisten actief betrokken "
    "zijn bij oefeningen.",
}
SUBMITTED_OR_LATER = [
    AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW, AssessmentStatus.VERIFICATION, AssessmentStatus.FINAL,
]


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def responded_for(user: User, subject, year: int) -> bool:
    """Whether `user` responded for `subject` in the round of `year`: a present respondent (2013), or, for 2009,
    one of the people of then, whose accounts have since been deactivated but keep the party they responded for."""
    if year == 2013:
        return responds_for(user, subject)
    return not user.is_active and Membership.objects.filter(user=user, subject=subject, role=user.role).exists()


def as_user(client, username: str):
    client.force_login(User.objects.get(username=username))
    return client


def today_in_words() -> list[str]:
    today = timezone.localdate()
    return [date_format(today, "j F Y"), date_format(today, "j M Y")]


# --- questionnaires ----------------------------------------------------------------------------------------


def test_every_submitted_questionnaire_is_signed_by_its_own_respondents(demo):
    assessments = Assessment.objects.filter(status__in=SUBMITTED_OR_LATER).select_related("subject", "questionnaire", "round")
    assert assessments.count() >= 50
    for assessment in assessments.prefetch_related("signatures__user"):
        signatures = {s.role: s for s in assessment.signatures.all()}
        required = SIGNING_ROLES[assessment.questionnaire.audience]
        assert set(required) <= set(signatures), f"{assessment}: ondertekend door {sorted(signatures)}"
        for signature in signatures.values():
            assert responded_for(signature.user, assessment.subject, assessment.round.year), f"{assessment}: {signature.user}"
            assert signature.signed_at.year == assessment.round.year, f"{assessment}: {signature.signed_at}"


def test_no_submitted_questionnaire_leaves_a_required_question_unanswered(demo):
    for assessment in Assessment.objects.filter(status__in=SUBMITTED_OR_LATER).select_related("questionnaire"):
        questions = list(assessment.questionnaire.questions.order_by("order"))
        values = dict(assessment.answers.values_list("question__code", "value"))
        missing = [q.code for q in missing_required(questions, values)]
        assert missing == [], f"{assessment} ({assessment.status}): {missing}"


@pytest.mark.parametrize("year", [2009, 2013])
def test_every_answer_was_entered_by_the_partys_own_respondents_within_its_round(demo, year):
    history = Answer.history.filter(assessment__round__year=year).select_related("history_user")
    assert history.count() >= 25 * 20
    parties = {a.pk: a.subject for a in Assessment.objects.filter(round__year=year).select_related("subject")}
    for row in history:
        subject = parties[row.assessment_id]
        assert row.history_user is not None and responded_for(row.history_user, subject, year), (
            f"{subject.code} {year}: antwoord ingevoerd door {row.history_user}"
        )
        assert row.history_date.year == year, f"{subject.code}: {row.history_date}"
    # Each region's OVR and its contact person both entered answers.
    entered_by = set(history.filter(assessment__subject__code="VR01").values_list("history_user__username", flat=True))
    then = "" if year == 2013 else f".{year}"
    assert entered_by == {f"ovr.vr01{then}", f"contact.vr01{then}"}


def test_every_workflow_step_lies_in_its_round_and_submission_is_the_respondents(demo):
    for assessment in Assessment.objects.prefetch_related("transitions__by").select_related("subject", "round"):
        steps = list(assessment.transitions.all())
        assert steps, f"{assessment}: geen stappen"
        assert steps[0].to_status == AssessmentStatus.SUBMITTED
        assert responded_for(steps[0].by, assessment.subject, assessment.round.year), f"{assessment}: {steps[0].by}"
        for step in steps:
            assert step.at.year == assessment.round.year, f"{assessment}: {step}"
            assert "Demogegevens" not in step.reason
        assert [s.at for s in steps] == sorted(s.at for s in steps)


# --- findings and verification -----------------------------------------------------------------------------


def test_interviews_reports_and_verification_lie_in_their_round(demo):
    reports = InterviewReport.objects.select_related("round")
    assert reports.count() >= 50
    for report in reports:
        assert report.held_on.year == report.round.year, report
        assert report.updated_at.year == report.round.year, report
    for verification in Verification.objects.select_related("round"):
        year = verification.round.year
        assert verification.sent_at and verification.sent_at.year == year, verification
        assert verification.verified_at is None or verification.verified_at.year == year, verification
        assert verification.verified_at is None or verification.verified_at > verification.sent_at, verification
    for item in VerificationItem.objects.select_related("verification__round"):
        assert item.sent_at.year == item.verification.round.year
    for response in VerificationResponse.objects.select_related("item__verification__round", "item__verification__subject", "respondent"):
        assert response.created_at.year == response.item.verification.round.year
        verification = response.item.verification
        if verification.subject.kind == "directorate":
            assert responds_for(response.respondent, verification.subject)
        else:
            assert responded_for(response.respondent, verification.subject, verification.round.year), (
                f"{verification}: {response.respondent}"
            )


def test_the_interview_comes_after_the_questionnaire_and_before_the_verification(demo):
    for report in InterviewReport.objects.filter(subject__kind__in=["region", "brigade"]).select_related("round", "subject"):
        assessment = Assessment.objects.get(round=report.round, subject=report.subject)
        submitted = assessment.transitions.get(to_status=AssessmentStatus.SUBMITTED).at
        verification = Verification.objects.filter(round=report.round, subject=report.subject).first()
        assert submitted.date() < report.held_on, f"{report}: {submitted} {report.held_on}"
        if verification is not None and verification.sent_at:
            assert report.held_on < verification.sent_at.date(), f"{report}: {report.held_on} {verification.sent_at}"
        else:
            assert (report.round.year, report.subject.code) == (2013, "VR14"), report  # held back, see above


def test_no_history_entry_names_a_file_or_a_demo_load(demo):
    history_models = [
        model for model in apps.get_models()
        if model.__name__.startswith("Historical") and any(f.name == "history_change_reason" for f in model._meta.fields)
    ]
    assert len(history_models) >= 8
    for model in history_models:
        for reason in model.objects.exclude(history_change_reason=None).values_list("history_change_reason", flat=True).distinct():
            assert not re.search(r"\.(csv|xlsx|ya?ml)\b|^import |demogegevens", reason, re.IGNORECASE), (
                f"{model.__name__}: {reason}"
            )


@pytest.mark.parametrize("year", [2009, 2013])
def test_every_history_entry_of_a_round_is_dated_in_that_round(demo, year):
    for model, lookup in [
        (Answer, "assessment__round__year"),
        (apps.get_model("findings", "Finding"), "round__year"),
        (InterviewReport, "round__year"),
        (Verification, "round__year"),
        (NationalConclusion, "round__year"),
        (Recommendation, "round__year"),
    ]:
        dates = model.history.filter(**{lookup: year}).values_list("history_date", flat=True)
        assert dates, f"{model.__name__} {year}"
        assert {d.year for d in dates} == {year}, model.__name__


# --- the pages a new user opens ------------------------------------------------------------------------------


def test_the_region_page_names_the_regions_own_people(demo, client):
    html = as_user(client, "inspecteur").get("/regions/VR01/").content.decode()
    assert "Gerrit Hoekstra" in html and "Anke Wiersma" in html
    assert "niet vastgelegd" not in html.split("Metingen", 1)[0]


@pytest.mark.parametrize("username", ["inspecteur", "ovr.vr01"])
def test_the_questionnaire_page_shows_who_answered_and_signed_and_when(demo, client, username):
    html = as_user(client, username).get("/assessments/icms-2013/VR01/?theme=1").content.decode()
    assert "beantwoord door Gerrit Hoekstra" in html
    assert "beantwoord door Ingrid de Inspecteur" not in html
    assert "nog niet ondertekend" not in html
    assert "Anke Wiersma" in html  # her signature
    assert "feb" in html  # signed in February 2013
    for today in today_in_words():
        assert today not in html
    contact_theme = as_user(client, username).get("/assessments/icms-2013/VR01/?theme=2").content.decode()
    assert "beantwoord door Anke Wiersma" in contact_theme


def test_the_questionnaire_history_names_the_respondents_and_the_rounds_source(demo, client):
    html = as_user(client, "inspecteur").get("/assessments/icms-2013/VR01/history/").content.decode()
    assert "Gerrit Hoekstra" in html and "Anke Wiersma" in html
    assert "Eindmeting 2013 (reconstructie uit het rapport)" in html
    assert ".csv" not in html
    assert "2013" in html
    for today in today_in_words():
        assert today not in html


@pytest.mark.parametrize("username", ["inspecteur", "ovr.vr01"])
def test_the_findings_page_dates_the_interview_and_the_verification_in_2013(demo, client, username):
    html = as_user(client, username).get("/findings/icms-2013/VR01/").content.decode()
    assert "4 maart 2013" in html  # the interview
    if username == "inspecteur":
        assert re.search(r"Verstuurd op \d+ (maart|april|mei) 2013", html)
    assert "Gerrit Hoekstra" in html  # at the interview
    assert "Anke Wiersma" in html and "akkoord" in html  # the contact person agreed with every item
    for today in today_in_words():
        assert today not in html


def test_vr13_and_vr14_stay_where_the_journeys_need_them(demo):
    assert Assessment.objects.get(round__year=2013, subject__code="VR13").status == AssessmentStatus.VERIFICATION
    vr14 = Assessment.objects.get(round__year=2013, subject__code="VR14")
    assert vr14.status == AssessmentStatus.DRAFT and not vr14.signatures.exists()
    # Sent back after the interview, with the reason the respondents read.
    assert vr14.transitions.last().reason.startswith("Na het gesprek teruggestuurd")
    assert Verification.objects.get(round__year=2013, subject__code="VR13").status == "awaiting"
    # No findings are verified on a questionnaire its respondents are still amending: VR14's wait, unsent.
    assert Finding.objects.filter(round__year=2013, subject__code="VR14").count() == 9
    assert not Verification.objects.filter(round__year=2013, subject__code="VR14").exclude(status="not_sent").exists()


def test_every_region_has_its_own_named_ovr_and_contact_person(demo):
    for role in (Role.OVR, Role.CONTACT):
        users = User.objects.filter(role=role, username__regex=r"^(ovr|contact)\.vr\d\d$")
        assert users.count() == 25
        assert all(u.first_name and u.last_name and u.memberships.filter(subject__kind="region").count() == 1 for u in users)
    assert User.objects.get(username="ovr.vr13").get_full_name() == "Olaf van Rijn"


# --- the conclusions in the report's words -------------------------------------------------------------------


def normal(text: str) -> str:
    """Text to compare with the report: no line breaks, hyphens or spaces; one kind of apostrophe."""
    return re.sub(r"[\s\-]", "", text.replace("’", "'")).lower()


def test_every_quotation_in_the_2013_conclusions_is_the_reports_own_words(demo):
    report = [normal(passage) for passage in REPORT_PASSAGES.values()]
    texts = list(NationalConclusion.objects.filter(round__year=2013).values_list("text", flat=True))
    quotes = [quote for text in texts for quote in re.findall(r'"([^"]+)"', text)]
    assert len(quotes) >= 8
    for quote in quotes:
        assert any(normal(quote.rstrip(".")) in passage for passage in report), quote


@pytest.mark.parametrize(
    ("factor", "words"),
    [
        (None, ["een ontwikkeling zichtbaar", "opleiden en oefenen neemt toe", "structurele plaats toe in de voorbereiding"]),
        ("3.1.2", ["Veiligheidsberaad", "modelconvenant vastgesteld"]),
        ("3.4.1", ["Ondanks dat", "in de plannen als structurele partner"]),
        ("3.4.2", ["overgrote meerderheid"]),
        ("3.5.1", ["noodzakelijk", "reservisten"]),
    ],
)
def test_the_2013_conclusions_keep_the_reports_wording(demo, factor, words):
    conclusion = NationalConclusion.objects.get(round__year=2013, success_factor__code=factor)
    for word in words:
        assert word in conclusion.text, word
    assert "duidelijk structureler" not in conclusion.text and "evalueren neemt toe" not in conclusion.text


def test_the_overall_conclusion_does_not_say_evaluating_increases(demo):
    text = NationalConclusion.objects.get(round__year=2013, success_factor=None).text
    assert not re.search(r"evalueren[^.]*neemt toe", text)


def test_the_recommendation_on_timely_involvement_keeps_its_purpose(demo):
    texts = list(Recommendation.objects.filter(round__year=2013, success_factors__code="3.2.2").values_list("text", flat=True))
    assert any("om de responstijd te verkleinen" in text for text in texts)


def test_the_2013_national_judgments_follow_from_the_regional_ones_without_overrides(demo):
    # Where the report's judgment is what the rule proposes, no reason is kept (national.services.conclusion_save).
    overrides = NationalConclusion.objects.filter(round__year=2013).exclude(reason="")
    assert list(overrides.values_list("success_factor__code", flat=True)) == []
    assert NationalConclusion.objects.get(round__year=2013, success_factor__code="3.4.2").judgment == "voldoet"
