"""The DuckDB warehouse: schema, the run ledger, and publication of audited batches.

Only this module writes the warehouse. A staged batch (Parquet files, see staging.py) that
passed its audit is published in one transaction with `INSERT ... SELECT` from it, never a
row at a time; any failure rolls the whole batch back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import json
import logging
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from etl import config, sqlfiles
from etl.extract import PARSER_VERSION
from etl.load import staging
from etl.load.quality import CheckResult

log = logging.getLogger(__name__)

# Settings of read-only connections: the warehouse file and nothing else (no files, URLs,
# ATTACH or extension installs), and the settings cannot be changed back by a query.
READ_ONLY_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


def writer_config() -> dict[str, str | bool | int | float | list[str]]:
    """Settings of the writer's connection. DuckDB's allocator keeps memory that its queries
    freed; flushing it above a small threshold, from background threads, keeps a long run's
    memory flat from batch to batch instead of creeping up (docs/benchmarks.md)."""
    return {
        "memory_limit": config.duckdb_memory(),
        "allocator_flush_threshold": "32MB",
        "allocator_background_threads": True,
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


class WarehouseBusy(Exception):
    """Another process is writing the warehouse."""


@contextmanager
def writer_lock(path: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock (`<file>.lock`, an flock) for the block.

    Every writer takes it, so that two runs never interleave; waits up to `wait` seconds,
    then raises `WarehouseBusy` naming the holder.
    """
    lock_path = path.with_name(path.name + ".lock")
    handle = lock_path.open("a+")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise WarehouseBusy(
                        f"{path} is being written by {holder}; try again when it finishes"
                    ) from None
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S} UTC")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock


class Warehouse:
    """A read-write connection to the warehouse file, with the schema applied.

    Holds the writer lock while open. With `shadow=True` (a whole run), it writes a copy of
    the file (`<file>.next`) and `commit()` swaps the copy in with one atomic rename: a run
    killed at any point leaves the warehouse exactly as it was, and readers keep reading the
    published file while the run writes.
    """

    def __init__(self, path: Path, *, shadow: bool = False, wait: float = 0.0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.live_path = path
        self._lock = writer_lock(path, wait)
        self._lock.__enter__()
        self.shadow = shadow
        self.path = path.with_name(path.name + ".next") if shadow else path
        try:
            if shadow:
                _prepare_shadow(path, self.path)
            self.con = duckdb.connect(str(self.path), config=writer_config())
            _run_file(self.con, "schema")
            for view in sqlfiles.view_names():
                _run_file(self.con, f"views/{view}")
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        self._closed = False

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def commit(self) -> None:
        """Make a shadow run's writes the warehouse (atomic rename); no-op otherwise."""
        if not self.shadow or self._closed:
            return
        self.con.execute("checkpoint")
        self.con.close()
        self._closed = True
        with self.path.open("rb") as f:
            os.fsync(f.fileno())
        self.path.replace(self.live_path)
        directory = os.open(self.live_path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)

    def close(self) -> None:
        """Close the connection and release the writer lock; an uncommitted shadow copy is
        thrown away (the warehouse stays as it was)."""
        if not self._closed:
            self.con.close()
            self._closed = True
        if self.shadow:
            for leftover in (self.path, self.path.with_name(self.path.name + ".wal")):
                leftover.unlink(missing_ok=True)
        self._lock.__exit__(None, None, None)

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

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed if the block ends normally, else rolled back."""
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    def publish(
        self,
        run_id: str,
        staged: Path,
        *,
        with_it: Callable[[BatchCounts, CheckResult], None] | None = None,
    ) -> tuple[BatchCounts, CheckResult]:
        """Merge a staged batch in one transaction: new and changed articles are (re)written
        with their child rows, unchanged ones left alone; documents and rejects appended.

        Before committing, `published_matches_parsed` checks that every parsed article landed;
        if it fails the merge is rolled back and nothing is published. `with_it` makes more
        writes in the same transaction, after the merge or its rollback (the batch's checks
        and counters): they land with the batch, or not at all.
        """
        staging.load(self.con, staged)
        try:
            with self.transaction():
                _run_file(self.con, "publish_batch", run_id=run_id)
                _run_file(self.con, "link_duplicates", run_id=run_id)
                row = self.con.execute(sqlfiles.load("batch_counts")).fetchone()
                n_new, n_updated = row or (0, 0)
                counts = BatchCounts(n_new=int(n_new), n_updated=int(n_updated))
                verdict = staging.check(self.con, "published_matches_parsed")
                if not verdict.success:
                    self.con.rollback()
                    self.con.begin()
                    counts = BatchCounts(n_new=0, n_updated=0)
                if with_it is not None:
                    with_it(counts, verdict)
        finally:
            # The batch's in-memory copy is dropped at once, not kept until the next batch.
            self.con.execute("detach database if exists staging")
        return counts, verdict

    def batch_tally(self, run_id: str, batch_no: int) -> dict[str, Any] | None:
        """The counters recorded when an orchestrated run's batch was published, if it was."""
        row = self.con.execute(
            sqlfiles.load("run_batch_tally"), {"run_id": run_id, "batch_no": batch_no}
        ).fetchone()
        return json.loads(row[0]) if row else None

    def record_batch(self, run_id: str, batch_no: int, tally: dict[str, Any]) -> None:
        """Record an orchestrated run's batch as published with its counters."""
        _run_file(
            self.con,
            "run_batch_record",
            run_id=run_id,
            batch_no=batch_no,
            tally=json.dumps(tally, sort_keys=True),
            published_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )

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


def _prepare_shadow(live: Path, shadow: Path) -> None:
    """Copy the published warehouse to the shadow path (after replaying any WAL left by a
    writer that died, so that the copy holds everything committed)."""
    for leftover in (shadow, shadow.with_name(shadow.name + ".wal")):
        leftover.unlink(missing_ok=True)
    if not live.exists():
        return
    if live.with_name(live.name + ".wal").exists():
        duckdb.connect(str(live)).close()  # replays and checkpoints the WAL
    shutil.copyfile(live, shadow)
