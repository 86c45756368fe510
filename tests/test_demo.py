"""The demo reproduces the 2013 report's figures from answers and judgments (never typed in).

FIGURES lists every figure and quantity word of the report (../shared/report-figures.md) that the demo answers
claim, with the report section that states it and how it is counted from the loaded demo. A quantity word is a
range (QUANTITY): the four of report-figures.md as stated there, the others as a reader of the report takes them.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from accounts.models import User
from assessments.models import Answer, Assessment, Question, Signature
from assessments.norms import suggest_judgment
from findings.models import Finding, FollowUp, Verification
from framework.models import Criterion, Round, SuccessFactor

pytestmark = pytest.mark.django_db

REGIONS = 25
QUANTITY = {
    # report-figures.md
    "enkele": range(2, 6),
    "meerdere": range(2, 13),  # several, not most
    "vrijwel alle": range(23, 25),
    "ruim tweederde": range(17, 20),
    # the report's other words, as a reader takes them (of 25 regions)
    "alle": range(25, 26),
    "de meeste": range(13, 25),  # more than half, not all
    "een groot aantal": range(13, 25),
    "het overgrote deel": range(19, 25),  # three quarters and more, not all
    "een beperkt aantal": range(2, 6),
    "een aantal": range(2, 13),
    "sommige": range(2, 13),
    "niet alle": range(1, 25),
    "geen": range(0, 1),
}


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def answers(code: str, year: int = 2013, kind: str = "region"):
    return Answer.objects.filter(
        assessment__round__year=year, assessment__subject__kind=kind, question__code=code
    ).exclude(value="")


def count(code: str, *values: str, kind: str = "region") -> int:
    """How many regions (brigades) answered `code` with one of `values`; a multiple-choice answer counts when
    it includes one of them."""
    return sum(1 for value in answers(code, kind=kind).values_list("value", flat=True) if set(value.split("|")) & set(values))


def regions_answering(code: str, value: str) -> set[str]:
    return set(answers(code).filter(value=value).values_list("assessment__subject__code", flat=True))


# (what the report says, its section, how to count it from the demo, the report's number or quantity word)
FIGURES = [
    # 3.1.1
    ("every region has an OVR assigned", "3.1.1", lambda: count("ovr_assigned", "ja"), 25),
    ("the OVR has a (fixed) workplace in every region", "3.1.1", lambda: count("ovr_workplace", "ja"), 25),
    ("the OVR is present two or more days a week", "3.1.1", lambda: count("ovr_days_per_week", "2_or_more"), "vrijwel alle"),
    ("the OVR generally has enough time for his tasks", "3.1.1", lambda: count("ovr_enough_time", "ja"), "de meeste"),
    ("at least three reservists support the OVR (2009 starting point)", "3.1.1",
     lambda: sum(1 for v in answers("reservists_count").values_list("value", flat=True) if float(v) >= 3), 25),
    ("Defence has arranged replacement of an unavailable OVR", "3.1.1", lambda: count("ovr_replacement_arranged", "ja"), 25),
    ("one OVR per region is not always enough", "3.1.1", lambda: count("one_ovr_enough", "nee"), "meerdere"),
    ("a three-year posting is too short", "3.1.1", lambda: count("ovr_term_sufficient", "nee"), "meerdere"),
    ("in some other regions the reservists are less involved", "3.1.1",
     lambda: count("reservists_role", "little_involved"), "enkele"),
    ("the OVR has contact with the municipality only sometimes", "3.1.1", lambda: count("ovr_contacts", "municipality"), "sommige"),
    # 3.1.2
    ("region and OVR know the ICMS agreements", "3.1.2", lambda: count("catalogue_known", "ja"), 25),
    ("region and OVR know what Defence can provide (the catalogue)", "3.1.2", lambda: count("cms_catalogue_known", "ja"), 25),
    ("the catalogue is no longer representative", "3.1.2", lambda: count("catalogue_current", "nee"), "de meeste"),
    ("a large number of regions have no local agreements", "3.1.2", lambda: count("decentral_agreements", "nee"), "een groot aantal"),
    ("all OVRs can translate a request into military capacity", "3.1.2", lambda: count("ovr_translates_request", "ja"), 25),
    ("all OVRs act as liaison for the ICMS capacities", "3.1.2", lambda: count("ovr_acts_as_liaison", "ja"), 25),
    # 3.2.1
    ("every region involves Defence in its planning", "3.2.1",
     lambda: count("ovr_planning_role", "permanent_member", "on_invitation"), 25),
    ("the OVR is a permanent member of the planning group", "3.2.1",
     lambda: count("ovr_planning_role", "permanent_member"), "enkele"),
    ("Defence is in every risk profile", "3.2.1", lambda: count("defence_in_regional_plans", "ja"), 25),
    ("Defence is in every policy plan", "3.2.1", lambda: count("defence_in_policy_plan", "ja"), 25),
    ("Defence is in every regional crisis plan", "3.2.1", lambda: count("defence_in_crisis_plan", "ja"), 25),
    ("Defence is in some operational plans", "3.2.1", lambda: count("defence_in_operational_plans", "ja"), "sommige"),
    ("the plans mostly refer to the ICMS agreements", "3.2.1", lambda: count("plans_refer_to_agreements", "ja"), "de meeste"),
    ("the plans mostly refer to the catalogue", "3.2.1", lambda: count("plans_refer_to_catalogue", "ja"), "de meeste"),
    ("not every region records Defence's involvement in a document", "3.2.1",
     lambda: count("defence_involvement_documented", "ja"), "niet alle"),
    ("every region alerts the OVR first", "3.2.1", lambda: count("ovr_alerted_first", "ja"), 25),
    ("some regions inform the OVR at GRIP-1 already", "3.2.1", lambda: count("alert_level", "grip1"), "enkele"),
    ("the OVR is alerted at GRIP-2 as standard", "3.2.1", lambda: count("alert_level", "grip1", "grip2"), 25),
    ("in some regions the OVR goes straight to the ROT", "3.2.1", lambda: count("ovr_attends_rot_directly", "ja"), "sommige"),
    ("attendance only after the operational leader's consent", "3.2.1", lambda: count("attendance_needs_ol_consent", "ja"), 3),
    ("piket within the own region (one hour)", "3.2.1", lambda: count("piket_arrangement", "own_region"), 6),
    ("piket within the brigade (two hours)", "3.2.1", lambda: count("piket_arrangement", "brigade"), 19),
    # 3.2.2
    ("every region and OVR knows the request procedure", "3.2.2", lambda: count("request_procedure_known", "ja"), 25),
    ("every region uses the LOCC forms", "3.2.2", lambda: count("locc_forms_used", "ja"), 25),
    ("the forms secure the information in a request", "3.2.2", lambda: count("request_info_secured", "ja"), 25),
    ("the moment to inform the mayor is set", "3.2.2", lambda: count("mayor_informing_arranged", "ja"), "vrijwel alle"),
    ("feedback on a request's status is secured", "3.2.2", lambda: count("request_feedback_secured", "ja"), "ruim tweederde"),
    ("all OVRs try to shorten the response time by the military route", "3.2.2",
     lambda: count("proactive_readying", "ja"), 25),
    ("a number of regions worry about the slow pace of approval", "3.2.2",
     lambda: count("request_approval_speed", "too_slow"), "een aantal"),
    ("a number of regions and OVRs say a request for Defence means is often urgent", "3.2.2",
     lambda: count("request_often_urgent", "ja"), "een aantal"),
    # 3.4.1
    ("a structural place for Defence in the GBT/RBT", "3.4.1", lambda: count("structural_place_policy_team", "ja"), 3),
    ("no structural place: depends on the incident", "3.4.1", lambda: count("structural_place_policy_team", "nee"), 22),
    ("in the other 22 the policy team's chair decides", "3.4.1", lambda: count("policy_team_seat_decided_by", "chair"), 22),
    ("the OVR has a workplace in the ROT", "3.4.1", lambda: count("ovr_rot_workplace", "dedicated", "shared_external"), 25),
    ("the ROT workplace is not always the OVR's alone", "3.4.1", lambda: count("ovr_rot_workplace", "dedicated"), "niet alle"),
    # 3.4.2
    ("every OVR has a P2000 pager", "3.4.2", lambda: count("ovr_p2000_pager", "ja"), 25),
    ("unclear whether the control room recognises military radios", "3.4.2",
     lambda: count("gmk_recognises_military_radios", "unclear"), "het overgrote deel"),
    ("tested at the control room", "3.4.2", lambda: count("gmk_radios_tested", "ja"), "een beperkt aantal"),
    ("a number see no added value in military C2000 radios", "3.4.2",
     lambda: count("military_radios_added_value", "nee"), "een aantal"),
    ("every OVR has access to the region's network", "3.4.2", lambda: count("ovr_network_access", "ja"), 25),
    ("every OVR has access to the information system", "3.4.2", lambda: count("ovr_nis_access", "read_write", "read_only"), 25),
    ("some OVRs have read rights only", "3.4.2", lambda: count("ovr_nis_access", "read_only"), "sommige"),
    ("several OVRs lack access in the regions of their piket", "3.4.2",
     lambda: count("ovr_nis_access_piket_regions", "nee"), "meerdere"),
    ("most regions use LCMS", "3.4.2", lambda: count("nis_system", "lcms"), "de meeste"),
    ("a pilot with a Defence tab in LCMS", "3.4.2", lambda: count("lcms_defence_tab", "ja"), 2),
    ("a number of regions want a Defence tab", "3.4.2", lambda: count("lcms_defence_tab_wanted", "ja"), "een aantal"),
    # 3.4.3
    ("weapons carried not or hardly ever", "3.4.3", lambda: count("weapons_carried_in_practice", "never", "rarely"), "de meeste"),
    ("the OVR's ready legal knowledge is limited", "3.4.3", lambda: count("weapons_legal_knowledge", "limited"), "de meeste"),
    ("an armed deployment is always coordinated with DJZ", "3.4.3", lambda: count("weapons_request_via_djz", "ja"), 25),
    # 3.5.1
    ("Defence a permanent member of the MOTO working group", "3.5.1", lambda: count("moto_role", "permanent_member"), "meerdere"),
    ("Defence joins MOTO when the region deems it necessary", "3.5.1", lambda: count("moto_role", "on_invitation"), "enkele"),
    ("some regions would like Defence to have a bigger role in preparing exercises", "3.5.1",
     lambda: count("defence_bigger_exercise_role_wanted", "ja"), "enkele"),
    ("some regions: Defence is one of the many vital partners they exercise with", "3.5.1",
     lambda: count("defence_one_of_many_exercise_partners", "ja"), "enkele"),
    ("the OVR is not yet involved in training planning everywhere", "3.5.1",
     lambda: count("ovr_in_training_planning", "ja"), "niet alle"),
    ("some training plans make training the OVR and the reservists Defence's responsibility", "3.5.1",
     lambda: count("training_plan_ovr_training_by_defence", "ja"), "sommige"),
    ("Defence is regularly involved in exercises", "3.5.1", lambda: count("defence_in_exercises", "ja"), 25),
    ("mostly at ROT level", "3.5.1", lambda: count("exercise_levels", "rot"), "de meeste"),
    ("in some cases CoPI exercises", "3.5.1", lambda: count("exercise_levels", "copi"), "sommige"),
    ("in some cases policy team exercises", "3.5.1", lambda: count("exercise_levels", "policy_team"), "sommige"),
    ("field units do not yet exercise structurally", "3.5.1", lambda: count("field_units_in_exercises", "structural"), "geen"),
    ("exercise calendars not aligned", "3.5.1", lambda: count("exercise_calendars_aligned", "nee"), 10),
    ("exercise calendars aligned", "3.5.1", lambda: count("exercise_calendars_aligned", "ja"), 15),
    ("the OVR helps write scenarios in most regions", "3.5.1", lambda: count("ovr_in_scenario_writing", "ja"), "de meeste"),
    ("the OVR as observer at exercises", "3.5.1", lambda: count("ovr_observer_at_exercises", "ja"), 17),
    ("reservists take part in exercises", "3.5.1", lambda: count("reservists_in_exercises", "ja"), 23),
    ("reservists do not take part in exercises", "3.5.1", lambda: count("reservists_in_exercises", "nee"), 2),
    ("most OVRs and reservists took the basic course", "3.5.1", lambda: count("basic_course_followed", "ja"), "de meeste"),
    ("some respondents say a run-in period is needed", "3.5.1", lambda: count("run_in_period_needed", "ja"), "enkele"),
    # 3.6.1
    ("most regions have an evaluation method", "3.6.1", lambda: count("evaluation_method", "ja"), "de meeste"),
    ("Defence is involved in evaluations", "3.6.1",
     lambda: count("defence_in_evaluations", "always", "only_when_deployed"), 25),
    ("the OVR feeds Defence's improvement points back to the region", "3.6.1",
     lambda: count("defence_feedback_shared", "ja"), 25),
    ("evaluations lead to measures", "3.6.1", lambda: count("lessons_into_actions", "ja"), 25),
    # brigades (of 3)
    ("C2000 and P2000 rolled out in all three brigades", "3.4.2",
     lambda: count("c2000_rolled_out", "ja", kind="brigade") + count("p2000_per_ovr", "ja", kind="brigade"), 6),
    ("the ICMS means are available", "3.3.1", lambda: count("icms_capacities_available", "ja", kind="brigade"), 3),
    ("OPPLAN 10 describes the request lines", "3.3.2",
     lambda: count("formal_request_line_described", "ja", kind="brigade")
     + count("informal_request_line_described", "ja", kind="brigade"), 6),
    ("replacement of the RMC is arranged", "3.1.1", lambda: count("rmc_replacement_arranged", "ja", kind="brigade"), 3),
]


@pytest.mark.parametrize(
    "figure, section, counted, reported", FIGURES, ids=[f"{section} {figure}" for figure, section, _, _ in FIGURES]
)
def test_the_demo_answers_give_the_figures_of_the_2013_report(demo, figure, section, counted, reported):
    found = counted()
    if isinstance(reported, int):
        assert found == reported, f"{section}: {figure} — the report says {reported}, the demo has {found}"
    else:
        assert found in QUANTITY[reported], (
            f"{section}: {figure} — the report says '{reported}', the demo has {found} of {REGIONS}"
        )


def test_the_answers_of_one_region_tell_one_story(demo):
    # 3.1.1: in the southern regions (brigade 13, piket in the own region) reservists can replace the OVR fully.
    assert regions_answering("reservists_role", "full_partner") == regions_answering("piket_arrangement", "own_region")
    assert {a.assessment.subject.region.brigade.number for a in answers("piket_arrangement").filter(value="own_region")
            .select_related("assessment__subject__region__brigade")} == {13}
    # 3.4.1: the three regions with a structural seat are the ones whose plans settle it and name GBT or RBT.
    structural = regions_answering("structural_place_policy_team", "ja")
    assert structural == regions_answering("policy_team_seat_decided_by", "plans")
    assert structural == {
        a.assessment.subject.code for a in answers("defence_crisis_teams")
        if {"gbt", "rbt"} & set(a.value.split("|"))
    }
    # 3.5.1: the regions that would like a bigger role for Defence in preparing exercises are not those where it is a
    # permanent member of MOTO (there the OVR already has "een volwaardige rol"); those that see Defence as one of
    # many vital partners give it no structural place either (4.1).
    assert regions_answering("defence_bigger_exercise_role_wanted", "ja")
    assert not regions_answering("defence_bigger_exercise_role_wanted", "ja") & regions_answering("moto_role", "permanent_member")
    assert regions_answering("defence_one_of_many_exercise_partners", "ja")
    assert not regions_answering("defence_one_of_many_exercise_partners", "ja") & structural
    # 3.6.1: Defence is always in the evaluations where the OVR is a permanent member of MOTO.
    assert regions_answering("defence_in_evaluations", "always") == regions_answering("moto_role", "permanent_member")
    # 3.4.2: a region where the control room's recognition is established has tested it.
    established = regions_answering("gmk_recognises_military_radios", "tested_yes") | regions_answering(
        "gmk_recognises_military_radios", "no"
    )
    assert established == regions_answering("gmk_radios_tested", "ja")


def test_moto_role_offers_only_the_reports_roles_and_the_other_regions_leave_it_open(demo):
    """3.5.1 knows two roles of Defence in the MOTO working group: a permanent member ("meerdere") and joining when the
    region deems it necessary ("enkele"). It says nothing of the other regions, so they leave the question open;
    no judgment rests on it."""
    question = Question.objects.get(questionnaire__round__year=2013, code="moto_role")
    assert list(question.choices.values_list("code", flat=True)) == ["permanent_member", "on_invitation"]
    assert not question.required and not question.norm
    assert set(answers("moto_role").values_list("value", flat=True)) == {"permanent_member", "on_invitation"}
    assert answers("moto_role").count() == 15


def test_the_sentences_count_in_the_reports_units(demo):
    """Where the report counts interviewees, OVRs or respondents, the sentence says so (the count stays the
    regions', one questionnaire each, filled in by the region's OVR and contact person)."""
    out = StringIO()
    call_command("national_picture", "--round", "2013", stdout=out)
    indicators = json.loads(out.getvalue())["indicators"]
    assert indicators["one_ovr_enough"]["sentence"].startswith("Geïnterviewden in 6 van de 25 veiligheidsregio's")
    assert indicators["ovr_term_sufficient"]["sentence"].startswith("Geïnterviewden in 7 van de 25 veiligheidsregio's")
    assert indicators["request_feedback_secured"]["sentence"].startswith("17 van de 25 OVR's geven aan")
    assert indicators["run_in_period_needed"]["sentence"].startswith("Respondenten in 4 van de 25 veiligheidsregio's")
    assert indicators["ovr_nis_access_piket_regions"]["sentence"].startswith("8 van de 19 OVR's met piket per brigade")


def test_the_ovrs_performance_of_tasks_is_a_criterion_of_3_1_1(demo):
    """3.1.1: "Bij deze eindmeting zijn … en de taakuitvoering van de OVR onderzocht." """
    criterion = Criterion.objects.get(code="3.1.1-d")
    assert criterion.section == "3.1.1" and "taakuitvoering van de OVR" in criterion.text
    measured = set(Question.objects.filter(questionnaire__round__year=2013, criterion=criterion).values_list("code", flat=True))
    assert measured == {"ovr_enough_time", "ovr_term_sufficient"}


def test_every_regional_judgment_is_the_one_its_answers_and_norms_give(demo):
    """findings/demo/2013-judgments.csv is generated from the answers (bench/demo_generate.py): each judgment is
    what the questions' norms suggest, so what the inspector sees beside the answers agrees with it."""
    factors = {sf.pk: sf.code for sf in SuccessFactor.objects.all()}
    by_subject: dict[tuple, list] = {}
    for answer in Answer.objects.filter(assessment__round__year=2013, assessment__subject__kind="region").select_related(
        "question", "assessment"
    ):
        by_subject.setdefault((answer.assessment.subject_id, answer.question.success_factor_id), []).append(answer)
    findings = Finding.objects.filter(round__year=2013, subject__kind="region").select_related("subject")
    assert findings.count() == 25 * 9
    wrong = [
        (f.subject.code, factors[f.success_factor_id], f.judgment)
        for f in findings
        if suggest_judgment(by_subject.get((f.subject_id, f.success_factor_id), [])).judgment != f.judgment
    ]
    assert wrong == []


