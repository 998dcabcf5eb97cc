"""The staging area: each batch as Parquet files, audited before anything is published.

A batch is written to `$BULLETINS_HOME/staging/<run_id>/batch-NNNNN/<table>.parquet`. The
audit reads those files (GX on DataFrames, the cross-table SQL checks on an in-memory DuckDB)
and never touches the warehouse, so that only publication writes it. A blocked batch's
directory is moved to `$BULLETINS_HOME/quarantine/<run_id>/` for inspection.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow.parquet as pq

from etl import config, sqlfiles
from etl.load.quality import CheckResult
from etl.load.rows import SCHEMAS, Batch

if TYPE_CHECKING:
    import pandas as pd

    from etl.load.quality import Validator

STAGED_TABLES = tuple(SCHEMAS)
# The cross-table checks of sql/checks/ that run on a staged batch, with their severity.
# (`published_matches_parsed` runs inside the publishing transaction: see warehouse.py.)
SQL_CHECKS = {
    "no_orphans": "critical",
    "rejected_share": "critical",
    "published_matches_parsed": "critical",
}


def batch_dir(run_id: str, batch_no: int) -> Path:
    """Where a run's batch is staged."""
    return (config.home() / "staging" / run_id / f"batch-{batch_no:05d}").resolve()


def write_batch(batch: Batch, directory: Path) -> Path:
    """Write a batch's tables as Parquet files into `directory`; returns it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, table in batch.tables().items():
        pq.write_table(table, directory / f"{name}.parquet")
    return directory


def load(con: duckdb.DuckDBPyConnection, directory: Path) -> None:
    """Load a staged batch into the connection's in-memory `staging` catalog."""
    params = {name: str(directory / f"{name}.parquet") for name in STAGED_TABLES}
    for statement in sqlfiles.statements("stage_load"):
        wanted = sqlfiles.parameters(statement)
        con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)


def open_staged(directory: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the staged batch loaded (the warehouse untouched)."""
    con = duckdb.connect(config={"allocator_flush_threshold": "32MB"})
    load(con, directory)
    return con


def check(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> CheckResult:
    """Run the SQL check `sql/checks/<name>.sql` on the connection's staged batch."""
    (statement,) = sqlfiles.statements(f"checks/{name}")
    wanted = sqlfiles.parameters(statement)
    cursor = con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)
    success, observed, unexpected_count, sample = cursor.fetchone() or (False, None, None, None)
    return CheckResult(
        suite="cross_table",
        expectation=name,
        column_name=None,
        severity=SQL_CHECKS[name],
        success=bool(success),
        observed_value=observed,
        unexpected_count=unexpected_count,
        unexpected_sample=sample,
    )


def frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The staged tables as pandas DataFrames, for great_expectations."""
    return {name: con.table(f"staging.{name}").df() for name in STAGED_TABLES}


def audit(
    con: duckdb.DuckDBPyConnection,
    validator: Validator,
    *,
    run_name: str,
    max_reject_share: float,
    today: dt.date | None = None,
) -> list[CheckResult]:
    """Every pre-publication check on a staged batch: the GX suites, then the SQL checks."""
    results = validator.validate(frames(con), run_name=run_name, today=today)
    results.append(check(con, "no_orphans"))
    results.append(check(con, "rejected_share", max_share=max_reject_share))
    return results


def quarantine(directory: Path, run_id: str) -> Path:
    """Move a blocked batch's files to `$BULLETINS_HOME/quarantine/<run_id>/`; returns where."""
    target = (config.home() / "quarantine" / run_id / directory.name).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(directory), target)
    return target


def discard(directory: Path) -> None:
    """Remove a published batch's files (and its run's directory once empty)."""
    shutil.rmtree(directory, ignore_errors=True)
    if directory.parent.is_dir() and not any(directory.parent.iterdir()):
        directory.parent.rmdir()
