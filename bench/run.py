"""Throughput benchmark (not a test): how fast the paths users lean on are, on PostgreSQL.

    make bench            # or: DATABASE_URL=postgres://... DEBUG=1 .venv/bin/python bench/run.py

Creates a throwaway test database, loads the demo, then times:
- importing the 25 regions' 2013 answers (1 957 rows) into an empty round, and re-importing it (no changes);
- exporting all answers as CSV and XLSX;
- the national picture;
- autosaving single answers through the fill-in endpoint (requests per second);
- rendering the fill-in page and the fieldwork overview.
Prints one line per measurement; nothing is asserted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmsaudit.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment, teardown_databases  # noqa: E402


def timed(label: str, fn, *, repeat: int = 5, unit_count: int | None = None, unit: str = "") -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    rate = f" · {unit_count / median:,.0f} {unit}/s" if unit_count else ""
    print(f"{label:<58} median {median * 1000:8.1f} ms (n={repeat}){rate}")


def main() -> None:
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        sys.exit("Het benchmark draait op PostgreSQL: zet DATABASE_URL (make bench doet dat).")
    setup_test_environment()
    config = setup_databases(verbosity=0, interactive=False)
    try:
        run()
    finally:
        teardown_databases(config, verbosity=0)


def run() -> None:
    from findings.national import national_picture

    from accounts.models import User
    from assessments.exchange import answers_export, answers_import_file
    from assessments.models import Assessment
    from framework.models import Round
    from regions.models import Region

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    inspector = User.objects.get(username="inspecteur")
    round = Round.objects.get(year=2013)
    data = (ROOT / "assessments" / "demo" / "2013-region-answers.csv").read_bytes()
    rows = data.count(b"\n") - 1

    def fresh_import():
        Assessment.objects.filter(round=round, region__isnull=False).delete()
        answers_import_file(name="bench.csv", data=data, round=round, by=inspector)

    timed("import 2013 answers into an empty round", fresh_import, repeat=3, unit_count=rows, unit="rijen")
    Assessment.objects.filter(round=round, region__isnull=False).update(status="draft")
    timed("re-import the same file (nothing changes)",
          lambda: answers_import_file(name="bench.csv", data=data, round=round, by=inspector), unit_count=rows, unit="rijen")
    regions = Region.objects.all()
    timed("export all 2013 answers as CSV", lambda: answers_export(round=round, regions=regions, fmt="csv"), unit_count=rows, unit="rijen")
    timed("export all 2013 answers as XLSX", lambda: answers_export(round=round, regions=regions, fmt="xlsx"), unit_count=rows, unit="rijen")
    timed("national picture 2013", lambda: national_picture(round))

    ovr = User.objects.get(username="ovr.vr14")
    client = Client()
    client.force_login(ovr)
    assessment = Assessment.objects.get(round=round, region__code="VR14")
    answer = assessment.answers.select_related("question").get(question__code="ovr_assigned")
    url = "/assessments/icms-2013/VR14/answers/ovr_assigned/"
    values = ["ja", "nee"]
    state = {"n": 0}

    def autosave_batch(count: int = 50):
        for _ in range(count):
            answer.refresh_from_db()
            state["n"] += 1
            response = client.post(
                url,
                {
                    "ovr_assigned-value": values[state["n"] % 2],
                    "ovr_assigned-orig_value": answer.value,
                    "ovr_assigned-comment": answer.comment,
                    "ovr_assigned-orig_comment": answer.comment,
                    "ovr_assigned-revision": answer.revision,
                },
                HTTP_HX_REQUEST="true",
            )
            if response.status_code >= 400:
                raise SystemExit(f"autosave gaf {response.status_code}: {response.content[:300]!r}")

    timed("autosave 50 answers one by one (htmx endpoint)", autosave_batch, repeat=3, unit_count=50, unit="opslagen")
    timed("fill-in page VR14 theme 1", lambda: client.get("/assessments/icms-2013/VR14/"), repeat=10)
    inspector_client = Client()
    inspector_client.force_login(inspector)
    timed("fieldwork overview", lambda: inspector_client.get("/assessments/fieldwork/"), repeat=10)
    timed("national picture page", lambda: inspector_client.get("/findings/national/"), repeat=10)


if __name__ == "__main__":
    main()
