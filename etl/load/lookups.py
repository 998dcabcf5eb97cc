"""Read-only lookups in the warehouse for the stages before it (the crawler's `StoredIndex`).

The warehouse is opened read-only and closed again before any run opens it for writing:
DuckDB allows one writing process and no readers beside it. The queries are in
`sql/lookups/`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from etl import sqlfiles
from etl.fetch.stored import StoredIndex
from etl.load.warehouse import connect_read_only
from etl.sites import canonical_article_url, url_key


def stored_index(db: Path, *, wait: float = 30.0) -> StoredIndex:
    """What the warehouse at `db` holds, as the crawler needs it (empty when there is no
    warehouse yet): article URLs, their dates, document places and fetch failures. Waits up
    to `wait` seconds while a run publishes."""
    index = StoredIndex()
    if not db.is_file():
        return index
    con = connect_read_only(db, wait=wait)

    def rows(name: str) -> list[tuple[Any, ...]]:
        return con.execute(sqlfiles.load(f"lookups/{name}")).fetchall()

    try:
        index.keys = {url_key(str(row[0])) for row in rows("stored_urls")}
        index.dates = {canonical_article_url(str(url)): date for url, date in rows("article_dates")}
        index.places = {(str(path), int(offset)) for path, offset in rows("document_places")}
        index.fetch_rejects = {(str(uri), str(reason)) for uri, reason in rows("fetch_rejects")}
    finally:
        con.close()
    return index
