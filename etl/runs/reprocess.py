"""Rebuild the warehouse from the raw landing zone: no network, the current parser.

Every article page stored in the WARC files under `$BULLETINS_HOME/raw` goes through the
ingest run again. Documents are identified by their address and bytes, so none is added
twice; an article whose parsed content changed, or that an older parser wrote, is rewritten
and stamped with the current `parser_version`; the others are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from etl import config
from etl.model import RawDocument, Unreadable
from etl.runs.engine import DEFAULT_BATCH_SIZE, RunSummary
from etl.runs.ingest import Progress, ingest_documents
from etl.sources.warc import is_warc, read_warc


def warc_files(raw_dir: Path) -> list[Path]:
    """The WARC files under `raw_dir`, oldest name first (names begin with their start
    time, so a page fetched twice is reprocessed in the order it was fetched)."""
    if not raw_dir.is_dir():
        return []
    found = [p for p in raw_dir.rglob("*") if p.is_file() and is_warc(p)]
    return sorted(found, key=lambda p: (p.name, str(p)))


def raw_documents(
    raw_dir: Path, since: dt.date | None = None
) -> Iterator[RawDocument | Unreadable]:
    """The article pages of the landing zone, lazily; with `since`, only those fetched on or
    after that day (UTC)."""
    start = dt.datetime.combine(since, dt.time()) if since else None
    for path in warc_files(raw_dir):
        yield from read_warc(path, since=start)


def reprocess(
    db: Path,
    *,
    raw_dir: Path | None = None,
    since: dt.date | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> RunSummary:
    """Re-parse the stored pages (fetched on or after `since`, else all) into the warehouse
    at `db`, as one run with trigger `reprocess`."""
    return ingest_documents(
        raw_documents(raw_dir or config.raw_dir(), since),
        db,
        trigger="reprocess",
        batch_size=batch_size,
        progress=progress,
    )
