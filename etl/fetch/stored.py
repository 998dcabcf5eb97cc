"""What the warehouse already holds, as the crawler needs to know it.

The crawl needs to know which article URLs are stored (to skip them), the publication dates
of stored articles (anchors for dating the archive's year-less cards) and which of the
frontier's fetched pages and failures reached the warehouse before a kill. The crawler gets
this as plain data: `etl.load.lookups.stored_index` reads it from the warehouse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from etl.sites import url_key


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
