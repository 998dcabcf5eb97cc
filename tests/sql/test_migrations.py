"""Schema migrations: a warehouse of the first version, opened by today's code, ends with
exactly the tables, columns and constraints that `sql/schema.sql` gives a new one, and keeps
its rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import sqlfiles
from etl.load import migrations
from etl.load.warehouse import Warehouse
from etl.runs.ingest import ingest
from tests.conftest import TEXT_SAMPLES

SHAPE = """
select table_name, column_name, ordinal_position, data_type, is_nullable, column_default
from information_schema.columns
where table_schema = 'main' and table_name in (
    select table_name from information_schema.tables
    where table_schema = 'main' and table_type = 'BASE TABLE'
)
order by table_name, ordinal_position
"""
CONSTRAINTS = """
select table_name, constraint_type, constraint_column_names
from duckdb_constraints()
where schema_name = 'main'
order by all
"""


def shape(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(SHAPE).fetchall(), con.execute(CONSTRAINTS).fetchall()


def first_version(db: Path) -> None:
    """A warehouse as the first round made it: the baseline's tables, no migration record."""
    with duckdb.connect(str(db)) as con:
        for statement in sqlfiles.statements("migrations/0001_baseline"):
            con.execute(statement)


def test_a_migrated_warehouse_has_the_shape_of_a_new_one(tmp_path: Path) -> None:
    new, old = tmp_path / "new.duckdb", tmp_path / "old.duckdb"
    Warehouse(new).close()
    first_version(old)
    assert shape(old) != shape(new)
    Warehouse(old).close()
    assert shape(old) == shape(new)
    with duckdb.connect(str(old), read_only=True) as con:
        recorded = con.execute("select version, name from schema_migrations order by 1").fetchall()
    assert recorded == [(m.version, m.name) for m in migrations.migrations()]
    assert recorded[:3] == [(1, "baseline"), (2, "batches_by_digest"), (3, "rejects_expectation")]


def test_rows_of_the_first_version_survive_and_new_runs_add_to_them(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    first_version(db)
    with duckdb.connect(str(db)) as con:
        con.execute(
            "insert into run_batches values ('r1', 1, '{\"n_seen\": 2}', timestamp '2026-01-01')"
        )
        con.execute("insert into rejects values ('r1', 'file:///x', 'read', 'empty file', null)")
    ingest([TEXT_SAMPLES], db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(
            "select run_id, batch_key, batch_no, tally from run_batches where run_id = 'r1'"
        ).fetchall() == [("r1", "batch-1", 1, '{"n_seen": 2}')]
        assert con.execute(
            "select uri, reason, expectation, observed_value from rejects"
        ).fetchall() == [("file:///x", "empty file", None, None)]
        assert con.execute("select count(*) from articles").fetchall() == [(5,)]


def test_a_new_warehouse_records_every_migration_and_reopens_without_change(
    tmp_path: Path,
) -> None:
    db = tmp_path / "new.duckdb"
    with duckdb.connect(str(db)) as con:
        assert migrations.migrate(con) == [m.version for m in migrations.migrations()]
        assert migrations.migrate(con) == []
        assert migrations.applied_versions(con) == set(range(1, migrations.latest_version() + 1))


def test_a_warehouse_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.duckdb"
    Warehouse(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("insert into schema_migrations values (999, 'future', now())")
    with pytest.raises(RuntimeError, match="schema version 999, newer than this code's"):
        Warehouse(db)
