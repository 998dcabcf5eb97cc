"""A run in one process: documents through the batch engine, a batch at a time.

Sources (files and directories, WARC files, the crawler, the landing zone) only yield
`RawDocument`s, or `Unreadable`s for inputs that could not be read; everything after that
is `etl.runs.engine`, the same steps the Airflow DAGs run as tasks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from itertools import count, islice
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from etl import config
from etl.load.quality import Validator
from etl.load.rows import document_id
from etl.load.warehouse import (
    Warehouse,
    bring_up_to_date,
    check_warehouse_file,
    connect_read_only,
    known_documents,
    new_run_id,
    writer_lock,
)
from etl.model import RawDocument, Unreadable
from etl.runs.engine import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_REJECT_SHARE,
    Parsed,
    RunSummary,
    StoredArticle,
    Tally,
    audit,
    parse_one,
    publish,
    stage,
)
from etl.sources.files import iter_documents, iter_paths
from etl.sources.warc import ReadTally, is_warc

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]  # (documents done, documents in all if known)
# The triggers of the runs this module makes: a run of one of them still `running` in the
# ledger when another starts was killed (they never run two at a time).
PROCESS_TRIGGERS = ("cli", "crawl", "reprocess")
T = TypeVar("T")


@contextmanager
def _timed(summary: RunSummary, stage_name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.seconds[stage_name] = (
            summary.seconds.get(stage_name, 0.0) + time.perf_counter() - started
        )


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
        del chunk  # not alive while the next chunk is read


@dataclass
class _Submitted:
    """A chunk handed to the parsers: its unreadable inputs, how many it skipped as loaded
    already, and its parse results, which a pool computes in the background."""

    n_inputs: int
    n_skipped: int
    unreadable: list[Unreadable]
    results: Iterator[Parsed]

    def collect(self) -> list[Parsed | Unreadable]:
        """Wait for the chunk's parse results."""
        items: list[Parsed | Unreadable] = [*self.unreadable, *self.results]
        self.results = iter(())
        return items


def _known(db: Path, ids: list[str]) -> set[str]:
    if not ids or not db.is_file():
        return set()
    con = connect_read_only(db)
    try:
        return known_documents(con, ids)
    finally:
        con.close()


Input = RawDocument | StoredArticle | Unreadable


def _submit(chunk: list[Input], db: Path, pool: Executor | None, skip_known: bool) -> _Submitted:
    """Hand a chunk to the parsers (the pool's worker processes, else this process when
    collected), passing over documents the warehouse already holds unchanged."""
    readable = [item for item in chunk if not isinstance(item, Unreadable)]
    unreadable = [item for item in chunk if isinstance(item, Unreadable)]
    n_skipped = 0
    if skip_known:
        ids = [
            document_id(d, hashlib.sha256(d.data).hexdigest())
            if isinstance(d, RawDocument)
            else str(d.document["document_id"])
            for d in readable
        ]
        known = _known(db, ids)
        n_skipped = sum(1 for i in ids if i in known)
        readable = [d for d, i in zip(readable, ids, strict=True) if i not in known]
    # Executor.map submits every document at once; the workers start on them right away.
    results = pool.map(parse_one, readable, chunksize=8) if pool else map(parse_one, readable)
    return _Submitted(len(chunk), n_skipped, unreadable, iter(results))


def _submitted(
    chunks: Iterator[list[Input]],
    submit: Callable[[list[Input]], _Submitted],
    ahead: int,
) -> Iterator[_Submitted]:
    """Submit chunks, keeping `ahead` chunks submitted beyond the one being published: with
    worker processes, they parse batch n+1 while this process validates and publishes batch
    n. Without them, `ahead` is 0 and one batch is alive at a time."""
    queue: deque[_Submitted] = deque()
    for chunk in chunks:
        queue.append(submit(chunk))
        del chunk
        if len(queue) > ahead:
            yield queue.popleft()
    while queue:
        yield queue.popleft()


def _close_interrupted(warehouse: Warehouse, current: str) -> None:
    """Runs of this kind still `running` were killed: none runs beside this one."""
    for run_id in warehouse.close_interrupted_runs(PROCESS_TRIGGERS, current):
        log.warning("run %s was interrupted; recorded as failed", run_id)


