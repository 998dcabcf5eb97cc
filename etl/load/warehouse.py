"""The DuckDB warehouse: schema, the run ledger, and publication of audited batches.

Only this module writes the warehouse. A staged batch (Parquet files, see staging.py) that
passed its audit is published in one transaction with `INSERT ... SELECT` from it, never a
row at a time; any failure rolls the whole batch back.

DuckDB lets one process write a file and no process read it meanwhile. So a writer holds the
file only while it publishes a batch (a second or so), and readers that meet it wait: a run
costs what its batches change, never a copy of the warehouse, and analysts keep reading
between its batches.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from etl import config, sqlfiles
from etl.enrich.derive import enrichment_version
from etl.extract import PARSER_VERSION
from etl.load import fts, migrations, staging
from etl.load.quality import CheckResult
from etl.load.schema import arrow_schema

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


DQ_RESULTS_SCHEMA = arrow_schema("dq_results")


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


# How long a writer waits for readers (a notebook, an export, `bulletins sql`) to close the
# file before it gives up: an export of a million bulletins reads for about a minute.
READERS_WAIT = 300.0


class WarehouseBusy(Exception):
    """Another process is writing the warehouse."""


class NotAWarehouse(Exception):
    """The file named as the warehouse is not a DuckDB database."""


# DuckDB's files carry "DUCK" at byte 8 (after the checksum of the first block).
_MAGIC_OFFSET, _MAGIC = 8, b"DUCK"


def check_warehouse_file(path: Path) -> None:
    """Raise `NotAWarehouse` when `path` is a file that is not a DuckDB database (an empty
    file or a missing one is fine: it becomes a new warehouse)."""
    if path.exists() and not path.is_file():
        raise NotAWarehouse(f"{path} is not a file")
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        head = handle.read(_MAGIC_OFFSET + len(_MAGIC))
    if head[_MAGIC_OFFSET:] != _MAGIC:
        raise NotAWarehouse(f"{path} is not a DuckDB database")


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def _connect_waiting(
    connect: Callable[[], duckdb.DuckDBPyConnection], path: Path, wait: float
) -> duckdb.DuckDBPyConnection:
    """`connect()`, retried while another process has the file open (a writer that a reader
    meets, or readers that a writer meets), for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    pause = 0.1
    while True:
        try:
            return connect()
        except duckdb.Error as exc:
            if not _is_lock_conflict(exc) or time.monotonic() + pause > deadline:
                if _is_lock_conflict(exc):
                    raise WarehouseBusy(
                        f"{path} is held by another process (a run publishing, or a "
                        f"reader such as a notebook); waited {wait:g} s"
                    ) from None
                raise
            log.debug("%s is held by another process; waiting %.1f s", path, pause)
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


@contextmanager
def writer_lock(path: Path, wait: float = 0.0, *, name: str = "lock") -> Iterator[None]:
    """Hold one of the warehouse's locks (`<file>.<name>`, an flock) for the block, waiting
    up to `wait` seconds, then raising `WarehouseBusy` naming the holder.

    `lock` is taken by every writer while it publishes; `run` by a command-line run for its
    whole length, so that two runs never interleave.
    """
    lock_path = path.with_name(f"{path.name}.{name}")
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
    """A read-write connection to the warehouse file, brought to the latest schema.

    Holds the writer lock while open; open it for as short a time as the work needs (one
    batch's publication), since no reader can open the file meanwhile. Waits up to `wait`
    seconds for another writer, and up to `READERS_WAIT` (or `wait`, if longer) for readers
    to let go of the file.
    """

    def __init__(self, path: Path, *, wait: float = 0.0) -> None:
        check_warehouse_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = writer_lock(path, wait)
        self._lock.__enter__()
        try:
            self.con = _connect_waiting(
                lambda: duckdb.connect(str(path), config=writer_config()),
                path,
                max(wait, READERS_WAIT),
            )
            try:
                migrations.migrate(self.con)
                for view in sqlfiles.view_names():
                    _run_file(self.con, f"views/{view}")
            except BaseException:
                self.con.close()
                raise
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

    def close(self) -> None:
        """Close the connection (committed work is on disk) and release the writer lock."""
        if not self._closed:
            self.con.close()
            self._closed = True
            self._lock.__exit__(None, None, None)

    def start_run(
        self, trigger: str, run_id: str | None = None, *, started_at: dt.datetime | None = None
    ) -> str:
        """Open a run in the ledger with status `running` (unless it is open already);
        returns its id (a new one unless given)."""
        run_id = run_id or new_run_id()
        (exists,) = self.con.execute(
            sqlfiles.load("lookups/run_exists"), {"run_id": run_id}
        ).fetchone() or (0,)
        if not exists:
            _run_file(
                self.con,
                "run_start",
                run_id=run_id,
                trigger=trigger,
                started_at=started_at or dt.datetime.now(dt.UTC).replace(tzinfo=None),
                parser_version=PARSER_VERSION,
            )
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, Any]) -> None:
        """Close a run in the ledger with its status and counts."""
        _run_file(
            self.con,
            "run_finish",
            run_id=run_id,
            status=status,
            finished_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            **counts,
        )

    def close_interrupted_runs(self, triggers: Sequence[str], current: str) -> list[str]:
        """Mark `failed` the runs of these triggers still `running` in the ledger, but the
        `current` one (they were killed before they ended: the caller knows none of them
        runs), with the counters their published batches recorded; returns their ids."""
        rows = self.con.execute(
            sqlfiles.load("lookups/interrupted_runs"),
            {"triggers": list(triggers), "current": current},
        ).fetchall()
        for run_id, tallies in rows:
            counts = sum_tallies(json.loads(t) for t in tallies)
            self.finish_run(run_id, "failed", counts)
        return [str(row[0]) for row in rows]

    def known_documents(self, document_ids: Sequence[str]) -> set[str]:
        """The ids among `document_ids` already loaded by a run of the current parser."""
        return known_documents(self.con, document_ids)

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

    def batch_tally(self, run_id: str, batch_key: str) -> dict[str, Any] | None:
        """The counters recorded when a run's batch was published or held back, if it was."""
        row = self.con.execute(
            sqlfiles.load("run_batch_tally"), {"run_id": run_id, "batch_key": batch_key}
        ).fetchone()
        return json.loads(row[0]) if row else None

    def record_batch(
        self, run_id: str, batch_key: str, batch_no: int, tally: dict[str, Any]
    ) -> None:
        """Record a run's batch as published (or held back) with its counters."""
        _run_file(
            self.con,
            "run_batch_record",
            run_id=run_id,
            batch_key=batch_key,
            batch_no=batch_no,
            tally=json.dumps(tally, sort_keys=True),
            published_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )

    def record_results(self, run_id: str, batch_no: int, results: Sequence[CheckResult]) -> None:
        """Append a batch's data-quality results to `dq_results`, in one bulk insert."""
        rows = [{"run_id": run_id, "batch_no": batch_no, **result.row()} for result in results]
        table = pa.Table.from_pylist(rows, schema=DQ_RESULTS_SCHEMA)
        self.con.register("batch_dq_results", table)
        try:
            _run_file(self.con, "record_dq_results")
        finally:
            self.con.unregister("batch_dq_results")


