"""Readers under load (not a test): how fast the national picture and the respondents' pages serve compared with
the home page, with the national page cache kept and with every page computed afresh; and how long the national
picture itself takes at 25 and at 250 regions.

    DATABASE_URL=postgres://... DEBUG=1 .venv/bin/python bench/readers.py [--seconds 20] [--readers 10]
    make readers                                  # READERS_ARGS="--seconds 10 --modes afresh --no-picture"

Loads the demo into a throwaway PostgreSQL database (`<name>_load`, dropped afterwards) and, per mode, starts
gunicorn (2 workers, as on a small server) and has `--readers` concurrent clients read each page for `--seconds`
(in turns of about five seconds per page, so that other work on the machine weighs on every page alike): the home page as the baseline, then the ministry's dashboard, the inspector's factor page, the API, the OVR's
questionnaire page and the OVR's findings page. The modes: "kept" (`NATIONAL_PAGE_CACHE_SECONDS=600`, a reader
who reads again while nothing changed) and "afresh" (`NATIONAL_PAGE_CACHE_SECONDS=0`: every read after a save).
Prints per page the requests per second, the ratio to the home page of the same mode, p50/p95, the page weight
and the failed requests (any status but 200, or no answer).

Then, in this process, times the national picture (`national.picture.picture_document`, the ministry's and the
inspectors' document) on the demo's 25 regions, adds 225 regions with the answers and judgments of the demo's
regions (copied in the database) and times it again at 250: milliseconds per picture and queries per picture.

The aims of issue 16: with the cache off and 10 readers every page at least 0.3 of the home page's requests per
second, no failed request, the dashboard under 120 kB; the picture's query count the same at 25 and 250 regions.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import start_servers, stop_servers, throwaway_database  # noqa: E402

ROUND = "icms-2013"
PAGES = [
    ("home (ministerie)", "ministerie", "/"),
    ("dashboard 2013 (ministerie)", "ministerie", f"/national/{ROUND}/"),
    ("succesfactor 3.4.1 (inspecteur)", "inspecteur", f"/national/{ROUND}/3.4.1/"),
    ("API 2013 (ministerie)", "ministerie", f"/api/national/{ROUND}/"),
    ("vragenlijst VR13 (OVR)", "ovr.vr13", f"/assessments/{ROUND}/VR13/"),
    ("bevindingen VR13 (OVR)", "ovr.vr13", f"/findings/{ROUND}/VR13/"),
]
MODES = {"kept": "600", "afresh": "0"}  # NATIONAL_PAGE_CACHE_SECONDS per mode
MODE_LABELS = {"kept": "paginacache aan (bewaard)", "afresh": "paginacache uit (vers berekend)"}
TARGET_RATIO = 0.3
TARGET_DASHBOARD_KB = 120
EXTRA_REGIONS = 225


def login(port: int, username: str) -> str:
    """A session cookie for `username` (password demo), through the login form."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/login/")
    response = connection.getresponse()
    html = response.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    body = urllib.parse.urlencode({"username": username, "password": "demo", "csrfmiddlewaretoken": csrf})
    connection.request("POST", "/login/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie, "Referer": f"http://127.0.0.1:{port}/login/",
    })
    response = connection.getresponse()
    response.read()
    session = next(part.split(";", 1)[0] for part in response.headers.get_all("Set-Cookie") if "sessionid" in part)
    return f"{cookie}; {session}"


def read(port: int, path: str, cookie: str, readers: int, seconds: float) -> tuple[int, list[float], int, int]:
    """(requests, latencies in ms, failed requests, page weight in bytes) of `readers` clients reading `path`."""
    latencies: list[float] = []
    errors = 0
    weight = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        nonlocal errors, weight
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200
            except OSError:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok, body = False, b""
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                    weight = len(body)
                else:
                    errors += 1

    threads = [threading.Thread(target=client) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), latencies, errors, weight


def prepare() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=StringIO())


