"""Say plainly when no PostgreSQL server answers, instead of letting the test suite fail obscurely."""

import os
import sys

import dj_database_url
import psycopg2

url = os.environ.get("DATABASE_URL", "")
config = dj_database_url.parse(url)
if "postgresql" not in config["ENGINE"]:
    sys.exit(f"De tests draaien op PostgreSQL, niet op {config['ENGINE']}. Zet DATABASE_URL op een PostgreSQL-server.")
try:
    # Connect to the maintenance database: the test database is created by pytest-django.
    psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        connect_timeout=5,
    ).close()
except psycopg2.OperationalError as error:
    sys.exit(
        f"Geen PostgreSQL-server bereikbaar op {config.get('HOST')}:{config.get('PORT')} ({error}).\n"
        "Start PostgreSQL of zet DATABASE_URL, bijvoorbeeld postgres://postgres@127.0.0.1:5432/cmsaudit."
    )
