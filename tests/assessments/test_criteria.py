"""Criteria per success factor (in the framework package, framework/packages/icms/framework.yaml): loaded validated whole, tied to the
questions that measure them, shown on the fill-in page per theme and on the findings page beside the suggested
judgment, whose reasons are grouped per criterion with each norm's report section; signals show, never count."""

import io
from html import unescape

import pytest
import yaml
from django.urls import reverse

from assessments.definitions import read_definition, validate_definition
from assessments.models import Choice, Question, Questionnaire
from assessments.norms import suggest_judgment
from assessments.packages import PackageError, package_load, package_read
from assessments.services import answer_save
from framework.models import Criterion, Round, SuccessFactor
from tests.packages import ICMS, icms_questionnaires, package_copy, yaml_edit

FILL = "/assessments/icms-2013/VR13/"
FINDINGS = "/findings/icms-2013/VR13/"


def page(response) -> str:
    assert response.status_code == 200
    return unescape(response.content.decode())


# --- the framework package ---------------------------------------------------------------------------------


def icms_criteria() -> list[dict]:
    framework = yaml.safe_load((ICMS / "framework.yaml").read_text(encoding="utf-8"))
    return [c for theme in framework["themes"] for f in theme["success_factors"] for c in f.get("criteria") or []]


def test_every_success_factor_has_criteria_with_the_report_section_they_come_from(db):
    assert Criterion.objects.filter(framework__code="icms").count() == len(icms_criteria())
    for factor in SuccessFactor.objects.filter(framework__code="icms").prefetch_related("criteria"):
        criteria = list(factor.criteria.all())
        assert criteria, factor.code
        for criterion in criteria:
            assert criterion.section.startswith("3."), criterion.code
            assert criterion.text and criterion.text_en, criterion.code


def first_criterion(data: dict) -> dict:
    return data["themes"][0]["success_factors"][0]["criteria"][0]


def test_loading_the_package_again_changes_nothing_and_a_changed_criterion_is_updated(db, tmp_path):
    assert package_load(package_read(ICMS)).unchanged
    copy = package_copy(tmp_path)
    yaml_edit(copy / "framework.yaml", lambda data: first_criterion(data).update(text="Een aangescherpt criterium."))
    assert not package_load(package_read(copy)).unchanged
    assert Criterion.objects.get(framework__code="icms", code="3.1.1-a").text == "Een aangescherpt criterium."


def test_criteria_with_errors_are_refused_whole_with_file_and_line_in_dutch(db, tmp_path):
    copy = package_copy(tmp_path)

    def spoil(data):
        factor = data["themes"][0]["success_factors"][0]
        factor["criteria"] += [
            {"code": "3.1.1-z", "section": "3.1.1", "text": "Goed criterium."},
            {"code": "3.1.1-z", "section": "3.1.1", "text": "Dubbel."},
            {"code": "3.2.1-q", "section": "paragraaf drie", "text": ""},
        ]
    yaml_edit(copy / "framework.yaml", spoil)
    with pytest.raises(PackageError) as refused:
        package_load(package_read(copy))
    errors = "\n".join(refused.value.errors)
    assert "criterium 3.1.1-z: code komt twee keer voor." in errors
    assert "criterium '3.2.1-q': code is de code van de succesfactor, een streepje en een letter (3.1.1-a)." in errors
    assert "criterium 3.2.1-q: section 'paragraaf drie' is geen paragraaf (zoals 2.1 of 4.3.2)." in errors
    assert "criterium 3.2.1-q: tekst ontbreekt." in errors
    assert all(error.startswith("framework.yaml, regel ") for error in refused.value.errors)
    assert not Criterion.objects.filter(code="3.1.1-z").exists()


def test_a_criterion_a_question_still_measures_is_not_removed(db, tmp_path):
    criterion = Criterion.objects.get(framework__code="icms", code="3.1.1-a")
    Question.objects.filter(questionnaire__round__code="icms-2013", code="ovr_assigned").update(criterion=criterion)
    copy = package_copy(tmp_path)
    yaml_edit(copy / "framework.yaml", lambda data: data["themes"][0]["success_factors"][0]["criteria"].pop(0))
    with pytest.raises(PackageError) as refused:
        package_load(package_read(copy))
    assert any("criterium 3.1.1-a ontbreekt, maar vraag ovr_assigned (icms-2013) meet het nog." in e
               for e in refused.value.errors)
    assert Criterion.objects.filter(code="3.1.1-a").exists()


# --- the questions' keys ----------------------------------------------------------------------------------------


def definition(**question) -> dict:
    return {"round": 2013, "audience": "region", "title": "T", "questions": [
        {"code": "q", "success_factor": "3.1.1", "kind": "yes_no", "text": "Vraag?", **question},
    ]}


CRITERIA = {"3.1.1-a": "3.1.1", "3.2.1-a": "3.2.1"}


def errors(**question) -> list[str]:
    return validate_definition(definition(**question), success_factors={"3.1.1", "3.2.1"}, criteria=CRITERIA)


