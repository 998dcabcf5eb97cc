"""The ingest run: parse documents and publish them batch by batch, with a run ledger.

Sources (local files here; later the crawler, WARC files and the landing zone) only yield
`RawDocument`s, or `Unreadable`s for inputs that could not be read; everything after that
is the same for all of them.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import count, islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from etl import config
from etl.analysis.search import refresh_search_index
from etl.errors import Rejected
from etl.extract.parse import parse_document
from etl.load import staging
from etl.load.quality import CheckResult, Validator
from etl.load.rows import ArticleRows, Batch, article_rows, document_id, document_row
from etl.load.warehouse import Warehouse
from etl.model import RawDocument, Unreadable
from etl.sources.files import iter_documents, iter_paths
from etl.sources.warc import is_warc

log = logging.getLogger(__name__)

# A batch of 500 pages is about 70 MB of raw HTML and as much again of rows and DataFrames
# while it is audited; the fixed cost of validating and publishing it (about half a second)
# comes to 1 ms a bulletin. 1,000 was 200 MiB more at the peak (docs/benchmarks.md).
DEFAULT_BATCH_SIZE = 500
# A batch in which more than this share of the inputs was rejected is held back: most
# likely a site changed its theme, or the wrong directory was given.
DEFAULT_MAX_REJECT_SHARE = 0.5
Progress = Callable[[int, int | None], None]  # (documents done, documents in all if known)
T = TypeVar("T")


@contextmanager
def _timed(summary: RunSummary, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.seconds[stage] = summary.seconds.get(stage, 0.0) + time.perf_counter() - started


@dataclass
class RunSummary:
    """What a run did, as recorded in `ingest_runs`."""

    run_id: str
    status: str = "running"
    n_seen: int = 0
    n_new: int = 0
    n_updated: int = 0
    n_unchanged: int = 0
    n_rejected: int = 0
    n_quarantined: int = 0
    n_checks: int = 0
    n_checks_failed: int = 0
    n_warnings: int = 0
    failed_checks: list[str] = field(default_factory=list)
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (uri, stage, reason)
    docs_path: Path | None = None
    # Wall-clock seconds per stage: read, parse, stage, validate, search, publish, docs.
    seconds: dict[str, float] = field(default_factory=dict)

    def ledger(self) -> dict[str, Any]:
        """The ledger's columns for this run."""
        return {
            "n_seen": self.n_seen,
            "n_new": self.n_new,
            "n_updated": self.n_updated,
            "n_unchanged": self.n_unchanged,
            "n_rejected": self.n_rejected,
            "n_quarantined": self.n_quarantined,
            "n_checks": self.n_checks,
            "n_checks_failed": self.n_checks_failed,
            "n_warnings": self.n_warnings,
            "failed_checks": ", ".join(self.failed_checks) or None,
        }

    def line(self) -> str:
        """One line for people: `run X succeeded: seen 15, new 10, ...`."""
        text = (
            f"run {self.run_id} {self.status}: seen {self.n_seen}, new {self.n_new}, "
            f"updated {self.n_updated}, unchanged {self.n_unchanged}, "
            f"rejected {self.n_rejected}"
        )
        if self.n_checks:
            text += f"; checks {self.n_checks}, warnings {self.n_warnings}"
        if self.status == "blocked":
            text += f"; {self.n_quarantined} documents quarantined, failed: " + ", ".join(
                self.failed_checks
            )
        return text


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
        del chunk  # not alive while the next chunk is read


@dataclass(frozen=True)
class Parsed:
    """What parsing one document gave: its `documents` row, and its article's rows or the
    reason it was rejected. Picklable, so that worker processes can return it."""

    uri: str
    document: dict[str, Any]
    article: tuple[str, ArticleRows] | None = None
    reject: tuple[str, str] | None = None  # (stage, reason)


def parse_one(item: RawDocument) -> Parsed:
    """Parse one document into rows; a bad one becomes a reject, never an error."""
    row = document_row(item)
    try:
        bulletin = parse_document(item)
        return Parsed(item.uri, row, article=article_rows(bulletin, row["document_id"]))
    except Rejected as rejected:
        return Parsed(item.uri, row, reject=(rejected.stage, rejected.reason))
    except Exception as exc:  # one bad document must never end the run
        log.exception("unexpected failure parsing %s", item.uri)
        return Parsed(
            item.uri, row, reject=("parse", f"internal error: {type(exc).__name__}: {exc}")
        )


