"""What the warehouse already holds, read once before a crawl opens it for writing.

The crawl needs to know which article URLs are stored (to skip them), the publication dates
of stored articles (anchors for dating the archive's year-less cards) and which of the
frontier's fetched pages and failures reached the warehouse before a kill. The warehouse is
opened read-only and closed again before the crawl's ingest run opens it read-write: DuckDB
allows one writing process and no readers beside it.

The queries are read-only lookups of this module's own and stay beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from etl.fetch.sites import canonical_article_url
from etl.normalize import url_key
from etl.warehouse import connect_read_only

_STORED_URLS = """
select url
from documents
where url is not null
union
select url
from articles
where url is not null
"""

_ARTICLE_DATES = """
select url, published_date
from articles
where url is not null
    and published_date is not null
"""

_DOCUMENT_PLACES = """
select raw_location, raw_offset
from documents
where raw_offset is not null
"""

_FETCH_REJECTS = """
select uri, reason
from rejects
where stage = 'fetch'
"""


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
        try:
            index.keys = {url_key(str(row[0])) for row in con.execute(_STORED_URLS).fetchall()}
            index.dates = {
                canonical_article_url(str(url)): date
                for url, date in con.execute(_ARTICLE_DATES).fetchall()
            }
            index.places = {
                (str(path), int(offset))
                for path, offset in con.execute(_DOCUMENT_PLACES).fetchall()
            }
            index.fetch_rejects = {
                (str(uri), str(reason)) for uri, reason in con.execute(_FETCH_REJECTS).fetchall()
            }
        finally:
            con.close()
        return index
