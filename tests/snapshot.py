"""A snapshot of every table's rows, taken with PostgreSQL's COPY and put back the same way.

The demo is loaded through the real services (imports, signatures, workflow steps, verification), which takes
many seconds; the suite needs it in many modules. It is loaded once per test process, copied out table by table,
and copied back in (a fraction of a second) wherever a module or a browser test asks for it."""

from __future__ import annotations

import io
from dataclasses import dataclass

# Django's own bookkeeping: identical in every snapshot and never truncated.
KEEP = {"django_migrations"}


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, bytes]  # table → its rows in COPY's text format
    sequences: dict[str, int | None]  # sequence → last value (None: never used)

    @classmethod
    def take(cls, connection) -> Snapshot:
        tables = {}
        with connection.cursor() as cursor:
            for table in _tables(connection):
                buffer = io.BytesIO()
                cursor.copy_expert(f'COPY "{table}" TO STDOUT', buffer)
                tables[table] = buffer.getvalue()
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")
            sequences = dict(cursor.fetchall())
        return cls(tables, sequences)

    def restore(self, connection) -> None:
        """Replace every table's rows by the snapshot's (inside the caller's transaction, if any)."""
        with connection.cursor() as cursor:
            names = ", ".join(f'"{table}"' for table in self.tables)
            cursor.execute(f"TRUNCATE {names}")
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: the order of the tables does not matter.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table, rows in self.tables.items():
                if rows:
                    cursor.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(rows))
            for sequence, value in self.sequences.items():
                if value is None:
                    cursor.execute("SELECT setval(%s, 1, false)", [sequence])
                else:
                    cursor.execute("SELECT setval(%s, %s, true)", [sequence, value])


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        return [name for name in connection.introspection.table_names(cursor, include_views=False) if name not in KEEP]