def test_every_2009_regional_judgment_is_the_one_its_answers_and_norms_give(demo):
    """findings/demo/2009-judgments.csv (reconstructed) agrees with the 2009 answers and the norms of the 2009
    questionnaire, as the 2013 judgments do with theirs."""
    by_subject: dict[tuple, list] = {}
    for answer in Answer.objects.filter(assessment__round__year=2009).select_related("question", "assessment"):
        by_subject.setdefault((answer.assessment.subject_id, answer.question.success_factor_id), []).append(answer)
    findings = Finding.objects.filter(round__year=2009).select_related("subject", "success_factor")
    assert findings.count() == 25 * 9
    wrong = [
        (f.subject.code, f.success_factor.code, f.judgment)
        for f in findings
        if suggest_judgment(by_subject.get((f.subject_id, f.success_factor_id), [])).judgment != f.judgment
    ]
    assert wrong == []


# What the 2013 report says the tussenmeting of 2009 found for every region (the introduction of each section).
REPORT_ON_2009 = {
    "3.1.1": "vaste aanspreekpunten ... die voldoende tijd hebben voor hun taken",
    "3.2.2": "de aanvraagprocedures en benodigde informatie voor de aanvraag voldoende bekend",
    "3.4.1": "defensiefunctionarissen nemen in deze crisisteams een voldoende duidelijke plaats in",
    "3.4.3": "bij de OVR's voldoende kennis over de juridische aspecten bij het meevoeren van wapens",
}