def measure_mode(mode: str, args, url: str, workdir: Path) -> list[dict]:
    """Every page read by `args.readers` clients for `args.seconds` on a gunicorn serving in `mode`."""
    # Served as in production: DEBUG off (no debug toolbar, templates cached), plain http on localhost.
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50,
           "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0",
           "SECURE_HSTS_SECONDS": "0", "STATIC_MANIFEST": "0", "MEDIA_ROOT": str(workdir / "media"),
           "NATIONAL_PAGE_CACHE_SECONDS": MODES[mode]}
    servers = start_servers(1, args.workers, env, workdir)
    rows = []
    try:
        port = servers[0][1]
        cookies = {username: login(port, username) for username in {user for _label, user, _path in PAGES}}
        print(f"\n== {MODE_LABELS[mode]}: {args.readers} lezers, {args.seconds:.0f} s per pagina, gunicorn met "
              f"{args.workers} workers", flush=True)
        for _label, username, path in PAGES:
            read(port, path, cookies[username], 2, 2)  # warm up
        # The pages take turns in slices of about five seconds, so that what else the machine does meanwhile
        # weighs on every page alike and the ratios stay fair.
        slices = max(1, round(args.seconds / 5))
        measured = {path: (0, [], 0, 0) for _label, _user, path in PAGES}
        for _slice in range(slices):
            for _label, username, path in PAGES:
                count, latencies, errors, weight = read(port, path, cookies[username], args.readers, args.seconds / slices)
                before = measured[path]
                measured[path] = (before[0] + count, before[1] + latencies, before[2] + errors, weight or before[3])
        baseline = None
        for label, _username, path in PAGES:
            count, latencies, errors, weight = measured[path]
            rate = count / args.seconds
            baseline = baseline or rate
            row = {"mode": mode, "label": label, "path": path, "rate": rate, "ratio": rate / baseline if baseline else 0,
                   "p50": statistics.median(latencies) if latencies else 0,
                   "p95": statistics.quantiles(latencies, n=20)[18] if len(latencies) >= 20 else max(latencies, default=0),
                   "kb": weight / 1024, "errors": errors}
            rows.append(row)
            print(f"{label:34} {rate:7.1f}/s  ratio={row['ratio']:4.2f}  p50_ms={row['p50']:5.0f}  "
                  f"p95_ms={row['p95']:5.0f}  kB={row['kb']:6.1f}  failed={errors}", flush=True)
    finally:
        stop_servers(servers)
    return rows


# --- the picture itself at 25 and at 250 regions ---------------------------------------------------------------


def add_regions(count: int) -> int:
    """`count` more regions, each with the 2013 (and 2009) answers and judgments of one of the demo's regions,
    copied in the database (bulk; a benchmark's data, not a story). Returns the number of regions now."""
    from django.db import transaction

    from assessments.models import Answer, Assessment
    from findings.models import Finding
    from regions.models import Region, Subject, SubjectKind

    sources = list(Subject.objects.filter(kind=SubjectKind.REGION).select_related("region").order_by("code"))
    start = Region.objects.count() + 1
    with transaction.atomic():
        regions = Region.objects.bulk_create([
            Region(code=f"VR{start + i:03d}", name=f"Extra regio {start + i}", province=sources[i % len(sources)].region.province,
                   brigade_id=sources[i % len(sources)].region.brigade_id)
            for i in range(count)
        ])
        subjects = Subject.objects.bulk_create([
            Subject(kind=SubjectKind.REGION, code=region.code, name=region.name, region=region, order=start + i)
            for i, region in enumerate(regions)
        ])
        source_of = {subject.pk: sources[i % len(sources)].pk for i, subject in enumerate(subjects)}
        assessments = {(a.subject_id, a.round_id): a for a in Assessment.objects.filter(subject_id__in=set(source_of.values()))}
        new_assessments = Assessment.objects.bulk_create([
            Assessment(round_id=a.round_id, questionnaire_id=a.questionnaire_id, subject_id=subject, status=a.status)
            for subject, source in source_of.items() for (owner, _round), a in assessments.items() if owner == source
        ])
        copy_of = {new.pk: assessments[(source_of[new.subject_id], new.round_id)].pk for new in new_assessments}
        answers: dict[int, list[Answer]] = {}
        for answer in Answer.objects.filter(assessment_id__in=set(copy_of.values())):
            answers.setdefault(answer.assessment_id, []).append(answer)
        Answer.objects.bulk_create([
            Answer(assessment_id=new, question_id=a.question_id, value=a.value, comment=a.comment, revision=1)
            for new, source in copy_of.items() for a in answers.get(source, [])
        ], batch_size=2000)
        findings: dict[int, list[Finding]] = {}
        for finding in Finding.objects.filter(subject_id__in=set(source_of.values())):
            findings.setdefault(finding.subject_id, []).append(finding)
        Finding.objects.bulk_create([
            Finding(round_id=f.round_id, subject_id=subject, success_factor_id=f.success_factor_id, text=f.text,
                    judgment=f.judgment)
            for subject, source in source_of.items() for f in findings.get(source, [])
        ], batch_size=2000)
    return Region.objects.count()


