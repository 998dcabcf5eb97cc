"""The ingest run: parse documents and publish them batch by batch, with a run ledger.

Sources (local files here; later the crawler, WARC files and the landing zone) only yield
`RawDocument`s, or `Unreadable`s for inputs that could not be read; everything after that
is the same for all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from etl.errors import Rejected
from etl.model import RawDocument, Unreadable
from etl.normalize import Batch
from etl.parse import parse_document
from etl.sources import iter_documents, iter_paths
from etl.warehouse import Warehouse

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 200
Progress = Callable[[int, int | None], None]  # (documents done, documents in all if known)
T = TypeVar("T")


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
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (uri, stage, reason)

    def counts(self) -> dict[str, int]:
        """The ledger's counters."""
        return {
            "n_seen": self.n_seen,
            "n_new": self.n_new,
            "n_updated": self.n_updated,
            "n_unchanged": self.n_unchanged,
            "n_rejected": self.n_rejected,
        }

    def line(self) -> str:
        """One line for people: `run X succeeded: seen 15, new 10, ...`."""
        return (
            f"run {self.run_id} {self.status}: seen {self.n_seen}, new {self.n_new}, "
            f"updated {self.n_updated}, unchanged {self.n_unchanged}, "
            f"rejected {self.n_rejected}"
        )


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def stage_document(item: RawDocument | Unreadable, batch: Batch) -> None:
    """Parse one document into the batch; a bad one becomes a reject, never an error."""
    if isinstance(item, Unreadable):
        batch.add_reject(item.uri, item.stage, item.reason)
        return
    doc_id = batch.add_document(item)
    try:
        bulletin = parse_document(item)
    except Rejected as rejected:
        batch.add_reject(item.uri, rejected.stage, rejected.reason, doc_id)
    except Exception as exc:  # one bad document must never end the run
        log.exception("unexpected failure parsing %s", item.uri)
        batch.add_reject(item.uri, "parse", f"internal error: {type(exc).__name__}: {exc}", doc_id)
    else:
        batch.add_bulletin(bulletin, doc_id)


def ingest_documents(
    documents: Iterable[RawDocument | Unreadable],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    total: int | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Parse and publish documents into the warehouse at `db`, `batch_size` at a time.

    Each batch is published in its own transaction; the run is recorded in `ingest_runs`,
    each rejected document in `rejects` with its reason. Documents are consumed lazily, so
    memory holds one batch at a time.
    """
    with Warehouse(db) as warehouse:
        summary = RunSummary(run_id=warehouse.start_run(trigger))
        log.info("run %s: ingesting into %s", summary.run_id, db)
        done = 0
        try:
            for chunk in _chunks(documents, batch_size):
                batch = Batch()
                for item in chunk:
                    stage_document(item, batch)
                    done += 1
                    if progress:
                        progress(done, total)
                counts = warehouse.publish(summary.run_id, batch)
                n_parsed = len(batch.articles) + batch.n_duplicates
                summary.n_seen += len(chunk)
                summary.n_new += counts.n_new
                summary.n_updated += counts.n_updated
                summary.n_unchanged += n_parsed - counts.n_new - counts.n_updated
                summary.n_rejected += len(batch.rejects)
                summary.rejects.extend((r["uri"], r["stage"], r["reason"]) for r in batch.rejects)
        except BaseException:
            summary.status = "failed"
            warehouse.finish_run(summary.run_id, summary.status, summary.counts())
            raise
        summary.status = "succeeded"
        warehouse.finish_run(summary.run_id, summary.status, summary.counts())
    return summary


def ingest(
    paths: Iterable[str | Path],
    db: Path,
    *,
    trigger: str = "cli",
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest files and directories (walked recursively) into the warehouse at `db`."""
    paths = list(paths)
    total = sum(1 for _ in iter_paths(paths))
    return ingest_documents(
        iter_documents(paths),
        db,
        trigger=trigger,
        batch_size=batch_size,
        total=total,
        progress=progress,
    )