def add_parsed(batch: Batch, parsed: Parsed) -> None:
    """Put a parsed document's rows into the batch."""
    doc_id = str(parsed.document["document_id"])
    batch.documents.append(parsed.document)
    if parsed.article is not None:
        batch.add_rows(*parsed.article)
    elif parsed.reject is not None:
        batch.add_reject(parsed.uri, *parsed.reject, doc_id)


def stage_document(item: RawDocument | Unreadable, batch: Batch) -> None:
    """Parse one document into the batch (in this process)."""
    if isinstance(item, Unreadable):
        batch.add_reject(item.uri, item.stage, item.reason)
    else:
        add_parsed(batch, parse_one(item))


@dataclass
class _Submitted:
    """A chunk handed to the parsers: its batch so far (unreadable inputs, skipped documents)
    and its parse results, which a pool computes in the background."""

    batch: Batch
    n_inputs: int
    n_parsing: int
    results: Iterator[Parsed]

    def collect(self) -> Batch:
        """Wait for the chunk's parse results and put them into its batch."""
        for parsed in self.results:
            add_parsed(self.batch, parsed)
        self.results = iter(())
        return self.batch


def _submit(
    chunk: list[RawDocument | Unreadable],
    warehouse: Warehouse,
    pool: Executor | None,
    skip_known: bool,
) -> _Submitted:
    """Hand a chunk to the parsers (the pool's worker processes, else this process when
    collected), passing over documents the warehouse already holds unchanged."""
    batch = Batch()
    readable = [item for item in chunk if isinstance(item, RawDocument)]
    for item in chunk:
        if isinstance(item, Unreadable):
            batch.add_reject(item.uri, item.stage, item.reason)
    if skip_known:
        ids = [document_id(d, hashlib.sha256(d.data).hexdigest()) for d in readable]
        known = warehouse.known_documents(ids)
        batch.n_skipped = sum(1 for i in ids if i in known)
        readable = [d for d, i in zip(readable, ids, strict=True) if i not in known]
    # Executor.map submits every document at once; the workers start on them right away.
    results = pool.map(parse_one, readable, chunksize=8) if pool else map(parse_one, readable)
    return _Submitted(batch, len(chunk), len(readable), iter(results))


