"""The warehouse's schema versions: `sql/schema.sql` creates a new warehouse as it is now;
the numbered files of `sql/migrations/` bring an older one there.

A warehouse records its migrations in `schema_migrations`. One without that table but with
the run ledger was made before migrations were recorded: it is at version 1, the baseline.
Each migration runs in its own transaction with its record, so that a migration interrupted
by a crash is run again whole at the next open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from etl import sqlfiles

_NAME = re.compile(r"^(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    """One file of `sql/migrations/`: `NNNN_name.sql`."""

    version: int
    name: str

    @property
    def file(self) -> str:
        """The file's name for `sqlfiles` (`migrations/0002_batches_by_digest`)."""
        return f"migrations/{self.version:04d}_{self.name}"


def migrations() -> list[Migration]:
    """Every migration, in version order; raises ValueError for a misnamed or missing one."""
    found = []
    for path in (sqlfiles.sql_dir() / "migrations").glob("*.sql"):
        match = _NAME.match(path.stem)
        if match is None:
            raise ValueError(f"{path.name}: migrations are named NNNN_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2)))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3... without gaps: {versions}")
    return found


def latest_version() -> int:
    """The version that `sql/schema.sql` describes."""
    return migrations()[-1].version


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(sqlfiles.load("migrate/has_table"), {"name": name}).fetchone()
    return bool(row and row[0])


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """The versions a warehouse has: none for an empty database, 1 alone for one made
    before migrations were recorded."""
    if _has_table(con, "schema_migrations"):
        return {int(row[0]) for row in con.execute(sqlfiles.load("migrate/applied")).fetchall()}
    return {1} if _has_table(con, "ingest_runs") else set()


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def _record(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    params = {"version": migration.version, "name": migration.name, "applied_at": now}
    con.execute(sqlfiles.load("migrate/record"), params)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Bring the warehouse on `con` to the latest version; returns the versions applied (all
    of them for a new warehouse, which is created from `sql/schema.sql`)."""
    every = migrations()
    have = applied_versions(con)
    if max(have, default=0) > len(every):
        raise RuntimeError(
            f"the warehouse is at schema version {max(have)}, newer than this code's "
            f"{len(every)}: run a newer version of the pipeline"
        )
    if len(have) == len(every):
        return []
    recorded = _has_table(con, "schema_migrations")
    with _transaction(con):
        con.execute(sqlfiles.load("migrate/create_table"))
        if not have:
            for statement in sqlfiles.statements("schema"):
                con.execute(statement)
            for migration in every:
                _record(con, migration)
            return [m.version for m in every]
        if not recorded:
            for migration in every:
                if migration.version in have:
                    _record(con, migration)
    done = []
    for migration in every:
        if migration.version in have:
            continue
        with _transaction(con):
            for statement in sqlfiles.statements(migration.file):
                con.execute(statement)
            _record(con, migration)
        done.append(migration.version)
    return done