@pytest.mark.parametrize("factor", REPORT_ON_2009)
def test_no_2009_judgment_contradicts_what_the_report_says_of_2009(demo, factor):
    below = Finding.objects.filter(round__year=2009, success_factor__code=factor).exclude(judgment="voldoet")
    assert list(below.values_list("subject__code", "judgment")) == [], f"{factor}: {REPORT_ON_2009[factor]}"


def test_the_national_judgments_follow_from_the_regional_ones_and_are_the_reports(demo):
    # Chapter 5: every success factor is met nationally except 3.4.1 (3 regions meet it, 22 partly).
    out = StringIO()
    call_command("national_picture", "--round", "2013", stdout=out)
    factors = json.loads(out.getvalue())["success_factors"]
    report = {code: "voldoet_gedeeltelijk" if code == "3.4.1" else "voldoet" for code in factors}
    assert {code: factor["proposed_judgment"] for code, factor in factors.items()} == report
    assert {code: factor["national_judgment"] for code, factor in factors.items()} == report
    assert [code for code, factor in factors.items() if factor["reason"]] == []  # no hand-set override
    assert (factors["3.4.1"]["counts"]["voldoet"], factors["3.4.1"]["counts"]["voldoet_gedeeltelijk"]) == (3, 22)
    assert factors["3.3.1"]["counts"]["voldoet"] == 3  # the three brigades


