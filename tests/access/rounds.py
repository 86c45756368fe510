"""Access rules for the inspectors' round setup and framework pages (assessments/urls_rounds.py,
assessments/urls_frameworks.py): Action.ROUNDS is the inspectors'; everyone else is refused (403), and anonymous
visitors are sent to the login page. Each write case changes the database for inspectors only."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.rules import INSPECTORS, Case, expect

READ = expect(403, inspector=200, admin_user=200)
WRITE = expect(403, inspector=302, admin_user=302)
ROUND_2013 = {"round_code": "icms-2013"}
ROUND_2016 = {"round_code": "icms-2016"}


def _planned_2016() -> dict:
    from assessments.rounds import round_create
    from framework.models import Framework, Round

    round_create(framework=Framework.objects.get(code="icms"), year=2016, source=Round.objects.get(code="icms-2013"))
    return {}


def _changed_region_questionnaire() -> dict:
    from assessments.models import Questionnaire
    from assessments.questionnaire_sheet import definition_yaml
    from assessments.rounds import questionnaire_definition
    from framework.models import Round

    _planned_2016()
    data = questionnaire_definition(Questionnaire.objects.latest_for(Round.objects.get(code="icms-2016"), "region"))
    data["questions"][0]["text"] = "Heeft de veiligheidsregio een beroeps-OVR?"
    return {"audience": "region", "_yaml": definition_yaml(data)}


def _kept_package() -> dict:
    from assessments.views_rounds import package_keep
    from tests.packages import WS

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(WS.rglob("*.yaml")):
            archive.write(path, str(path.relative_to(WS)))
    return {"_token": package_keep("ws.zip", buffer.getvalue())}


RULES = {
    "rounds:list": [
        Case(expect=READ),
        Case(method="post", label="next round", data={"framework": "icms", "year": "2016", "source": "icms-2013",
                                                      "kind": "vervolgmeting"},
             expect=WRITE, changes=INSPECTORS),
    ],
    "rounds:round": [
        Case(kwargs=ROUND_2013, expect=READ),
        Case(method="post", kwargs=ROUND_2016, setup=_planned_2016, label="parties and deadlines",
             data={"submission_deadline": "2016-04-01", "verification_deadline": "2016-06-01", "party-VR13": "on"},
             expect=WRITE, changes=INSPECTORS),
    ],
    "rounds:open": [
        Case(method="post", kwargs=ROUND_2016, setup=_planned_2016, data={"reason": "Proef met VR13."},
             expect=WRITE, changes=INSPECTORS),
    ],
    "rounds:close": [
        Case(method="post", kwargs=ROUND_2013, data={"confirm": "on"}, expect=WRITE, changes=INSPECTORS),
    ],
    "rounds:questionnaire_download": [
        Case(kwargs={**ROUND_2013, "audience": "region", "fmt": "xlsx"}, expect=READ),
    ],
    "rounds:questionnaire_upload": [
        Case(method="post", kwargs=ROUND_2016, setup=_changed_region_questionnaire,
             data=lambda context: {"file": SimpleUploadedFile("2016-region.yaml", context["_yaml"])},
             expect=WRITE, changes=INSPECTORS),
    ],
    "frameworks:list": [
        Case(expect=READ),
    ],
    "frameworks:confirm": [
        Case(method="post", setup=_kept_package, data=lambda context: {"token": context["_token"]},
             expect=WRITE, changes=INSPECTORS),
    ],
}