def ingest_documents(
    documents: Iterable[Input],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    total: int | None = None,
    progress: Progress | None = None,
    max_reject_share: float = DEFAULT_MAX_REJECT_SHARE,
    workers: int = 1,
    skip_known: bool = True,
    wait: float = 0.0,
    on_published: Callable[[list[str]], None] | None = None,
) -> RunSummary:
    """Parse, audit and publish documents into the warehouse at `db`, a batch at a time,
    through the batch engine (`etl.runs.engine`).

    Each batch is staged, validated, and published in its own transaction: an article that
    fails an expectation about single rows is held back as a reject, a batch that fails a
    check about the whole batch is quarantined and the run ends `blocked` (the other
    batches still publish). The run is recorded in `ingest_runs`, each batch in
    `run_batches`, each check in `dq_results`. Documents are consumed lazily: memory holds
    one batch at a time. `on_published` is told the pages (URLs, else URIs) of each batch
    that was published.

    `workers` > 1 parses in that many processes. With `skip_known`, documents already loaded
    unchanged by the current parser are counted as unchanged without being parsed again.

    Killed at any point, the run leaves the warehouse with the batches it published, each
    whole; the next run takes up the rest and records this one as failed. A run that finds
    nothing new writes only its ledger row. One run at a time: a second one waits up to
    `wait` seconds, then raises `WarehouseBusy`; readers read between batches.
    """
    check_warehouse_file(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with (
        writer_lock(db, wait, name="run"),
        ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
        if workers > 1
        else nullcontext() as pool,
    ):
        bring_up_to_date(db, wait=wait)
        started_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        summary = RunSummary(run_id=new_run_id())
        run_dir = (config.home() / "staging" / summary.run_id).resolve()
        log.info("run %s: ingesting into %s", summary.run_id, db)
        validator: Validator | None = None
        done = 0
        try:
            submitted = _submitted(
                _chunks(documents, batch_size),
                lambda chunk: _submit(chunk, db, pool, skip_known),
                ahead=1 if pool else 0,
            )
            for batch_no in count(1):
                with _timed(summary, "read"):
                    pending = next(submitted, None)
                if pending is None:
                    break
                n_parsing = pending.n_inputs - pending.n_skipped - len(pending.unreadable)
                if validator is None and pool is not None and n_parsing:
                    # Import great_expectations while the workers parse the first batch.
                    validator = _validator(summary)
                with _timed(summary, "parse"):
                    items = pending.collect()
                done += pending.n_inputs
                if progress:
                    progress(done, total)
                if not items:  # every document is in the warehouse already
                    n = pending.n_skipped
                    summary.add(Tally(n_seen=n, n_unchanged=n))
                    continue
                if validator is None:
                    validator = _validator(summary)
                directory = run_dir / f"batch-{batch_no:05d}"
                with _timed(summary, "stage"):
                    stage(
                        items,
                        directory,
                        run_id=summary.run_id,
                        batch_no=batch_no,
                        n_skipped=pending.n_skipped,
                    )
                del pending, items  # not alive while the batch is audited and published
                with _timed(summary, "validate"):
                    audit(directory, validator, max_reject_share=max_reject_share)
                with _timed(summary, "publish"):
                    published = publish(
                        directory,
                        db,
                        trigger=trigger,
                        started_at=started_at,
                        wait=wait,
                        on_open=lambda w: _close_interrupted(w, summary.run_id),
                    )
                summary.add(published.tally)
                summary.rejects.extend(published.rejects)
                if on_published is not None and published.loaded:
                    on_published(published.loaded)
            if validator is not None:
                with _timed(summary, "docs"):
                    summary.docs_path = validator.build_docs()
        except BaseException:
            if pool is not None:  # the parsing of batches ahead is not waited for
                pool.shutdown(wait=False, cancel_futures=True)
            summary.status = "failed"
            log.error(
                "run %s failed; the batches it published stay, the rest is for the next run",
                summary.run_id,
            )
            _finish(db, summary, trigger, started_at, wait)
            raise
        finally:
            _discard_staged(run_dir)
        summary.status = "blocked" if summary.failed_checks else "succeeded"
        with _timed(summary, "publish"):
            _finish(db, summary, trigger, started_at, wait)
    return summary


def _finish(
    db: Path, summary: RunSummary, trigger: str, started_at: dt.datetime, wait: float
) -> None:
    """Close the run in the ledger (opening it first when no batch did)."""
    try:
        with Warehouse(db, wait=wait) as warehouse:
            _close_interrupted(warehouse, summary.run_id)
            with warehouse.transaction():
                warehouse.start_run(trigger, summary.run_id, started_at=started_at)
                warehouse.finish_run(summary.run_id, summary.status, summary.ledger())
    except Exception:
        if summary.status != "failed":
            raise
        log.exception("run %s: could not record its failure", summary.run_id)


def _discard_staged(run_dir: Path) -> None:
    """Remove what is left of the run's staging directory: a batch whose publication failed
    (the next run parses its documents again)."""
    shutil.rmtree(run_dir, ignore_errors=True)


def _validator(summary: RunSummary) -> Validator:
    """The run's validator (importing great_expectations takes seconds: once a run)."""
    summary.docs_path = (config.home() / "dq" / summary.run_id).resolve()
    with _timed(summary, "validate"):
        return Validator(summary.docs_path)


def ingest(
    paths: Iterable[str | Path],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    max_reject_share: float = DEFAULT_MAX_REJECT_SHARE,
    workers: int = 1,
    wait: float = 0.0,
) -> RunSummary:
    """Ingest files and directories (walked recursively) into the warehouse at `db`. The
    records of WARC and WET files passed over (other hosts, other record types) are counted
    in the summary's `archives`, not as seen."""
    paths = list(paths)
    files = list(iter_paths(paths))
    # A WARC file holds an unknown number of pages: then the total is unknown.
    total = None if any(is_warc(path) for path in files) else len(files)
    archives = ReadTally()
    summary = ingest_documents(
        iter_documents(paths, archives),
        db,
        trigger=trigger,
        batch_size=batch_size,
        total=total,
        progress=progress,
        max_reject_share=max_reject_share,
        workers=workers,
        wait=wait,
    )
    summary.archives = archives
    return summary