def test_every_success_factor_shows_its_criteria_with_their_sections(demo):
    out = StringIO()
    call_command("national_picture", "--round", "2013", stdout=out)
    factors = json.loads(out.getvalue())["success_factors"]
    assert len(factors) == 11
    for code, factor in factors.items():
        assert factor["criteria"], code
        assert {criterion["section"] for criterion in factor["criteria"]} == {code}, code


def test_the_demo_leaves_work_for_each_demo_user(demo, client):
    assert Assessment.objects.get(round__year=2013, subject__code="VR14").status == "draft"
    assert Verification.objects.get(round__year=2013, subject__code="VR13").status == "awaiting"
    client.force_login(User.objects.get(username="ovr.vr13"))
    assert "/findings/icms-2013/VR13/" in client.get("/").content.decode()


def test_nobody_signed_both_the_2009_and_the_2013_questionnaire(demo):
    """Other people answered in 2009 than in 2013: Defence posts an OVR for three years (3.1.1), and the regions'
    contact persons changed too. The people of 2009 have moved on: their accounts are inactive."""
    signers = {
        year: set(Signature.objects.filter(assessment__round__year=year).values_list("user", flat=True))
        for year in (2009, 2013)
    }
    assert len(signers[2009]) == 25 * 2  # an OVR and a contact person per region
    assert len(signers[2013]) >= 24 * 2  # VR14's questionnaire went back: its signatures were withdrawn
    assert signers[2009] & signers[2013] == set()
    entered = {
        year: set(Answer.history.filter(assessment__round__year=year).values_list("history_user", flat=True))
        for year in (2009, 2013)
    }
    assert entered[2009] & entered[2013] == set()
    assert not User.objects.filter(pk__in=signers[2009], is_active=True).exists()
    assert User.objects.filter(pk__in=signers[2013], is_active=False).count() == 0


