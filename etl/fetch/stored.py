"""What the warehouse already holds, read once before a crawl opens it for writing.

The crawl needs to know which article URLs are stored (to skip them), the publication dates
of stored articles (anchors for dating the archive's year-less cards) and which of the
frontier's fetched pages and failures reached the warehouse before a kill. The warehouse is
opened read-only and closed again before the crawl's ingest run opens it read-write: DuckDB
allows one writing process and no readers beside it.

The queries are in `sql/lookups/`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl import sqlfiles
from etl.fetch.sites import canonical_article_url
from etl.normalize import url_key
from etl.warehouse import connect_read_only


@dataclass
class StoredIndex:
    """The warehouse's article URLs (by `url_key`), dates (by canonical URL), document
    places (file, offset) and fetch failures (uri, reason)."""

    keys: set[str] = field(default_factory=set)
    dates: dict[str, dt.date] = field(default_factory=dict)
    places: set[tuple[str, int]] = field(default_factory=set)
    fetch_rejects: set[tuple[str, str]] = field(default_factory=set)

    def holds(self, url: str) -> bool:
        """Whether the warehouse has a document or an article for this URL."""
        return url_key(url) in self.keys

    @classmethod
    def load(cls, db: Path) -> StoredIndex:
        """Read the index from the warehouse file (empty when there is none yet)."""
        index = cls()
        if not db.is_file():
            return index
        con = connect_read_only(db)

        def rows(name: str) -> list[tuple[Any, ...]]:
            return con.execute(sqlfiles.load(f"lookups/{name}")).fetchall()

        try:
            index.keys = {url_key(str(row[0])) for row in rows("stored_urls")}
            index.dates = {
                canonical_article_url(str(url)): date for url, date in rows("article_dates")
            }
            index.places = {(str(path), int(offset)) for path, offset in rows("document_places")}
            index.fetch_rejects = {(str(uri), str(reason)) for uri, reason in rows("fetch_rejects")}
        finally:
            con.close()
        return index