def test_a_question_names_an_existing_criterion_of_its_own_success_factor():
    assert errors(criterion="3.1.1-a") == []
    assert errors(criterion="3.1.1-x") == ["vraag 1 (q): onbekend criterium '3.1.1-x'."]
    assert errors(criterion="3.2.1-a") == [
        "vraag 1 (q): criterium '3.2.1-a' hoort bij succesfactor 3.2.1, niet bij 3.1.1."
    ]


def test_a_norm_names_the_report_section_that_applies_it():
    assert errors(norm=["ja"], norm_section="3.1.1") == []
    assert errors(norm=["ja"]) == [
        "vraag 1 (q): een norm noemt de paragraaf van het rapport die haar toepast (norm_section)."
    ]
    assert errors(norm_section="3.1.1") == ["vraag 1 (q): norm_section zonder norm."]
    assert errors(norm=["ja"], norm_section="drie") == [
        "vraag 1 (q): norm_section 'drie' is geen paragraaf van het rapport (zoals 2.1 of 4.3.2)."
    ]


def test_a_signal_is_checked_like_a_norm():
    assert errors(signal={"values": ["nee"], "text": "Het rapport noemt dit.", "section": "3.1.1"}) == []
    assert errors(signal={"values": ["misschien"], "text": "Tekst."}) == [
        "vraag 1 (q): signaalwaarde(n) misschien bestaan niet."
    ]
    assert errors(signal={"min": 3, "text": "Tekst."}) == ["vraag 1 (q): alleen getalvragen hebben een signaal met min."]
    assert errors(signal={"values": ["nee"]}) == ["vraag 1 (q): het signaal heeft geen tekst."]
    assert errors(kind="number", signal={"min": "drie", "text": "Tekst."}) == [
        "vraag 1 (q): min van het signaal moet een getal zijn, niet 'drie'."
    ]
    assert errors(kind="number", signal={"min": 3, "max": 10, "text": "Tekst."}) == []


def test_the_bundled_definitions_bring_their_framework_keys_into_a_fresh_database(db):
    """The package is loaded after migrate: every question has its criterion, norm section, signal and English
    help and unit from its file."""
    checked = 0
    for path in icms_questionnaires():
        data = read_definition(path)
        latest = Questionnaire.objects.latest_for(Round.objects.get(code=f"icms-{data['round']}"), data["audience"])
        questions = {q.code: q for q in latest.questions.select_related("criterion")}
        for spec in data["questions"]:
            question = questions[spec["code"]]
            assert (question.criterion.code if question.criterion else None) == spec.get("criterion"), spec["code"]
            assert question.norm_section == str(spec.get("norm_section") or ""), spec["code"]
            assert bool(question.signal) == bool(spec.get("signal")), spec["code"]
            assert question.help_en == (spec.get("help_en") or "").strip(), spec["code"]
            assert question.unit_en == (spec.get("unit_en") or ""), spec["code"]
            checked += bool(spec.get("criterion"))
    assert checked, "no bundled question names a criterion"


# --- the suggestion -------------------------------------------------------------------------------------------


def question(pk, *, norm=None, norm_section="", criterion=None, signal=None, kind="yes_no", text="Vraag", **fields):
    q = Question(pk=pk, code=f"q{pk}", kind=kind, norm=norm, norm_section=norm_section, criterion=criterion,
                 signal=signal, text=f"{text} {pk}?", **fields)
    q._prefetched_objects_cache = {"choices": [Choice(code="ja", label="ja", order=1)]}
    return q


def answer(q, value):
    from assessments.models import Answer

    return Answer(question=q, value=value)


def test_the_reasons_are_grouped_per_criterion_with_each_norm_and_its_section():
    plans = Criterion(pk=1, code="3.2.1-a", section="3.2.1", text="Taken zijn vastgelegd in de plannen.", order=2)
    alerting = Criterion(pk=2, code="3.2.1-b", section="3.2.1", text="De OVR wordt tijdig gealarmeerd.", order=1)
    suggestion = suggest_judgment([
        answer(question(1, norm=["ja"], norm_section="3.2.1", criterion=plans), "ja"),
        answer(question(2, norm=["ja"], norm_section="3.2.1", criterion=alerting), "nee"),
        answer(question(3, norm=["ja"], norm_section="3.2.1", criterion=plans), "ja"),
    ])
    assert suggestion.judgment == "voldoet_gedeeltelijk"
    assert suggestion.reasons == [
        "De OVR wordt tijdig gealarmeerd. (rapport §3.2.1)",
        "✗ Vraag 2? — nee (norm: ja — 3.2.1)",
        "Taken zijn vastgelegd in de plannen. (rapport §3.2.1)",
        "✓ Vraag 1? — ja (norm: ja — 3.2.1)",
        "✓ Vraag 3? — ja (norm: ja — 3.2.1)",
    ]


