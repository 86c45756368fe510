"""Regenerate the 2013 demo answers and the regional judgments that follow from them (a tool, not a test).

    python3 bench/demo_generate.py           # rewrites the three files below and prints the count tables
    python3 bench/demo_generate.py --check   # exits 1 when a file would change

- assessments/demo/2013-region-answers.csv: the answers already in the file, with the values of ANSWERS below set
  over them; rows of questions that are no longer in the questionnaire, or whose condition is not met, are dropped,
  and every required question whose condition is met must have an answer (otherwise the script stops).
- assessments/demo/2013-brigade-answers.csv: the same for the brigades (BRIGADE_ANSWERS).
- findings/demo/2013-judgments.csv: per region and regional success factor the judgment the questions' norms give
  (every normed answer meets its norm → voldoet, some → voldoet_gedeeltelijk, none → voldoet_niet; the rule of
  assessments.norms.suggest_judgment), with a finding sentence built from that region's answers.

Only the standard library and PyYAML: it reads the questionnaire definitions, never the database.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ROOT / "framework" / "packages" / "icms" / "questionnaires"
REGION_FILE = ROOT / "assessments" / "demo" / "2013-region-answers.csv"
BRIGADE_FILE = ROOT / "assessments" / "demo" / "2013-brigade-answers.csv"
JUDGMENT_FILE = ROOT / "findings" / "demo" / "2013-judgments.csv"

REGIONS = [f"VR{n:02d}" for n in range(1, 26)]
BRIGADES = ["43", "11", "13"]
REGION_FACTORS = ["3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.6.1"]


def regions(*codes: str) -> set[str]:
    return {f"VR{int(code):02d}" for code in codes}


# Regions that recur across questions (so that each region tells one story).
STRUCTURAL = regions(7, 20, 23)  # 3.4.1: a structural seat in the GBT/RBT (3 of 25)
SOUTH = regions(19, 20, 21, 22, 23, 24)  # brigade 13: piket in the own region, reservists as full partners (3.1.1)
# 3.5.1: the ten regions whose exercise calendars are not aligned. The report says nothing of their MOTO working
# group: they leave `moto_role` open.
CALENDARS_NOT_ALIGNED = regions(1, 3, 4, 6, 10, 11, 14, 16, 18, 25)
MOTO_PERMANENT = regions(5, 7, 9, 13, 17, 19, 20, 22, 23, 24)  # "meerdere" (3.5.1), and always in evaluations (3.6.1)
MOTO_ON_INVITATION = regions(2, 8, 12, 15, 21)  # "enkele" (3.5.1)
# A value of UNANSWERED in ANSWERS removes the region's answer (an optional question left open).
UNANSWERED = None


def split(chosen: set[str], yes: str = "ja", no: str = "nee") -> dict[str, str]:
    return {region: (yes if region in chosen else no) for region in REGIONS}


def choose(default: str, **groups: set[str]) -> dict[str, str]:
    values = dict.fromkeys(REGIONS, default)
    for value, chosen in groups.items():
        for region in chosen:
            values[region] = value
    return values


def contacts(region: str) -> str:
    chosen = ["police", "fire_service"]
    if region not in regions(3, 25):
        chosen.append("ghor")
    if region in regions(5, 7, 13, 17, 19, 20, 23, 24):  # "soms de gemeente" (3.1.1)
        chosen.append("municipality")
    if region not in regions(3, 11, 14, 25):
        chosen.append("rmc")
    return "|".join(chosen)


# question code → value per region (set over what the file has); a region missing from the dict keeps its value.
ANSWERS: dict[str, dict[str, str]] = {
    # 3.1.1
    "ovr_enough_time": split(regions(3, 11), "nee", "ja"),  # "over het algemeen voldoende tijd"
    "reservists_role": choose("support", full_partner=SOUTH, little_involved=regions(3, 11, 14)),
    "one_ovr_enough": split(regions(2, 6, 10, 12, 16, 18), "nee", "ja"),  # "meerdere"
    "contact_person_role": choose("point_of_contact", coordinator=regions(5, 7, 9, 13, 17, 20, 22, 23)),
    "ovr_contacts": {region: contacts(region) for region in REGIONS},
    "ovr_term_sufficient": split(regions(1, 4, 8, 10, 13, 16, 25), "nee", "ja"),  # "meerdere" find 3 years too short
    # 3.1.2
    "cms_catalogue_known": split(set(REGIONS)),
    "ovr_acts_as_liaison": split(set(REGIONS)),
    "info_sessions_theme_days": split(regions(3, 11, 14, 25), "nee", "ja"),
    "model_agreement_uptake": choose("not_started", in_preparation=regions(5, 7, 9, 13, 17, 20, 22, 23, 24)),
    # 3.2.1
    "ovr_planning_role": choose("on_invitation", permanent_member=regions(5, 7, 20, 22, 23)),  # "enkele"
    "defence_in_policy_plan": split(set(REGIONS)),
    "defence_in_crisis_plan": split(set(REGIONS)),
    "plans_refer_to_agreements": split(regions(3, 6, 11, 14, 18, 25), "nee", "ja"),  # "veelal"
    "plans_refer_to_catalogue": split(regions(3, 4, 6, 11, 14, 16, 18, 25), "nee", "ja"),
    "defence_involvement_documented": split(regions(1, 3, 6, 11, 16, 25), "nee", "ja"),  # "niet alle"
    "ovr_attends_rot_directly": split(regions(7, 9, 17, 20, 22, 23)),  # "sommige"
    # 3.2.2
    "request_info_secured": split(set(REGIONS)),
    "proactive_readying": split(set(REGIONS)),
    "request_often_urgent": split(regions(1, 4, 6, 10, 18, 21)),  # "een aantal … vaak spoed geboden"
    "request_approval_speed": choose(
        "no_experience",
        too_slow=regions(1, 4, 6, 10, 15, 18, 21),  # "een aantal" worried about the slow pace
        fast_enough=regions(5, 7, 9, 13, 17, 20, 22, 23),
    ),
    # 3.4.1
    "policy_team_seat_decided_by": choose("chair", plans=STRUCTURAL),
    "defence_in_copi_lso": split(set(REGIONS)),
    # 3.4.2
    "gmk_radios_tested": split(regions(5, 7, 11, 20, 23)),  # "een beperkt aantal"
    "gmk_recognises_military_radios": choose("unclear", tested_yes=regions(5, 7, 20, 23), no=regions(11)),
    "military_radios_added_value": split(regions(2, 3, 8, 12, 16, 25), "nee", "ja"),  # "een aantal"
    "lcms_defence_tab_wanted": split(regions(1, 7, 9, 13, 20, 23)),  # "een aantal"
    # 3.4.3
    # "In de meeste veiligheidsregio's niet of nauwelijks": not in all of them.
    "weapons_carried_in_practice": {"VR15": "regularly"},
    "weapons_legal_knowledge_region": choose("limited", sufficient=regions(13, 17)),
    "weapons_law_change_known": split(regions(5, 7, 9, 12, 13, 15, 17, 20, 22, 23, 24)),
    "weapons_prosecutor_consent_known": split(regions(2, 3, 6, 11, 14, 16, 18, 25), "nee", "ja"),
    # 3.5.1
    "moto_role": choose(
        UNANSWERED, permanent_member=MOTO_PERMANENT, on_invitation=MOTO_ON_INVITATION
    ),
    # "Enkele" would like Defence to have a bigger role in preparing exercises: regions where it joins on invitation.
    "defence_bigger_exercise_role_wanted": split(regions(2, 12, 15)),
    # "Enkele": Defence is one of the many vital partners they exercise with (and, 4.1, no structural partner).
    "defence_one_of_many_exercise_partners": split(regions(3, 16, 25)),
    "ovr_in_training_planning": split(regions(1, 3, 4, 10, 11, 14, 18), "nee", "ja"),  # "nog niet voor alle"
    # "Sommige" training plans make training the OVR and the reservists Defence's responsibility.
    "training_plan_ovr_training_by_defence": split(regions(5, 8, 9, 13, 17, 22)),
    "calendars_differ_in_detail": split(CALENDARS_NOT_ALIGNED - regions(4)),
    "run_in_period_needed": split(regions(3, 10, 16, 25)),  # "enkele respondenten"
    "ovr_course_basic_course": split(set(REGIONS)),
    # 3.6.1
    "defence_in_evaluations": choose("only_when_deployed", always=MOTO_PERMANENT),
}
# (region, question) → comment; set over what the file has.
COMMENTS = {
    ("VR04", "calendars_differ_in_detail"): "Het detailniveau sluit aan; het verschil zit in de tijdsfasering.",
    ("VR11", "gmk_radios_tested"): "Getest met de meldkamer; de portofoons werden niet herkend.",
    ("VR01", "request_approval_speed"): "Bij de laatste aanvraag kwam de formele goedkeuring pas na een halve dag.",
    ("VR20", "moto_role"): "De OVR zit standaard in de werkgroep MOTO en schrijft mee aan de oefenscenario's.",
    ("VR03", "ovr_enough_time"): "Te weinig tijd door de combinatie met een andere functie binnen de brigade.",
    ("VR15", "weapons_carried_in_practice"): "Bij bijstand aan de politie gaan regelmatig bewapende eenheden mee, bijvoorbeeld search teams.",
    ("VR16", "ovr_term_sufficient"): "Na het inwerken blijft te weinig tijd over om de rol van OVR volledig in te vullen.",
}
BRIGADE_ANSWERS: dict[str, dict[str, str]] = {
    "icms_capacities_scheduled": dict.fromkeys(BRIGADES, "ja"),
    "lso_civil_radio": dict.fromkeys(BRIGADES, "ja"),
    "rmc_joins_policy_team_exercises": dict.fromkeys(BRIGADES, "scenario_fits"),
    "ovr_course_pilot": dict.fromkeys(BRIGADES, "ja"),
}


# ------------------------------------------------------------------------------------------------ reading, writing


def definition(name: str) -> list[dict]:
    return yaml.safe_load((QUESTIONNAIRES / name).read_text(encoding="utf-8"))["questions"]


def read_answers(path: Path, key: str) -> dict[str, dict[str, tuple[str, str]]]:
    answers: dict[str, dict[str, tuple[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        answers.setdefault(row[key], {})[row["question_code"]] = (row["value"], row["comment"])
    return answers


def shown(question: dict, values: dict[str, str]) -> bool:
    condition = question.get("condition")
    return not condition or values.get(str(condition["question"])) == str(condition["equals"])


def complete(questions: list[dict], subjects: list[str], answers, overrides, comments) -> dict:
    """Every subject's answers in questionnaire order: the file's, with `overrides` set over them, without rows of
    unknown or hidden questions; stops when a required question whose condition is met has no answer."""
    result = {}
    for subject in subjects:
        current = dict(answers.get(subject, {}))
        for code, per_subject in overrides.items():
            if subject in per_subject and per_subject[subject] is UNANSWERED:
                current.pop(code, None)
            elif subject in per_subject:
                current[code] = (per_subject[subject], current.get(code, ("", ""))[1])
        for (who, code), comment in comments.items():
            if who == subject and code in current:
                current[code] = (current[code][0], comment)
        values: dict[str, str] = {}
        rows = []
        for question in questions:
            code = question["code"]
            if not shown(question, values) or code not in current:
                if shown(question, values) and question.get("required", True):
                    sys.exit(f"{subject}: verplichte vraag {code} heeft geen antwoord")
                continue
            value, comment = current[code]
            values[code] = value
            rows.append((code, value, comment))
        result[subject] = rows
    return result


def write_csv(path: Path, header: list[str], rows: list[list[str]], check: bool) -> bool:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    changed = path.read_text(encoding="utf-8-sig") != text
    if changed and not check:
        path.write_text(text, encoding="utf-8")
    return changed


# ------------------------------------------------------------------------------------------------ judgments


def meets(question: dict, value: str) -> bool | None:
    """assessments.norms.meets_norm on a definition: True/False with a norm and an answer, None otherwise."""
    norm = question.get("norm")
    if not norm or value == "":
        return None
    if isinstance(norm, dict):
        number = Decimal(value)
        return ("min" not in norm or number >= Decimal(str(norm["min"]))) and (
            "max" not in norm or number <= Decimal(str(norm["max"]))
        )
    accepted = {str(item) for item in norm}
    if question["kind"] == "multiple_choice":
        return any(code in accepted for code in value.split("|"))
    return value in accepted


def judgment(questions: list[dict], values: dict[str, str], factor: str) -> str:
    outcomes = [
        meets(q, values[q["code"]]) for q in questions if q["success_factor"] == factor and q["code"] in values
    ]
    met, missed = outcomes.count(True), outcomes.count(False)
    if met + missed == 0:
        return "niet_beoordeeld"
    return "voldoet" if missed == 0 else "voldoet_niet" if met == 0 else "voldoet_gedeeltelijk"


DAYS = {"2_or_more": "twee of meer dagen per week", "1": "één dag per week", "less_than_1": "minder dan één dag per week"}
FREQUENCY = {"weekly": "wekelijks", "monthly": "maandelijks", "less_often": "minder dan maandelijks"}
CONTACT_ROLE = {
    "coordinator": "die de samenwerking als benoemde taak heeft",
    "point_of_contact": "die vast aanspreekpunt is naast andere taken",
}
TEAMS = {"copi": "het CoPI", "rot": "het ROT", "gbt": "het GBT", "rbt": "het RBT"}


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def finding(factor: str, v: dict[str, str]) -> str:
    """One sentence (sometimes two clauses joined by a semicolon) that states this region's answers for `factor`."""
    yes = lambda code: v.get(code) == "ja"  # noqa: E731
    if factor == "3.1.1":
        ovr = "Beroeps-OVR" if yes("ovr_assigned") else "Geen beroeps-OVR"
        ovr += " met vaste werkplek" if yes("ovr_workplace") else " zonder vaste werkplek"
        ovr += f", {DAYS[v['ovr_days_per_week']]} aanwezig"
        ovr += " en met voldoende tijd voor zijn taken" if yes("ovr_enough_time") else " en met te weinig tijd voor zijn taken"
        reservists = f"ondersteund door {v['reservists_count']} reservisten"
        reservists += {
            "full_partner": " die hem volledig kunnen vervangen",
            "little_involved": " die weinig bij het dagelijks werk worden betrokken",
        }.get(v["reservists_role"], "")
        if v["contact_person_role"] == "none":
            contact = f"{FREQUENCY[v['contact_frequency']]} overleg, maar de regio heeft geen vast aanspreekpunt"
        else:
            contact = f"{FREQUENCY[v['contact_frequency']]} overleg met de contactpersoon, {CONTACT_ROLE[v['contact_person_role']]}"
        replacement = "vervanging is geregeld" if yes("ovr_replacement_arranged") else "vervanging is niet geregeld"
        return f"{ovr}, {reservists}; {contact}; {replacement}."
    if factor == "3.1.2":
        known = "Regio en OVR kennen de Bestuursafspraken ICMS en de catalogus" if yes("catalogue_known") and yes(
            "cms_catalogue_known"
        ) else "Regio en OVR kennen de Bestuursafspraken ICMS of de catalogus niet goed"
        if v.get("catalogue_current") == "nee":
            known += ", die zij verouderd vinden"
        ovr = "de OVR treedt op als liaison en vertaalt hulpvragen naar capaciteit" if yes("ovr_acts_as_liaison") and yes(
            "ovr_translates_request"
        ) else "de OVR vertaalt hulpvragen niet altijd naar capaciteit"
        if not yes("decentral_agreements"):
            local = "er zijn geen decentrale afspraken"
        elif yes("decentral_agreements_documented"):
            local = "decentrale afspraken zijn duidelijk vastgelegd"
        else:
            local = "er zijn decentrale afspraken, maar onduidelijk is waar die zijn vastgelegd"
        if v["model_agreement_uptake"] == "in_preparation":
            local += "; een convenant naar het landelijk model is in voorbereiding"
        elif v["model_agreement_uptake"] == "agreement_concluded":
            local += "; er is een convenant naar het landelijk model gesloten"
        return f"{known}; {ovr}; {local}."
    if factor == "3.2.1":
        planning = {
            "permanent_member": "OVR is vast lid van de werkgroep planvorming",
            "on_invitation": "OVR is op uitnodiging aanwezig bij de werkgroep planvorming",
            "not_involved": "OVR is niet betrokken bij de werkgroep planvorming",
        }[v["ovr_planning_role"]]
        plans = all(yes(c) for c in ("defence_in_regional_plans", "defence_in_policy_plan", "defence_in_crisis_plan"))
        planning += "; Defensie staat in risicoprofiel, beleidsplan en crisisplan" if plans else (
            "; Defensie staat niet in alle regionale plannen"
        )
        if yes("defence_in_operational_plans"):
            planning += " en in operationele plannen"
        if not yes("defence_involvement_documented"):
            planning += ", maar haar betrokkenheid is niet expliciet in een document vastgelegd"
        level = {"grip1": "vanaf GRIP 1", "grip2": "vanaf GRIP 2", "not_arranged": "zonder afgesproken GRIP-niveau"}
        alert = ("de OVR wordt als eerste gealarmeerd, " if yes("ovr_alerted_first") else "alarmering ") + level[
            v["alert_level"]
        ]
        if yes("attendance_needs_ol_consent"):
            alert += ", opkomst in het crisisteam alleen na instemming van de operationeel leider"
        elif yes("ovr_attends_rot_directly"):
            alert += ", met directe opkomst in het ROT"
        piket = {
            "own_region": "piket in de eigen regio",
            "brigade": "piket via de brigade",
            "none": "zonder piketregeling",
        }[v["piket_arrangement"]]
        return f"{planning}; {alert}; {piket}."
    if factor == "3.2.2":
        known = "Aanvraagprocedure en LOCC-formulieren zijn bekend" if yes("request_procedure_known") and yes(
            "locc_forms_used"
        ) else "De aanvraagprocedure is niet bekend"
        if not yes("mayor_informing_arranged"):
            known += ", maar niet vastgelegd wanneer de burgemeester wordt geïnformeerd"
        feedback = (
            "terugkoppeling over de status van aanvragen is geborgd"
            if yes("request_feedback_secured")
            else "terugkoppeling over de status van aanvragen is niet geborgd, de OVR moet zelf navragen"
        )
        ready = "de OVR laat via de militaire weg alvast gereedstellen" if yes("proactive_readying") else (
            "de OVR laat niet alvast gereedstellen"
        )
        if v["request_approval_speed"] == "too_slow":
            ready += ", maar de formele goedkeuring verloopt te traag"
        if yes("request_often_urgent"):
            ready += "; vaak is spoed geboden"
        return f"{known}; {feedback}; {ready}."
    if factor == "3.4.1":
        if yes("structural_place_policy_team"):
            teams = [TEAMS[c] for c in v["defence_crisis_teams"].split("|") if c in TEAMS]
            seat = f"Defensie heeft een vaste plaats in {_and(teams)}"
        else:
            seat = "Defensie schuift alleen in het beleidsteam aan als het incident daarom vraagt, ter beoordeling van de voorzitter"
        copi = "bij inzet neemt een LSO deel aan het CoPI" if yes("defence_in_copi_lso") else (
            "over deelname aan het CoPI is niets afgesproken"
        )
        rot = {
            "dedicated": "de OVR heeft een eigen werkplek in het ROT",
            "shared_external": "de OVR heeft een gedeelde werkplek voor externe partners in het ROT",
            "none": "de OVR heeft geen vaste werkplek in het ROT",
        }[v["ovr_rot_workplace"]]
        return f"{seat}; {copi}; {rot}."
    if factor == "3.4.2":
        system = "LCMS" if v["nis_system"] == "lcms" else "het informatiesysteem van de regio"
        rights = {
            "read_write": f"lees- en schrijfrechten in {system}",
            "read_only": f"alleen leesrechten in {system}",
            "none": f"geen toegang tot {system}",
        }[v["ovr_nis_access"]]
        basics = "OVR heeft een P2000-pager, toegang tot het netwerk en " if yes("ovr_p2000_pager") and yes(
            "ovr_network_access"
        ) else "OVR mist pager of netwerktoegang; "
        text = basics + rights
        if v.get("ovr_nis_access_piket_regions") == "nee":
            text += ", maar geen toegang in de regio's waarvoor hij piket draait"
        gmk = {
            "tested_yes": "getest is dat de meldkamer de militaire portofoons herkent",
            "no": "getest, maar de meldkamer herkent de militaire portofoons niet",
            "unclear": "het is onduidelijk of de meldkamer de militaire portofoons herkent",
        }[v["gmk_recognises_military_radios"]]
        text += f"; {gmk}"
        if yes("lcms_defence_tab"):
            text += "; pilot met een eigen tabblad voor Defensie"
        return text[0].upper() + text[1:] + "."
    if factor == "3.4.3":
        knowledge = "Parate juridische kennis van de OVR over wapens is " + (
            "beperkt" if v["weapons_legal_knowledge"] == "limited" else "voldoende"
        )
        practice = {
            "never": "meevoeren van wapens komt niet voor",
            "rarely": "meevoeren van wapens komt een enkele keer voor",
            "regularly": "meevoeren van wapens komt regelmatig voor",
        }[v["weapons_carried_in_practice"]]
        djz = "de afstemming met DJZ in de aanvraaglijn is bekend" if yes("weapons_request_via_djz") else (
            "de afstemming met DJZ in de aanvraaglijn is niet bekend"
        )
        if not yes("weapons_prosecutor_consent_known"):
            djz += ", de toestemming van de officier van justitie niet"
        return f"{knowledge}; {practice} en {djz}."
    if factor == "3.5.1":
        moto = {
            "permanent_member": "Defensie is vast lid van de werkgroep MOTO",
            "on_invitation": "Defensie sluit aan bij de werkgroep MOTO als de regio dat nodig acht",
        }.get(v.get("moto_role", ""))
        if moto is None:  # the region left its MOTO working group open
            moto = "De OVR is " + ("" if yes("ovr_in_training_planning") else "nog niet ") + "betrokken bij de opleidingsplanning"
        elif not yes("ovr_in_training_planning"):
            moto += " en de OVR niet bij de opleidingsplanning"
        if yes("training_plan_ovr_training_by_defence"):
            moto += "; het opleidingsplan legt het opleiden van OVR en reservisten bij Defensie"
        if yes("defence_bigger_exercise_role_wanted"):
            moto += "; de regio ziet graag een grotere rol voor Defensie in de oefenvoorbereiding"
        if yes("defence_one_of_many_exercise_partners"):
            moto += "; Defensie is één van de vele vitale partners, de tijd om met haar te oefenen is beperkt"
        calendars = "oefenkalenders worden afgestemd" if yes("exercise_calendars_aligned") else (
            "oefenkalenders worden niet afgestemd"
        )
        reservists = "reservisten oefenen mee" if yes("reservists_in_exercises") else "reservisten oefenen niet mee"
        field = {"structural": "veldeenheden structureel", "incidental": "veldeenheden incidenteel", "never": "zonder veldeenheden"}[
            v["field_units_in_exercises"]
        ]
        return f"{moto}; {calendars}, {reservists}, {field}."
    if factor == "3.6.1":
        involved = {
            "always": "Defensie is altijd bij evaluaties betrokken, ook zonder inzet",
            "only_when_deployed": "Defensie is alleen na daadwerkelijke inzet bij evaluaties betrokken",
            "not_involved": "Defensie is niet bij evaluaties betrokken",
        }[v["defence_in_evaluations"]]
        shared = "de OVR deelt verbeterpunten uit FIR/FER" if yes("defence_feedback_shared") else (
            "verbeterpunten uit FIR/FER bereiken de regio niet"
        )
        actions = "lessen worden omgezet in acties" if yes("lessons_into_actions") else "lessen leiden niet tot acties"
        method = "" if yes("evaluation_method") else " De regio heeft geen vaste evaluatiesystematiek."
        return f"{involved}; {shared} en {actions}.{method}"
    raise ValueError(factor)


