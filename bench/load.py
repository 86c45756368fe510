"""Load without loss (not a test): respondents autosaving at once through gunicorn, then every save checked.

    make load                                   # PostgreSQL (DATABASE_URL), 25 respondents, 60 s
    DATABASE_URL=postgres://... DEBUG=1 .venv/bin/python bench/load.py --seconds 30 [--shared] [--servers 2]
    env -u DATABASE_URL DEBUG=1 .venv/bin/python bench/load.py --seconds 30     # the SQLite of `make run`

Prepares a throwaway database next to the configured one (PostgreSQL: `<name>_load`, dropped afterwards;
SQLite: a file in a temporary folder, with the settings of `make run`), migrates it and loads the demo; sets the
2013 questionnaires of the regions used to draft and creates their OVR and contact person. Then starts gunicorn
(`--servers` instances on one database), logs in `--clients` respondents and has them autosave answers for
`--seconds` through the real htmx endpoint, as the fill-in page posts them: `<q>-value`, `<q>-comment`,
`<q>-revision` and the `orig_*` fields, with `HX-Request: true` and the CSRF token. Every save posts a value and
a comment no other save posts, so each one can be found again. A client's requests go round the servers in turn.

Without `--shared` every respondent has questions nobody else saves. With `--shared` the OVR and the contact
person of a region save the same questions in opposite orders: a save based on a revision another save has
passed is refused by design (counted as `stale`), after which the client reads the stored answer and goes on.

Afterwards it checks, in the database:
- every acknowledged save ("✓ Opgeslagen") is in the answer's history with the value and comment posted;
- each answer's final value and comment are those of its last acknowledged save;
- no acknowledgement showed a value or comment other than the one posted.
A failure of any of these counts as `lost`. `errors` counts responses that were neither an acknowledgement nor
a refusal as stale (a status other than 200, a validation message, no answer at all).
The last line reads `requests=N errors=E stale=S lost=L p95_ms=P`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from html import unescape
from http.cookies import SimpleCookie
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
YEAR = 2013
ROUND = f"icms-{YEAR}"  # the demo's round, by its code
PASSWORD = "load-demo"
# Question kinds whose values the load varies; number and date questions carry bounds and formats that
# have nothing to do with saving under load.
# With --shared: how many questions the two respondents of a region both save.
SHARED_QUESTIONS = 3
KINDS = ("yes_no", "single_choice", "text")


# ---------------------------------------------------------------------------------------------------------
# The database: a throwaway copy of the configured one, prepared in this process.


def throwaway_database(sqlite: bool, name: str | None) -> tuple[str, callable]:
    """The URL of a fresh, empty database and a function that removes it."""
    url = os.environ.get("DATABASE_URL", "")
    if sqlite or not url.startswith(("postgres://", "postgresql://")):
        folder = Path(tempfile.mkdtemp(prefix="cmsaudit-load-"))
        return f"sqlite:///{folder / 'db.sqlite3'}", lambda: shutil.rmtree(folder, ignore_errors=True)
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(url)
    target = name or f"{parts.path.lstrip('/') or 'cmsaudit'}_load"
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))

    def execute(statement):
        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target))
    execute(drop)
    execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target)))
    return urllib.parse.urlunsplit(parts._replace(path=f"/{target}")), lambda: execute(drop)


@dataclass
class Respondent:
    username: str
    code: str  # the region's subject code, VR01 … VR25
    questions: list[str]  # in the order this respondent saves them
    choices: dict[str, list[str]]  # values to alternate per question; [] for free text


def prepare(clients: int, shared: bool) -> list[Respondent]:
    """Demo data, the regions' 2013 questionnaires as drafts, and the respondents with their questions."""
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from accounts.models import Role, User
    from assessments import services
    from assessments.models import Assessment, AssessmentStatus, Question
    from framework.models import Round
    from people.services import memberships_replace
    from regions.models import Region, Subject

    call_command("migrate", verbosity=0, interactive=False)
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    round = Round.objects.get(year=YEAR)
    regions = list(Region.objects.order_by("code"))
    per_region = 2 if shared else 1
    used = regions[: min(len(regions), -(-clients // per_region))]
    if not shared and clients > len(regions):
        per_region = -(-clients // len(regions))  # several respondents of one region get disjoint questions
    inspector = User.objects.get(username="inspecteur")
    for region in used:
        subject = Subject.objects.get(region=region)
        if not Assessment.objects.filter(round=round, subject=subject).exists():
            services.assessment_start(round=round, subject=subject, by=inspector)
    Assessment.objects.filter(round=round, subject__region__in=used).update(status=AssessmentStatus.DRAFT)

    questionnaire = Assessment.objects.filter(round=round, subject__region__in=used).first().questionnaire
    questions = list(Question.objects.filter(questionnaire=questionnaire, kind__in=KINDS)
                     .prefetch_related("choices").order_by("order"))
    choices = {q.code: (["ja", "nee"] if q.kind == "yes_no" else [c.code for c in q.choices.all()]) for q in questions}
    codes = [q.code for q in questions]

    password = make_password(PASSWORD)
    respondents = []
    for index in range(clients):
        region = used[index % len(used)]
        slot = index // len(used)  # 0: the OVR, 1: the contact person, 2…: more OVRs
        role = Role.CONTACT if slot == 1 else Role.OVR
        username = f"load.{role}{slot}.{region.code.lower()}"
        user, _ = User.objects.update_or_create(username=username, defaults={"role": role, "password": password,
                                                                             "first_name": "Load", "last_name": username})
        memberships_replace(user=user, subjects=[region.subject])
        if shared:
            # The OVR and the contact person of a region save the same few questions at once: stale saves are
            # certain, and each must be refused and reread, never overwrite.
            few = codes[:SHARED_QUESTIONS]
            order = few if slot % 2 == 0 else few[::-1]
        else:
            order = codes[slot::per_region]
        respondents.append(Respondent(username, Subject.objects.get(region=region).code, order, choices))
    return respondents


# ---------------------------------------------------------------------------------------------------------
# Servers.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_servers(count: int, workers: int, env: dict[str, str], logdir: Path) -> list[tuple[subprocess.Popen, int]]:
    servers = []
    for number in range(count):
        port = free_port()
        log = open(logdir / f"gunicorn-{number + 1}.log", "w")
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "cmsaudit.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--timeout", "120", "--graceful-timeout", "5"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        servers.append((process, port))
    for process, port in servers:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                sys.exit(f"gunicorn op poort {port} is gestopt; zie {logdir}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz/")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                sys.exit(f"gunicorn op poort {port} antwoordt niet; zie {logdir}")
            time.sleep(0.2)
    return servers


def stop_servers(servers) -> None:
    for process, _port in servers:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process, _port in servers:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# ---------------------------------------------------------------------------------------------------------
# One respondent in a browser: cookies, CSRF token, the answer cards.


@dataclass
class Card:
    revision: int
    value: str
    comment: str
    state: str  # "saved" (just acknowledged), "conflict", "error" or "" (as stored)


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return unescape(found.group(1)) if found else None


def parse_card(html: str, code: str) -> Card:
    """The answer card as the endpoint renders it: revision, value and comment shown, and the save state."""
    revision = value = comment = None
    checked = []
    for tag in re.findall(r"<input\b[^>]*>", html):
        name = _attribute(tag, "name")
        if name == f"{code}-revision":
            revision = int(_attribute(tag, "value") or 0)
        elif name == f"{code}-value" and re.search(r"\bchecked\b", tag):
            checked.append(_attribute(tag, "value"))
        elif name == f"{code}-value" and _attribute(tag, "type") not in ("radio", "checkbox"):
            value = _attribute(tag, "value") or ""
    for name, text in re.findall(r'<textarea\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        if name == f"{code}-value":
            value = unescape(text).strip()
        elif name == f"{code}-comment":
            comment = unescape(text).strip()
    if value is None:
        value = "|".join(checked)
    if "conflict-theirs" in html:
        state = "conflict"
    elif "save-state error" in html:
        state = "error"
    elif re.search(r'save-state saved">\s*✓', html):
        state = "saved"
    else:
        state = ""
    if revision is None:
        raise ValueError(f"geen antwoordkaart voor {code} in het antwoord: {html[:200]!r}")
    return Card(revision, value, comment or "", state)


@dataclass
class Ack:
    code: str
    question: str
    value: str
    comment: str
    shown: Card


@dataclass
class Client:
    respondent: Respondent
    ports: list[int]
    index: int
    cookies: dict[str, str] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    turn: int = 0
    saves: int = 0
    latencies: list[float] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stale: int = 0

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None,
                timed: bool = False) -> tuple[int, str, dict]:
        port = self.ports[(self.index + self.turn) % len(self.ports)]
        self.turn += 1
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            connection.request(method, path, body=data, headers=all_headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
            if timed:
                self.latencies.append(time.perf_counter() - start)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, text, dict(response.headers)

    def login(self) -> None:
        status, html, _ = self.request("GET", "/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, html, headers = self.request("POST", "/login/", {
            "username": self.respondent.username, "password": PASSWORD, "csrfmiddlewaretoken": token,
        })
        if status != 302 or "sessionid" not in self.cookies:
            sys.exit(f"inloggen als {self.respondent.username} mislukt ({status}): {html[:300]!r}")

    def url(self, question: str) -> str:
        return f"/assessments/{ROUND}/{self.respondent.code}/answers/{question}/"

    def htmx_headers(self) -> dict:
        return {"HX-Request": "true", "X-CSRFToken": self.cookies.get("csrftoken", "")}

    def read(self, question: str, timed: bool = False) -> None:
        status, html, _ = self.request("GET", self.url(question), headers={"HX-Request": "true"}, timed=timed)
        if status != 200:
            raise RuntimeError(f"GET {self.url(question)}: {status} {html[:200]!r}")
        self.cards[question] = parse_card(html, question)

    def save_next(self) -> None:
        """Save the next question in this respondent's order with a value and comment no other save posts."""
        respondent = self.respondent
        question = respondent.questions[self.saves % len(respondent.questions)]
        self.saves += 1
        card = self.cards[question]
        options = respondent.choices[question]
        mark = f"{respondent.username} #{self.saves}"
        value = options[self.saves % len(options)] if options else f"antwoord {mark}"
        comment = f"toelichting {mark}"
        body = {
            f"{question}-value": value, f"{question}-comment": comment, f"{question}-revision": card.revision,
            f"{question}-orig_value": card.value, f"{question}-orig_comment": card.comment,
            f"{question}-orig_diverging_view": "",
        }
        try:
            status, html, _ = self.request("POST", self.url(question), body, self.htmx_headers(), timed=True)
        except (OSError, http.client.HTTPException) as error:
            self.errors.append(f"{question}: {error!r}")
            self._reread(question)
            return
        if status != 200:
            self.errors.append(f"{question}: {status} {html[:200]!r}")
            self._reread(question)
            return
        try:
            shown = parse_card(html, question)
        except ValueError as error:
            self.errors.append(f"{question}: {error}")
            self._reread(question)
            return
        if shown.state == "saved":
            self.acks.append(Ack(respondent.code, question, value, comment, shown))
            self.cards[question] = shown
        elif shown.state == "conflict":
            self.stale += 1
            self._reread(question)  # "Het opgeslagen antwoord overnemen"
        else:
            self.errors.append(f"{question}: {shown.state or 'geen bevestiging'} {html[:200]!r}")
            self._reread(question)

    def _reread(self, question: str) -> None:
        try:
            self.read(question, timed=True)
        except (OSError, http.client.HTTPException, RuntimeError, ValueError) as error:
            self.errors.append(f"{question} (opnieuw lezen): {error}")


def run_clients(clients: list[Client], seconds: float, think: float) -> None:
    start = threading.Barrier(len(clients) + 1)
    deadline = [0.0]

    def work(client: Client) -> None:
        start.wait()
        while time.monotonic() < deadline[0]:
            client.save_next()
            if think:
                time.sleep(think)

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + seconds
    start.wait()
    for thread in threads:
        thread.join()


# ---------------------------------------------------------------------------------------------------------
# The check.


def check(clients: list[Client]) -> tuple[int, list[str]]:
    """Acknowledged saves that are not in the database as acknowledged; with a reason for each."""
    from django.db import connections

    from assessments.models import Answer

    connections.close_all()
    acks = [ack for client in clients for ack in client.acks]
    codes = {ack.code for ack in acks}
    answers = {(a.assessment.subject.code, a.question.code): a for a in Answer.objects.filter(
        assessment__round__year=YEAR, assessment__subject__code__in=codes).select_related("assessment__subject", "question")}
    history: dict[tuple[int, str, str], int] = {}
    for row in Answer.history.filter(id__in=[a.pk for a in answers.values()]).values("id", "value", "comment", "revision"):
        history[(row["id"], row["value"], row["comment"])] = row["revision"]

    problems = []
    last: dict[tuple[str, str], tuple[int, Ack]] = {}
    for ack in acks:
        if ack.shown.value != ack.value or ack.shown.comment != ack.comment:
            problems.append(f"{ack.code} {ack.question}: bevestigd met {ack.shown.value!r}/{ack.shown.comment!r}, "
                            f"gepost {ack.value!r}/{ack.comment!r}")
            continue
        answer = answers.get((ack.code, ack.question))
        revision = history.get((answer.pk, ack.value, ack.comment)) if answer else None
        if revision is None:
            problems.append(f"{ack.code} {ack.question}: bevestigde opslag {ack.comment!r} niet in de geschiedenis")
            continue
        if revision != ack.shown.revision:
            problems.append(f"{ack.code} {ack.question}: bevestigd als revisie {ack.shown.revision}, "
                            f"opgeslagen als {revision}")
        key = (ack.code, ack.question)
        if key not in last or revision > last[key][0]:
            last[key] = (revision, ack)
    for key, (revision, ack) in last.items():
        answer = answers[key]
        if (answer.value, answer.comment) != (ack.value, ack.comment):
            problems.append(f"{key[0]} {key[1]}: eindwaarde {answer.value!r}/{answer.comment!r} (revisie "
                            f"{answer.revision}), laatst bevestigd {ack.value!r}/{ack.comment!r} (revisie {revision})")
    return len(problems), problems


# ---------------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=25, help="respondents saving at once (default 25)")
    parser.add_argument("--seconds", type=float, default=60, help="how long they save (default 60)")
    parser.add_argument("--shared", action="store_true", help="OVR and contact person of a region save the same questions")
    parser.add_argument("--servers", type=int, default=1, help="gunicorn instances on one database (default 1)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per instance (default 4)")
    parser.add_argument("--think", type=float, default=0.0, help="pause between a respondent's saves, in seconds")
    parser.add_argument("--sqlite", action="store_true", help="the SQLite of `make run`, also when DATABASE_URL is set")
    parser.add_argument("--database", help="name of the throwaway PostgreSQL database (default <name>_load)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database and logs")
    args = parser.parse_args()

    url, drop = throwaway_database(args.sqlite, args.database)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cmsaudit.settings"
    os.environ.setdefault("DEBUG", "1")
    workdir = Path(tempfile.mkdtemp(prefix="cmsaudit-load-run-"))
    servers = []
    try:
        import django

        django.setup()
        from django.db import connections

        engine = "sqlite" if url.startswith("sqlite") else "postgresql"
        print(f"database: {engine} ({url.rsplit('/', 1)[-1]}), demo laden…", flush=True)
        respondents = prepare(args.clients, args.shared)
        connections.close_all()
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1", "MEDIA_ROOT": str(workdir / "media")}
        servers = start_servers(args.servers, args.workers, env, workdir)
        ports = [port for _process, port in servers]
        clients = [Client(respondent, ports, index) for index, respondent in enumerate(respondents)]
        for client in clients:
            client.login()
            for question in client.respondent.questions:
                client.read(question)
        print(f"{len(clients)} respondenten ingelogd op {len(ports)} server(s) × {args.workers} workers; "
              f"{'gedeelde' if args.shared else 'eigen'} vragen; {args.seconds:g} s opslaan…", flush=True)
        run_clients(clients, args.seconds, args.think)
        stop_servers(servers)
        servers = []

        latencies = sorted(t for c in clients for t in c.latencies)
        requests = len(latencies)
        errors = [e for c in clients for e in c.errors]
        stale = sum(c.stale for c in clients)
        acks = sum(len(c.acks) for c in clients)
        lost, problems = check(clients)
        for line in errors[:10]:
            print(f"fout: {line}")
        for line in problems[:10]:
            print(f"verloren: {line}")
        p50 = statistics.median(latencies) * 1000 if latencies else 0
        p95 = latencies[int(0.95 * (requests - 1))] * 1000 if latencies else 0
        print(f"{acks} opslagen bevestigd ({acks / args.seconds:.0f}/s), {stale} geweigerd als verouderd; "
              f"p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        print(f"requests={requests} errors={len(errors)} stale={stale} lost={lost} p95_ms={p95:.0f}")
    finally:
        stop_servers(servers)
        from django.db import connections

        connections.close_all()
        if args.keep:
            print(f"bewaard: {url} en {workdir}", file=sys.stderr)
        else:
            drop()
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
