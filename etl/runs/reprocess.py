"""Rebuild the warehouse from what it was made of: no network, the current rules.

- `reprocess`: every article page stored in the WARC files under `$BULLETINS_HOME/raw` goes
  through the ingest run again. Documents are identified by their address and bytes, so
  none is added twice; an article whose parsed content changed, or that older rules wrote,
  is rewritten and stamped with the current versions; the others are left alone.
- `reprocess_stale`: only what older versions made: documents an older parser parsed are
  parsed again, articles that older enrichment rules (extractor or gazetteer) enriched are
  enriched again from their stored fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from etl import config, sqlfiles
from etl.enrich.derive import enrichment_version
from etl.errors import Rejected
from etl.extract import PARSER_VERSION
from etl.load.warehouse import connect_read_only
from etl.model import Bulletin, RawDocument, RelatedLink, Unreadable
from etl.runs.engine import DEFAULT_BATCH_SIZE, RunSummary, StoredArticle
from etl.runs.ingest import Progress, ingest_documents
from etl.sources.files import read_file
from etl.sources.warc import is_warc, read_record, read_warc


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


def _read_again(row: tuple[Any, ...]) -> RawDocument | Unreadable:
    """A stored document read again from where it was kept: its WARC record, or its file
    (which must still hold the bytes that were loaded)."""
    _, uri, location, offset, stored_hash = row
    if offset is not None:
        return read_record(Path(location), int(offset))
    path = Path(location)
    try:
        document = read_file(path)
    except Rejected as rejected:
        return Unreadable(str(uri), "read", f"stored document: {rejected.reason}")
    if hashlib.sha256(document.data).hexdigest() != stored_hash:
        return Unreadable(str(uri), "read", f"{path} changed since it was loaded")
    return document


def stale_documents(db: Path) -> Iterator[RawDocument | Unreadable]:
    """The documents an older parser made articles of (or refused), read again, lazily."""
    con = connect_read_only(db)
    try:
        rows = con.execute(
            sqlfiles.load("lookups/stale_documents"), {"parser_version": PARSER_VERSION}
        ).fetchall()
    finally:
        con.close()
    for row in rows:
        yield _read_again(row)


def _stored_article(row: tuple[Any, ...]) -> StoredArticle:
    (
        _, url, source, headline, published_date, dateline, weekday, desk, content_hash,
        paragraphs, truncated, authors, captions, related,
        document_id, uri, media_type, size_bytes, document_hash, raw_location, raw_offset,
        document_url, fetched_at, fetched_from, http_status,
    ) = row  # fmt: skip
    bulletin = Bulletin(
        url=url,
        source=source,
        headline=headline,
        published_date=published_date,
        dateline=dateline,
        weekday=weekday,
        authors=list(authors),
        desk=desk,
        captions=list(captions),
        related=[RelatedLink(r["title"], r["teaser"], r["url"], r["kind"]) for r in related],
        paragraphs=list(paragraphs),
        truncated=list(truncated),
    )
    document = {
        "document_id": document_id,
        "uri": uri,
        "media_type": media_type,
        "size_bytes": size_bytes,
        "content_hash": document_hash,
        "raw_location": raw_location,
        "raw_offset": raw_offset,
        "url": document_url,
        "fetched_at": fetched_at,
        "fetched_from": fetched_from,
        "http_status": http_status,
    }
    return StoredArticle(document=document, bulletin=bulletin, content_hash=content_hash)


def stale_articles(db: Path, chunk: int = 500) -> Iterator[StoredArticle]:
    """The articles the current parser wrote but older enrichment rules enriched, rebuilt
    from their stored fields, a chunk at a time (the warehouse is opened read-only for each
    chunk and closed before the run publishes)."""
    after = ""
    while True:
        con = connect_read_only(db)
        try:
            rows = con.execute(
                sqlfiles.load("lookups/stale_articles"),
                {
                    "parser_version": PARSER_VERSION,
                    "enrichment_version": enrichment_version(),
                    "after": after,
                    "limit": chunk,
                },
            ).fetchall()
        finally:
            con.close()
        if not rows:
            return
        after = str(rows[-1][0])
        yield from (_stored_article(row) for row in rows)


def reprocess_stale(
    db: Path, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None
) -> RunSummary:
    """Re-derive exactly what older versions made, as one run with trigger `reprocess`: the
    documents an older parser parsed are read again from the landing zone or their files
    and parsed; the articles older enrichment rules enriched are enriched again from their
    stored fields (no fetching, no reading of HTML). What is current is left alone."""
    if not db.is_file():
        raise FileNotFoundError(f"no warehouse at {db}: run `bulletins ingest` first")
    return ingest_documents(
        chain(stale_documents(db), stale_articles(db)),
        db,
        trigger="reprocess",
        batch_size=batch_size,
        progress=progress,
        skip_known=False,
    )