def test_a_signal_is_listed_apart_and_does_not_count():
    signal = {"values": ["nee"], "text": "Het rapport noemt dit een aandachtspunt.", "text_en": "", "section": "3.1.1"}
    suggestion = suggest_judgment([
        answer(question(1, norm=["ja"], norm_section="3.1.1"), "ja"),
        answer(question(2, signal=signal), "nee"),
    ])
    assert (suggestion.judgment, suggestion.met, suggestion.missed) == ("voldoet", 1, 0)
    assert suggestion.signals == ["Signaal: Vraag 2? — nee: Het rapport noemt dit een aandachtspunt. (3.1.1)"]
    assert not any("Signaal" in reason for reason in suggestion.reasons)
    assert suggest_judgment([answer(question(2, signal=signal), "ja")]).signals == []


def test_an_unanswered_normed_question_is_named_not_ignored():
    asked = question(1, norm=["ja"], norm_section="3.1.1")
    hidden = question(2, norm=["ja"], norm_section="3.1.1", condition_code="q9", condition_value="ja")
    answered = question(3, norm=["ja"], norm_section="3.1.1")
    suggestion = suggest_judgment([answer(answered, "ja")], [asked, hidden, answered], values={"q3": "ja"})
    assert suggestion.judgment == "voldoet"
    assert suggestion.unanswered == 1
    assert "? Vraag 1? — nog niet beantwoord (norm: ja — 3.1.1)" in suggestion.reasons
    assert not any("Vraag 2?" in reason for reason in suggestion.reasons)
    nothing = suggest_judgment([], [asked])
    assert nothing.judgment == "niet_beoordeeld"
    assert "? Vraag 1? — nog niet beantwoord (norm: ja — 3.1.1)" in nothing.reasons


# --- the pages ------------------------------------------------------------------------------------------------


def test_the_fill_page_shows_what_the_inspectors_look_for_per_factor_of_the_theme(assessment, client_for, ovr_vr13):
    html = page(client_for(ovr_vr13).get(FILL))
    assert "Waar de inspecteurs op letten" in html
    for criterion in Criterion.objects.filter(success_factor__theme__number=1):
        assert criterion.text in html and f"(rapport §{criterion.section})" in html
    other = Criterion.objects.filter(success_factor__theme__number=2).first()
    assert other.text not in html


def test_in_english_a_question_shows_its_english_help_and_unit(assessment, question, client_for, ovr_vr13):
    count = question("reservists_count")
    Question.objects.filter(pk=count.pk).update(help_text="Tel alleen toegewezen reservisten.",
                                                help_en="Count assigned reservists only.",
                                                unit="personen", unit_en="people")
    client = client_for(ovr_vr13)
    url = f"{FILL}?theme={count.success_factor.theme.number}"
    dutch = page(client.get(url))
    assert "Tel alleen toegewezen reservisten." in dutch and ">personen<" in dutch
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = page(client.get(url))
    assert "Count assigned reservists only." in english and ">people<" in english
    assert "Tel alleen toegewezen reservisten." not in english and ">personen<" not in english


def test_the_findings_page_shows_the_criteria_and_the_suggestion_per_criterion(assessment, question, client_for,
                                                                              ovr_vr13, inspector):
    criterion = Criterion.objects.get(code="3.1.1-a")
    assigned, workplace, count = question("ovr_assigned"), question("ovr_workplace"), question("reservists_count")
    Question.objects.filter(pk=assigned.pk).update(criterion=criterion, norm=["ja"], norm_section="3.1.1")
    Question.objects.filter(pk=workplace.pk).update(criterion=criterion, norm=["ja"], norm_section="3.1.1",
                                                    condition_code="", condition_value="")
    Question.objects.filter(pk=count.pk).update(
        norm=None, norm_section="",
        signal={"min": 3, "text": "Het rapport noemt minder dan drie reservisten te weinig.", "section": "3.1.1"},
    )
    answer_save(assessment=assessment, question=assigned, value="ja", base_revision=0, by=ovr_vr13)
    answer_save(assessment=assessment, question=count, value="1", base_revision=0, by=ovr_vr13)
    html = page(client_for(inspector).get(FINDINGS))
    assert "Waar de inspecteurs op letten" in html
    for factor_criterion in Criterion.objects.filter(success_factor__code="3.2.1"):
        assert factor_criterion.text in html and f"(rapport §{factor_criterion.section})" in html
    assert f"{criterion.text} (rapport §3.1.1)" in html
    assert f"✓ {assigned.text} — Ja (norm: Ja — 3.1.1)".lower() in html.lower()
    assert f"? {workplace.text} — nog niet beantwoord (norm: Ja — 3.1.1)".lower() in html.lower()
    assert "Signaal: " in html and "Het rapport noemt minder dan drie reservisten te weinig." in html


def test_load_framework_loads_the_package_and_refuses_a_wrong_one_in_dutch(db, tmp_path):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("load_framework", str(ICMS), stdout=out)
    assert out.getvalue().strip() == "Toetsingskader icms: ongewijzigd, niets geladen."
    copy = package_copy(tmp_path)
    yaml_edit(copy / "framework.yaml", lambda data: first_criterion(data).update(text=""))
    with pytest.raises(CommandError, match=r"Het pakket is niet geladen \(1 fout\(en\)\):\n- framework.yaml, regel \d+: "
                                           r"criterium 3.1.1-a: tekst ontbreekt."):
        call_command("load_framework", str(copy))