def test_the_2009_interviews_name_the_organisations_of_then(demo):
    """In 2009 the Inspectie VenJ was the Inspectie Openbare Orde en Veiligheid and the AFD the Audit Dienst
    Defensie (the report's preface)."""
    from findings.models import InterviewReport

    reports_2009 = InterviewReport.objects.filter(round__year=2009)
    assert reports_2009.count() == 25
    for report in reports_2009:
        assert "(IOOV)" in report.participants and "(ADD)" in report.participants, report.participants
        assert "VenJ" not in report.participants and "AFD" not in report.participants, report.participants
    for report in InterviewReport.objects.filter(round__year=2013, subject__kind="region"):
        assert "Inspectie VenJ" in report.participants and "AFD" in report.participants, report.participants


def test_the_context_keeps_the_reports_words_and_calls_the_afd_no_inspectorate(demo):
    """Chapter 4.1 weighs the concern in one sentence; the context of 2013 keeps it as the report words it. The AFD
    is Defence's audit service: "de inspecties" (the inspectorates) would make it an inspectorate."""
    from national.models import RoundContext

    context = RoundContext.objects.get(round__year=2013)
    assert "Hoewel dit in de meeste regio's niet leidt tot problemen, hebben de RMC's en OVR's hierover wel hun zorgen geuit." in context.text
    assert "De Inspectie VenJ en de AFD bevelen" in context.text
    assert "inspecties" not in context.text.lower() and "inspectorates" not in context.text_en.lower()
    assert "audit service" in context.text_en


