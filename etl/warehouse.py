"""The DuckDB warehouse: schema, the run ledger, and publication of audited batches.

Only this module writes the warehouse. A staged batch (Parquet files, see staging.py) that
passed its audit is published in one transaction with `INSERT ... SELECT` from it, never a
row at a time; any failure rolls the whole batch back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from etl import PARSER_VERSION, sqlfiles, staging
from etl.quality import CheckResult

log = logging.getLogger(__name__)

# Settings of read-only connections: the warehouse file and nothing else (no files, URLs,
# ATTACH or extension installs), and the settings cannot be changed back by a query.
READ_ONLY_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


DQ_RESULTS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("batch_no", pa.int32()),
        ("suite", pa.string()),
        ("expectation", pa.string()),
        ("column_name", pa.string()),
        ("severity", pa.string()),
        ("success", pa.bool_()),
        ("observed_value", pa.string()),
        ("unexpected_count", pa.int64()),
        ("unexpected_sample", pa.string()),
        ("notes", pa.string()),
    ]
)


@dataclass(frozen=True)
class BatchCounts:
    """What publishing one batch did."""

    n_new: int
    n_updated: int


def new_run_id(now: dt.datetime | None = None) -> str:
    """A run id that sorts by start time: `20261124T112501Z-3fa2c1`."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def _execute(con: duckdb.DuckDBPyConnection, statement: str, params: dict[str, Any]) -> None:
    wanted = sqlfiles.parameters(statement)
    con.execute(statement, {k: v for k, v in params.items() if k in wanted} or None)


def _run_file(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> None:
    for statement in sqlfiles.statements(name):
        _execute(con, statement, params)


class Warehouse:
    """A read-write connection to the warehouse file, with the schema applied."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.con = duckdb.connect(str(path))
        _run_file(self.con, "schema")
        for view in sqlfiles.view_names():
            _run_file(self.con, f"views/{view}")

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (and release the file's write lock)."""
        self.con.close()

    def start_run(self, trigger: str) -> str:
        """Open a run in the ledger with status `running`; returns its id."""
        run_id = new_run_id()
        _run_file(
            self.con,
            "run_start",
            run_id=run_id,
            trigger=trigger,
            started_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            parser_version=PARSER_VERSION,
        )
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        """Close a run in the ledger with its status and counts."""
        _run_file(
            self.con,
            "run_finish",
            run_id=run_id,
            status=status,
            finished_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            **counts,
        )

    def known_documents(self, document_ids: Sequence[str]) -> set[str]:
        """The ids among `document_ids` already loaded by a run of the current parser."""
        if not document_ids:
            return set()
        rows = self.con.execute(
            sqlfiles.load("known_documents"),
            {"ids": list(document_ids), "parser_version": PARSER_VERSION},
        ).fetchall()
        return {row[0] for row in rows}

    def publish(self, run_id: str, staged: Path) -> tuple[BatchCounts, CheckResult]:
        """Merge a staged batch in one transaction: new and changed articles are (re)written
        with their child rows, unchanged ones left alone; documents and rejects appended.

        Before committing, `published_matches_parsed` checks that every parsed article landed;
        if it fails the transaction is rolled back and nothing is published.
        """
        staging.load(self.con, staged)
        self.con.begin()
        try:
            _run_file(self.con, "publish_batch", run_id=run_id)
            _run_file(self.con, "link_duplicates", run_id=run_id)
            n_new, n_updated = self.con.execute(sqlfiles.load("batch_counts")).fetchone() or (0, 0)
            verdict = staging.check(self.con, "published_matches_parsed")
            if verdict.success:
                self.con.commit()
            else:
                self.con.rollback()
        except BaseException:
            self.con.rollback()
            raise
        return BatchCounts(n_new=int(n_new), n_updated=int(n_updated)), verdict

    def record_results(self, run_id: str, batch_no: int, results: Sequence[CheckResult]) -> None:
        """Append a batch's data-quality results to `dq_results`, in one bulk insert."""
        rows = [
            {"run_id": run_id, "batch_no": batch_no, **dataclasses.asdict(result)}
            for result in results
        ]
        table = pa.Table.from_pylist(rows, schema=DQ_RESULTS_SCHEMA)
        self.con.register("batch_dq_results", table)
        try:
            _run_file(self.con, "record_dq_results")
        finally:
            self.con.unregister("batch_dq_results")


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that can reach nothing but the warehouse file."""
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}: run `bulletins ingest` first")
    return duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG)