def _submitted(
    chunks: Iterator[list[RawDocument | Unreadable]],
    submit: Callable[[list[RawDocument | Unreadable]], _Submitted],
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


def _audit_and_publish(
    warehouse: Warehouse,
    validator: Validator | None,
    batch: Batch,
    batch_no: int,
    summary: RunSummary,
    max_reject_share: float,
) -> None:
    """Stage the batch, audit it, then publish it or quarantine it."""
    with _timed(summary, "stage"):
        directory = staging.write_batch(batch, staging.batch_dir(summary.run_id, batch_no))
    results: list[CheckResult] = []
    if validator is not None:
        with _timed(summary, "validate"), staging.open_staged(directory) as con:
            results = staging.audit(
                con,
                validator,
                run_name=f"{summary.run_id}-{batch_no}",
                max_reject_share=max_reject_share,
            )
    n_parsed = batch.n_parsed
    if not any(result.blocks for result in results):
        with _timed(summary, "publish"):
            counts, published = warehouse.publish(summary.run_id, directory)
        results.append(published)
        if published.success:
            summary.n_new += counts.n_new
            summary.n_updated += counts.n_updated
            summary.n_unchanged += n_parsed - counts.n_new - counts.n_updated
            summary.n_rejected += len(batch.rejects)
            summary.rejects.extend((r["uri"], r["stage"], r["reason"]) for r in batch.rejects)
    failed = [result.label for result in results if result.blocks]
    if failed:
        where = staging.quarantine(directory, summary.run_id)
        summary.n_quarantined += len(batch.documents) + sum(
            1 for r in batch.rejects if r["document_id"] is None
        )
        summary.failed_checks.extend(f for f in failed if f not in summary.failed_checks)
        log.warning(
            "run %s batch %d blocked by %s; kept in %s",
            summary.run_id,
            batch_no,
            ", ".join(failed),
            where,
        )
    else:
        staging.discard(directory)
    if results:
        warehouse.record_results(summary.run_id, batch_no, results)
    summary.n_checks += len(results)
    summary.n_checks_failed += sum(1 for result in results if not result.success)
    summary.n_warnings += sum(
        1 for result in results if result.severity == "warning" and not result.success
    )


def _validator(summary: RunSummary) -> Validator:
    """The run's validator (importing great_expectations takes seconds: once a run)."""
    summary.docs_path = (config.home() / "dq" / summary.run_id).resolve()
    with _timed(summary, "validate"):
        return Validator(summary.docs_path)


def ingest_documents(
    documents: Iterable[RawDocument | Unreadable],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    total: int | None = None,
    progress: Progress | None = None,
    validate: bool = True,
    max_reject_share: float = DEFAULT_MAX_REJECT_SHARE,
    workers: int = 1,
    skip_known: bool = True,
    wait: float = 0.0,
) -> RunSummary:
    """Parse, audit and publish documents into the warehouse at `db`, a batch at a time.

    Each batch is written to staging, validated with the data-quality suites, and published
    in its own transaction only if no critical expectation failed; a blocked batch is
    quarantined and the run ends with status `blocked` (the other batches still publish).
    The run is recorded in `ingest_runs`, each rejected document in `rejects`, each check in
    `dq_results`. Documents are consumed lazily: memory holds one batch at a time.

    `workers` > 1 parses in that many processes. With `skip_known`, documents already loaded
    unchanged by the current parser are counted as unchanged without being parsed again.

    The run writes a shadow copy of the warehouse and swaps it in at the end: killed at any
    point, it leaves the warehouse as it was; readers see the published file meanwhile. A
    second run waits up to `wait` seconds for the first, then raises `WarehouseBusy`.
    """
    with (
        Warehouse(db, shadow=True, wait=wait) as warehouse,
        ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
        if workers > 1
        else nullcontext() as pool,
    ):
        summary = RunSummary(run_id=warehouse.start_run(trigger))
        log.info("run %s: ingesting into %s", summary.run_id, db)
        validator: Validator | None = None
        done = 0
        try:
            submitted = _submitted(
                _chunks(documents, batch_size),
                lambda chunk: _submit(chunk, warehouse, pool, skip_known),
                ahead=1 if pool else 0,
            )
            for batch_no in count(1):
                with _timed(summary, "read"):
                    pending = next(submitted, None)
                if pending is None:
                    break
                if validate and validator is None and pool is not None and pending.n_parsing:
                    # Import great_expectations while the workers parse the first batch.
                    validator = _validator(summary)
                with _timed(summary, "parse"):
                    batch = pending.collect()
                done += pending.n_inputs
                if progress:
                    progress(done, total)
                summary.n_seen += pending.n_inputs
                summary.n_unchanged += batch.n_skipped
                if batch.documents or batch.rejects:  # else all are in the warehouse already
                    if validate and validator is None:
                        validator = _validator(summary)
                    _audit_and_publish(
                        warehouse, validator, batch, batch_no, summary, max_reject_share
                    )
                del pending, batch  # not alive while the next batch is read and parsed
            if validator is not None:
                with _timed(summary, "docs"):
                    summary.docs_path = validator.build_docs()
        except BaseException:
            if pool is not None:  # the parsing of batches ahead is not waited for
                pool.shutdown(wait=False, cancel_futures=True)
            # The shadow copy is thrown away: the warehouse stays as it was before the run.
            summary.status = "failed"
            log.error("run %s failed; the warehouse is left as it was before it", summary.run_id)
            raise
        summary.status = "blocked" if summary.failed_checks else "succeeded"
        with _timed(summary, "search"):
            # In the shadow copy: the run's bulletins become searchable when it is published.
            refresh_search_index(warehouse.con)
        with _timed(summary, "publish"):
            warehouse.finish_run(summary.run_id, summary.status, summary.ledger())
            warehouse.commit()
    return summary


def ingest(
    paths: Iterable[str | Path],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    validate: bool = True,
    max_reject_share: float = DEFAULT_MAX_REJECT_SHARE,
    workers: int = 1,
    wait: float = 0.0,
) -> RunSummary:
    """Ingest files and directories (walked recursively) into the warehouse at `db`."""
    paths = list(paths)
    files = list(iter_paths(paths))
    # A WARC file holds an unknown number of pages: then the total is unknown.
    total = None if any(is_warc(path) for path in files) else len(files)
    return ingest_documents(
        iter_documents(paths),
        db,
        trigger=trigger,
        batch_size=batch_size,
        total=total,
        progress=progress,
        validate=validate,
        max_reject_share=max_reject_share,
        workers=workers,
        wait=wait,
    )
