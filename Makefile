# Three commands: `make run` (demo on SQLite), `make check` (everything but the browser, often) and `make test`
# (the whole suite on PostgreSQL).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# xstatic-bootstrap builds from source and needs setuptools<70 in its build environment.
export PIP_CONSTRAINT := $(CURDIR)/constraints-build.txt
# The suite runs on every core (pytest-xdist; each worker has its own test database).
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
TEST_DATABASE_URL ?= $(if $(DATABASE_URL),$(DATABASE_URL),postgres://postgres@127.0.0.1:5432/cmsaudit)

# The tests that commit (browser journeys on a live server, backup and restore) empty and refill the database; they
# run apart, after the others and each set on a database of its own, so that no test meets a database they emptied.
TRANSACTIONAL_TESTS := tests/browser tests/test_backup.py
PYTEST := DATABASE_URL=$(TEST_DATABASE_URL) DEBUG=1 DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest
# The suite without the tests that commit: the first pass of `make test`, and the tests of `make check`.
PYTEST_SHARED := $(PYTEST) -n $(TEST_WORKERS) --dist worksteal $(addprefix --ignore=,$(TRANSACTIONAL_TESTS))

.PHONY: run check test bench load readers venv chromium poppler lint messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints-build.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

# `make run` serves as production does (DEBUG off, static files through WhiteNoise, the application's own error
# pages), on this machine only: plain http on 127.0.0.1, and the demo by explicit allowance.
RUN_ENV := env -u DATABASE_URL DEBUG=0 DEMO_ALLOWED=1 SECRET_KEY_FILE=$(CURDIR)/.secret-key \
	ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 \
	SITE_URL=http://127.0.0.1:8000

run: venv .secret-key
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(PY) manage.py load_demo
	@echo "cmsaudit draait op http://127.0.0.1:8000 — log in als inspecteur / demo (zie README)"
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

.secret-key:
	@umask 077 && python3 -c "import secrets; print(secrets.token_urlsafe(50))" > $@

chromium: poppler
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { \
	  echo "Chromium ontbreekt; installeren met apt-get (nodig voor de browsertests)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -q chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }; \
	  else sudo apt-get install -y -q chromium; fi; }

poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  echo "pdftoppm ontbreekt; poppler-utils installeren met apt-get (de PDF-toetsen bekijken de pagina's als beeld)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -q poppler-utils >/dev/null || { apt-get update -q && apt-get install -y -q poppler-utils; }; \
	  else sudo apt-get install -y -q poppler-utils; fi; }
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || { \
	  echo "libharfbuzz-subset ontbreekt; installeren met apt-get (WeasyPrint zet de lettertypen van een PDF er snel mee in)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -q libharfbuzz-subset0 >/dev/null || { apt-get update -q && apt-get install -y -q libharfbuzz-subset0; }; \
	  else sudo apt-get install -y -q libharfbuzz-subset0; fi; }

# `make check`: what a developer runs often. The linters, the type check (mypy reads the settings, which need
# DEBUG=1 without a secret key), the template lint, and the suite but for the browser journeys, axe and the backup
# tests (`make test` runs those too); the time it took printed at the end.
check: CHECK_STARTED := $(shell date +%s)
check: venv poppler
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) tests/check_postgres.py
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	DEBUG=1 $(VENV)/bin/mypy
	$(VENV)/bin/djlint templates --lint
	$(PYTEST_SHARED) $(PYTEST_ARGS)
	@elapsed=$$(( $$(date +%s) - $(CHECK_STARTED) )); echo "make check: $$((elapsed / 60)) min $$((elapsed % 60)) s"

test: venv chromium
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) tests/check_postgres.py
	$(VENV)/bin/lint-imports --no-cache
	$(PYTEST_SHARED) $(PYTEST_ARGS)
	$(PYTEST) -n $(TEST_WORKERS) --dist loadfile tests/browser $(PYTEST_ARGS)
	$(PYTEST) -p no:xdist tests/test_backup.py $(PYTEST_ARGS)

bench: venv
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) tests/check_postgres.py
	DATABASE_URL=$(TEST_DATABASE_URL) DEBUG=1 $(PY) bench/run.py

# Respondents autosaving through gunicorn, then every save checked: LOAD_ARGS="--seconds 30 --shared --servers 2",
# or LOAD_ARGS=--sqlite for the embedded SQLite of `make run`.
load: venv
	@[[ "$(LOAD_ARGS)" == *--sqlite* ]] || DATABASE_URL=$(TEST_DATABASE_URL) $(PY) tests/check_postgres.py
	DATABASE_URL=$(TEST_DATABASE_URL) DEBUG=1 $(PY) bench/load.py $(LOAD_ARGS)

readers: venv
	@DATABASE_URL=$(TEST_DATABASE_URL) $(PY) tests/check_postgres.py
	DATABASE_URL=$(TEST_DATABASE_URL) DEBUG=1 $(PY) bench/readers.py $(READERS_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djlint templates --lint

messages: venv
	DEBUG=1 $(PY) manage.py makemessages -l en --ignore=.venv --ignore=staticfiles

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles .secret-key