# The counters a run adds up from its batches (a batch's tally holds these and its failed
# checks); `ingest_runs` has one column each.
COUNTERS = (
    "n_seen",
    "n_new",
    "n_updated",
    "n_unchanged",
    "n_rejected",
    "n_quarantined",
    "n_checks",
    "n_checks_failed",
    "n_warnings",
)


def sum_tallies(tallies: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The ledger's columns for a run made of these batches' tallies."""
    counts: dict[str, Any] = dict.fromkeys(COUNTERS, 0)
    failed: list[str] = []
    for tally in tallies:
        for name in COUNTERS:
            counts[name] += int(tally.get(name, 0))
        failed.extend(c for c in tally.get("failed_checks", []) if c not in failed)
    counts["failed_checks"] = ", ".join(failed) or None
    return counts


def bring_up_to_date(path: Path, *, wait: float = 0.0) -> None:
    """Apply the migrations a warehouse lacks (opening it for writing only then), so that
    the read-only lookups a run makes before it publishes see today's tables."""
    if not path.is_file():
        return
    check_warehouse_file(path)
    con = _connect_waiting(
        lambda: duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG), path, wait
    )
    try:
        current = migrations.applied_versions(con) >= {m.version for m in migrations.migrations()}
    finally:
        con.close()
    if not current:
        Warehouse(path, wait=wait).close()


def known_documents(con: duckdb.DuckDBPyConnection, document_ids: Sequence[str]) -> set[str]:
    """The ids among `document_ids` that the warehouse on `con` holds as the current parser
    and enrichment rules would make them: their documents need not be parsed again."""
    if not document_ids:
        return set()
    rows = con.execute(
        sqlfiles.load("known_documents"),
        {
            "ids": list(document_ids),
            "parser_version": PARSER_VERSION,
            "enrichment_version": enrichment_version(),
        },
    ).fetchall()
    return {str(row[0]) for row in rows}


def connect_read_only(path: Path, *, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection that can reach nothing but the warehouse file, and search it;
    waits up to `wait` seconds while a run publishes a batch.

    No files, URLs, ATTACH or extension installs, and the configuration locked: applied
    right after the fts extension is loaded (`etl.load.fts`), since DuckDB refuses to load
    an extension file once external access is off. DuckDB shares one database instance
    between a process's connections to a file: a second one joins the first, locked."""
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}: run `bulletins ingest` first")
    check_warehouse_file(path)
    unlocked = {
        name: value
        for name, value in READ_ONLY_CONFIG.items()
        if name not in ("enable_external_access", "lock_configuration")
    }
    con = _connect_waiting(
        lambda: duckdb.connect(str(path), read_only=True, config=unlocked), path, wait
    )
    try:
        if fts.is_locked(con):
            fts.require_fts(con)
            return con
        fts.load_fts(con)
        for name, value in READ_ONLY_CONFIG.items():
            if name != "lock_configuration":
                con.execute(f"set {name} = {fts.sql_literal(value)}")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con