# ------------------------------------------------------------------------------------------------ main


def main(check: bool = False) -> int:
    region_questions = definition("2013-region.yaml")
    brigade_questions = definition("2013-brigade.yaml")
    regions_answers = complete(region_questions, REGIONS, read_answers(REGION_FILE, "region_code"), ANSWERS, COMMENTS)
    brigade_answers = complete(
        brigade_questions, BRIGADES, read_answers(BRIGADE_FILE, "brigade"), BRIGADE_ANSWERS, {}
    )
    changed = write_csv(
        REGION_FILE,
        ["region_code", "question_code", "value", "comment"],
        [[region, *row] for region in REGIONS for row in regions_answers[region]],
        check,
    )
    changed |= write_csv(
        BRIGADE_FILE,
        ["brigade", "question_code", "value", "comment"],
        [[brigade, *row] for brigade in BRIGADES for row in brigade_answers[brigade]],
        check,
    )
    judgments = []
    for region in REGIONS:
        values = {code: value for code, value, _ in regions_answers[region]}
        for factor in REGION_FACTORS:
            judgments.append([region, factor, judgment(region_questions, values, factor), finding(factor, values)])
    changed |= write_csv(JUDGMENT_FILE, ["region_code", "csf", "judgment", "finding"], judgments, check)
    if check:
        return 1 if changed else 0
    report(region_questions, regions_answers, judgments)
    return 0


def report(questions, answers, judgments) -> None:
    """The count tables of the demo READMEs."""
    print("| vraag | waarde | aantal |")
    for question in questions:
        if question["kind"] in ("text", "date"):
            continue
        counts = Counter()
        for rows in answers.values():
            for code, value, _ in rows:
                if code == question["code"]:
                    counts.update(value.split("|") if question["kind"] == "multiple_choice" else [value])
        print(f"| `{question['code']}` | " + ", ".join(f"`{k}` {n}" for k, n in sorted(counts.items())) + " |")
    print()
    print("| succesfactor | voldoet | voldoet_gedeeltelijk | voldoet_niet | regio's niet volledig |")
    for factor in REGION_FACTORS:
        rows = [row for row in judgments if row[1] == factor]
        counts = Counter(row[2] for row in rows)
        short = [row[0] for row in rows if row[2] != "voldoet"]
        print(
            f"| {factor} | {counts['voldoet']} | {counts['voldoet_gedeeltelijk']} | {counts['voldoet_niet']} | "
            f"{', '.join(short) or '—'} |"
        )


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv))