def time_picture(repeat: int) -> list[dict]:
    """Milliseconds (median of `repeat`) and queries per picture, the ministry's and the inspectors'."""
    from django.db import connection

    from assessments.models import Answer
    from framework.models import Round
    from national.picture import picture_document
    from regions.models import Region

    round = Round.objects.get(code=ROUND)
    regions, answers = Region.objects.count(), Answer.objects.filter(assessment__round=round).count()
    rows = []
    for detail, reader in ((False, "ministerie"), (True, "inspecteur")):
        picture_document(round, detail=detail)  # warm up
        times: list[float] = []
        queries: list[str] = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        cpu: list[float] = []
        for _ in range(repeat):
            queries.clear()
            with connection.execute_wrapper(count):
                started, started_cpu = time.perf_counter(), time.process_time()
                picture_document(round, detail=detail)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        # The median of the time per picture, and the least Python time (this process only; the database's work is
        # in the first): on a shared machine the least is the steadiest figure.
        row = {"regions": regions, "answers": answers, "reader": reader, "ms": statistics.median(times),
               "cpu_ms": min(cpu), "queries": len(queries)}
        rows.append(row)
        print(f"landelijk beeld {ROUND} ({reader:10}) bij {regions:3} regio's ({answers:5} antwoorden): "
              f"{row['ms']:6.1f} ms per beeld (Python {row['cpu_ms']:5.1f} ms), {row['queries']} queries", flush=True)
    return rows


def measure_picture(repeat: int) -> list[dict]:
    from django.conf import settings

    settings.DEBUG = False  # as served: no query log
    print("\n== het landelijk beeld zelf (in dit proces, vers berekend)", flush=True)
    rows = time_picture(repeat)
    add_regions(EXTRA_REGIONS)
    rows += time_picture(repeat)
    return rows


def summary(rows: list[dict], pictures: list[dict]) -> None:
    print("\n== samenvatting (doel: vers berekend elke pagina >= "
          f"{TARGET_RATIO} van de startpagina, 0 mislukt, dashboard < {TARGET_DASHBOARD_KB} kB)")
    afresh = [row for row in rows if row["mode"] == "afresh"]
    for row in afresh[1:]:
        verdict = "ok" if row["ratio"] >= TARGET_RATIO and not row["errors"] else "TE LANGZAAM" if not row["errors"] else "MISLUKT"
        print(f"{row['label']:34} ratio={row['ratio']:4.2f}  {verdict}")
    for row in afresh:
        if row["path"] == PAGES[1][2]:
            print(f"{'dashboard':34} {row['kb']:.1f} kB  {'ok' if row['kb'] < TARGET_DASHBOARD_KB else 'TE ZWAAR'}")
    if pictures:
        by_reader: dict[str, list[dict]] = {}
        for row in pictures:
            by_reader.setdefault(row["reader"], []).append(row)
        for reader, measured in by_reader.items():
            counts = {row["queries"] for row in measured}
            print(f"landelijk beeld ({reader}): " + ", ".join(f"{row['ms']:.1f} ms bij {row['regions']}" for row in measured)
                  + f"; queries {'gelijk' if len(counts) == 1 else 'VERSCHILLEN'} ({', '.join(map(str, sorted(counts)))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", default="kept,afresh", help="kept, afresh or both (kept,afresh)")
    parser.add_argument("--no-cache", action="store_true", help="only the afresh mode (NATIONAL_PAGE_CACHE_SECONDS=0)")
    parser.add_argument("--no-picture", action="store_true", help="skip the picture at 25 and 250 regions")
    parser.add_argument("--picture-only", action="store_true", help="only the picture at 25 and 250 regions")
    parser.add_argument("--repeat", type=int, default=10, help="pictures timed per size")
    args = parser.parse_args()
    modes = ["afresh"] if args.no_cache else [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    if args.picture_only:
        modes = []
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"onbekende modus: {', '.join(sorted(unknown))}")

    url, drop = throwaway_database(False, None)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cmsaudit.settings"
    os.environ.setdefault("DEBUG", "1")
    workdir = Path(tempfile.mkdtemp(prefix="cmsaudit-readers-"))
    rows: list[dict] = []
    pictures: list[dict] = []
    try:
        prepare()
        for mode in modes:
            rows += measure_mode(mode, args, url, workdir)
        if not args.no_picture:
            from django.db import connection

            pictures = measure_picture(args.repeat)
            connection.close()
        summary(rows, pictures)
    finally:
        from django.db import connections

        connections.close_all()
        drop()


if __name__ == "__main__":
    main()