def test_no_demo_text_places_the_h_natops_at_dops(demo):
    """The H-NATOPS (Hoofd Nationale Operaties) belong to the RMCs of the brigades (report, chapter 2)."""
    from findings.models import InterviewReport

    for report in InterviewReport.objects.all():
        assert "Nationale Operaties DOPS" not in report.participants and "H-NATOPS DOPS" not in report.participants
        assert "twee inspecteurs" not in report.participants, report.participants  # the AFD has auditors


def test_the_2009_recommendations_have_their_2013_follow_up(demo):
    assert FollowUp.objects.filter(round__year=2013, recommendation__round__year=2009).count() >= 5


def test_loading_the_demo_twice_changes_nothing(demo, settings):
    settings.DEBUG = True
    before = (
        Answer.objects.count(),
        Answer.history.count(),
        Assessment.objects.aggregate(final=Count("pk", filter=Q(status="final")))["final"],
    )
    call_command("load_demo", stdout=StringIO())
    after = (
        Answer.objects.count(),
        Answer.history.count(),
        Assessment.objects.aggregate(final=Count("pk", filter=Q(status="final")))["final"],
    )
    assert before == after


def test_every_demo_finding_and_deelconclusie_cites_what_it_rests_on(demo):
    from findings.pages import uncited

    left = uncited(Round.objects.get(year=2013))
    assert list(left["findings"]) == []
    assert [c.success_factor for c in left["conclusions"]] == [None]  # only the overall conclusion
