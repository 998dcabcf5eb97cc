"""Full-text search over the bulletins: a BM25 index built by DuckDB's fts extension, kept
current after every publish, and searched by the same SQL from the command line, from
`bulletins sql` and from a notebook.

DuckDB's fts index does not follow inserts, and rebuilding it takes minutes at a million
bulletins (docs/benchmarks.md). So the index has two parts:

- the full index over every bulletin (`fts_main_articles`), rebuilt by `rebuild_search_index`
  off the publish path (`bulletins search --rebuild`, or on its own schedule);
- a small index (`fts_main_search_recent`) of the bulletins new or changed since that
  rebuild, remade by `refresh_search_index` after each publish in about a second. A search
  reads both, as one collection.

The search itself is SQL (`sql/search/macros.sql`), stored in the warehouse as the table
macros `search_bulletins(query)` and `search_query(query)`.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from etl import config, sqlfiles
from etl.load.fts import load_fts
from etl.load.warehouse import Warehouse

log = logging.getLogger(__name__)

# The most bulletins the refresh after a publish indexes on its own: it builds the whole
# index of a warehouse this small when there is none yet, and warns when this many wait in
# the small index (the full rebuild is the work of `bulletins reindex --full`, off the publish
# path: it takes minutes at a million bulletins, docs/benchmarks.md).
DEFAULT_MAX_RECENT = 20_000


class NoSearchIndex(RuntimeError):
    """The warehouse has no search index yet."""


@dataclass(frozen=True)
class QueryGroup:
    """One group of words a hit must contain: a word, or every spelling of an entity."""

    kind: str  # "word" or "entity"
    label: str  # the stemmed word, or the entity's name
    entity_id: str | None
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """One bulletin found, with a snippet of its body around the first hit («marked»)."""

    rank: int
    article_id: str
    published_date: dt.date | None
    source: str
    headline: str
    url: str | None
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchResult:
    """What a search found and how it read the query."""

    query: str
    groups: tuple[QueryGroup, ...]
    hits: tuple[Hit, ...]

    def expansions(self) -> list[str]:
        """One line per entity whose other spellings were searched too."""
        return [
            f"{group.label}: searched every spelling: {', '.join(group.spellings)}"
            for group in self.groups
            if group.kind == "entity" and len(group.spellings) > 1
        ]


@dataclass(frozen=True)
class IndexState:
    """What a refresh or rebuild did."""

    rebuilt: bool
    n_indexed: int  # bulletins in the full index
    n_recent: int  # bulletins in the small index beside it
    seconds: float


def _run(con: duckdb.DuckDBPyConnection, name: str) -> None:
    for statement in sqlfiles.statements(name):
        con.execute(statement)


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'main' "
        "and table_name = 'search_indexed'"
    ).fetchone()
    return bool(row and row[0])


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # `table` is one of this module's own table names, never input.
    row = con.execute(f"select count(*) from {table}").fetchone()
    return int(row[0]) if row else 0


def rebuild_search_index(con: duckdb.DuckDBPyConnection) -> IndexState:
    """Rebuild the whole search index from the articles on the writer's connection `con`
    (minutes at a million bulletins); afterwards every bulletin is in the full index and the
    small one is empty. Commits as it goes: readers see the old index or the new one."""
    started = time.perf_counter()
    load_fts(con)
    _run(con, "search/rebuild")
    _run(con, "search/refresh")
    _run(con, "search/macros")
    state = IndexState(
        rebuilt=True,
        n_indexed=_count(con, "search_indexed"),
        n_recent=_count(con, "search_recent"),
        seconds=time.perf_counter() - started,
    )
    log.info("search index rebuilt: %d bulletins in %.1f s", state.n_indexed, state.seconds)
    return state


def refresh_search_index(
    con: duckdb.DuckDBPyConnection, *, max_recent: int = DEFAULT_MAX_RECENT
) -> IndexState:
    """Make the search index current on the writer's connection `con`, after a publish.

    Bulletins new or changed since the last full rebuild are indexed in the small index
    (seconds at a million bulletins), and entity spellings re-read, so a new alias is
    searched at once. Never rebuilds a big index on the publish path: a warehouse without
    an index gets one here only when it holds at most `max_recent` bulletins (else the
    refresh logs that `bulletins reindex --full` is needed, and does nothing); more than
    `max_recent` waiting in the small index is logged as a warning for the same reason.
    """
    started = time.perf_counter()
    load_fts(con)
    if not _has_index(con):
        n_articles = _count(con, "articles")
        if n_articles <= max_recent:
            return rebuild_search_index(con)
        log.warning(
            "no search index over %d bulletins: run `bulletins reindex --full` (minutes)",
            n_articles,
        )
        return IndexState(rebuilt=False, n_indexed=0, n_recent=0, seconds=0.0)
    _run(con, "search/refresh")
    _run(con, "search/macros")
    state = IndexState(
        rebuilt=False,
        n_indexed=_count(con, "search_indexed"),
        n_recent=_count(con, "search_recent"),
        seconds=time.perf_counter() - started,
    )
    if state.n_recent > max_recent:
        log.warning(
            "%d bulletins in the small search index: run `bulletins reindex --full`",
            state.n_recent,
        )
    return state


def refresh_warehouse_index(db: Path, *, rebuild: bool = False, wait: float = 0.0) -> IndexState:
    """`refresh_search_index` (or, with `rebuild`, `rebuild_search_index` with DuckDB's memory
    raised to `$BULLETINS_REINDEX_MEMORY`) on the warehouse file `db`, holding its writer lock
    (waits `wait` seconds for another writer)."""
    with Warehouse(db, wait=wait) as warehouse:
        if rebuild:
            # The fts extension builds its index in memory: more than a publish needs.
            limit = config.reindex_memory().replace("'", "''")
            warehouse.con.execute(f"set memory_limit = '{limit}'")
            return rebuild_search_index(warehouse.con)
        return refresh_search_index(warehouse.con)


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    source: str | None = None,
    limit: int = 20,
) -> SearchResult:
    """Search the bulletins on `con` (a connection with the fts extension loaded, such as
    `etl.load.warehouse.connect_read_only`): the ranked hits containing every word of
    `query`, each entity it names in any of that entity's spellings.

    Raises `NoSearchIndex` when the warehouse was never indexed.
    """
    try:
        group_rows = con.execute(
            "select kind, label, entity_id, spellings from search_query($query)",
            {"query": query},
        ).fetchall()
    except duckdb.CatalogException as exc:
        raise NoSearchIndex("the warehouse has no search index: run `bulletins reindex`") from exc
    groups = tuple(
        QueryGroup(kind=kind, label=label, entity_id=entity_id, spellings=tuple(spellings))
        for kind, label, entity_id, spellings in group_rows
    )
    hits: tuple[Hit, ...] = ()
    if groups:
        rows = con.execute(
            sqlfiles.load("search/hits"),
            {"query": query, "since": since, "until": until, "source": source, "limit": limit},
        ).fetchall()
        hits = tuple(Hit(*row) for row in rows)
    return SearchResult(query=query, groups=groups, hits=hits)


def hit_record(hit: Hit) -> dict[str, Any]:
    """A hit as a flat record (the command line's csv and json rows)."""
    return {
        "rank": hit.rank,
        "published_date": hit.published_date.isoformat() if hit.published_date else None,
        "source": hit.source,
        "headline": hit.headline,
        "url": hit.url,
        "score": hit.score,
        "snippet": hit.snippet,
        "article_id": hit.article_id,
    }
