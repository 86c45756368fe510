"""Readers of the national picture under load (not a test): how fast the dashboard, a factor page and the API
serve compared with the home page.

    DATABASE_URL=postgres://... DEBUG=1 .venv/bin/python bench/readers.py [--seconds 20] [--readers 20]
    make readers

Loads the demo into a throwaway PostgreSQL database, starts gunicorn (2 workers, as on a small server) and has
`--readers` concurrent clients read each page for `--seconds`: the home page as the baseline, then the
ministry's dashboard, the inspector's factor page and the API. Prints per page the requests per second, the
ratio to the home page, p50/p95 and the page weight. The issue's aims: dashboard ratio >= 0.5, an inspector's
factor page >= 0.3, p95 < 150 ms, dashboard < 250 KB.
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

PAGES = [
    ("home (ministerie)", "ministerie", "/"),
    ("dashboard 2013 (ministerie)", "ministerie", "/national/icms-2013/"),
    ("succesfactor 3.4.1 (inspecteur)", "inspecteur", "/national/icms-2013/3.4.1/"),
    ("API 2013 (ministerie)", "ministerie", "/api/national/icms-2013/"),
]


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
    """(requests, latencies in ms, errors, page weight in bytes) of `readers` clients reading `path`."""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true", help="every read computes the page (NATIONAL_PAGE_CACHE_SECONDS=0)")
    args = parser.parse_args()

    url, drop = throwaway_database(False, None)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "cmsaudit.settings"
    os.environ.setdefault("DEBUG", "1")
    workdir = Path(tempfile.mkdtemp(prefix="cmsaudit-readers-"))
    servers = []
    try:
        prepare()
        # Served as in production: DEBUG off (no debug toolbar, templates cached), plain http on localhost.
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50,
               "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0",
               "SECURE_HSTS_SECONDS": "0", "STATIC_MANIFEST": "0", "MEDIA_ROOT": str(workdir / "media"),
               "NATIONAL_PAGE_CACHE_SECONDS": "0" if args.no_cache else "600"}
        servers = start_servers(1, args.workers, env, workdir)
        port = servers[0][1]
        cookies = {username: login(port, username) for username in {user for _label, user, _path in PAGES}}
        baseline = None
        print(f"{args.readers} lezers, {args.seconds:.0f} s per pagina, gunicorn met {args.workers} workers, "
              f"{'zonder' if args.no_cache else 'met'} paginacache")
        for label, username, path in PAGES:
            read(port, path, cookies[username], 2, 2)  # warm up
            count, latencies, errors, weight = read(port, path, cookies[username], args.readers, args.seconds)
            rate = count / args.seconds
            baseline = baseline or rate
            p50 = statistics.median(latencies) if latencies else 0
            p95 = statistics.quantiles(latencies, n=20)[18] if len(latencies) >= 20 else max(latencies, default=0)
            print(f"{label:34} {rate:7.1f}/s  ratio={rate / baseline:4.2f}  p50_ms={p50:5.0f}  p95_ms={p95:5.0f}  "
                  f"kB={weight / 1024:6.1f}  errors={errors}")
    finally:
        stop_servers(servers)
        drop()


if __name__ == "__main__":
    main()
