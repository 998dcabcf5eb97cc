"""The crawl frontier: what was discovered, fetched, loaded or failed, kept in SQLite beside
the warehouse so that a crawl killed at any point resumes without fetching anything twice.

A URL (canonical) goes `discovered` -> `fetched` (its WARC file and offset known) or
`failed` (with a reason); `is_loaded` turns on once the warehouse holds its document or its
reject. A job is one crawl's parameters; its listing walk per category is saved page by page,
with the cards of the page being processed, so a resumed job neither refetches a listing page
nor loses one. robots.txt answers are kept per host. Each WARC file written is registered
with the size up to which the frontier knows its contents, so that records written just
before a kill can be adopted instead of fetched again.

DuckDB allows one writing process per file; SQLite here keeps the frontier writable while
the crawl holds the warehouse.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from etl.fetch.listings import Card
from etl.fetch.robots import RobotsRules

ROBOTS_MAX_AGE = dt.timedelta(hours=24)  # RFC 9309: a cached robots.txt older than a day is stale

_SCHEMA = """
create table if not exists jobs (
    job_id text primary key,
    site text not null,
    params text not null,
    started_at text not null,
    finished_at text
);
create table if not exists walks (
    job_id text not null,
    category text not null,
    next_page integer not null,
    anchor_date text,
    is_done integer not null default 0,
    pending_page integer,
    pending_cards text,
    pending_has_next integer,
    primary key (job_id, category)
);
create table if not exists urls (
    url text primary key,
    site text not null,
    job_id text,
    category text,
    state text not null,
    card_date text,
    published_date text,
    fetch_uri text,
    warc_path text,
    warc_offset integer,
    fetched_from text,
    http_status integer,
    fetched_at text,
    reason text,
    is_loaded integer not null default 0,
    updated_at text not null
);
create index if not exists urls_job_state on urls (job_id, state);
create table if not exists robots (
    host text primary key,
    status integer,
    body text not null,
    fetched_at text not null
);
create table if not exists warc_files (
    path text primary key,
    known_size integer not null
);
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class UrlRow:
    """One URL's state in the frontier."""

    url: str
    site: str
    job_id: str | None
    state: str
    card_date: str | None
    published_date: str | None
    warc_path: str | None
    warc_offset: int | None
    fetched_from: str | None
    reason: str | None
    is_loaded: bool


@dataclass
class Walk:
    """Where a job's walk of one category listing stands."""

    category: str
    next_page: int = 1
    anchor_date: dt.date | None = None
    is_done: bool = False
    pending_page: int | None = None  # a listing page fetched but not yet processed
    pending_cards: list[Card] | None = None
    pending_has_next: bool = False


def _cards_to_json(cards: list[Card]) -> str:
    return json.dumps(
        [
            {
                "url": c.url,
                "date": c.date.isoformat() if c.date else None,
                "month_day": list(c.month_day) if c.month_day else None,
            }
            for c in cards
        ]
    )


def _cards_from_json(text: str) -> list[Card]:
    cards = []
    for item in json.loads(text):
        month_day = item.get("month_day")
        cards.append(
            Card(
                url=item["url"],
                date=dt.date.fromisoformat(item["date"]) if item.get("date") else None,
                month_day=(int(month_day[0]), int(month_day[1])) if month_day else None,
            )
        )
    return cards


class Frontier:
    """The frontier's SQLite file; one connection shared by the crawl's threads."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._con = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._con.row_factory = sqlite3.Row
        # WAL keeps readers and the writer apart; FULL makes each commit survive a power cut,
        # which is the point of the frontier.
        self._con.execute("pragma journal_mode=wal")
        self._con.execute("pragma synchronous=full")
        self._con.executescript(_SCHEMA)

    def __enter__(self) -> Frontier:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._con.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._con.execute("begin immediate")
            try:
                yield self._con
            except BaseException:
                self._con.execute("rollback")
                raise
            self._con.execute("commit")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._con.execute(sql, tuple(params)).fetchall()

    # -- jobs and walks ---------------------------------------------------------------------

    def start_job(self, site: str, params: dict[str, Any]) -> tuple[str, bool]:
        """The unfinished job with these parameters (resumed), else a new one; returns
        `(job_id, resumed)`."""
        text = json.dumps(params, sort_keys=True)
        with self._transaction() as con:
            row = con.execute(
                "select job_id from jobs where site = ? and params = ? and finished_at is null "
                "order by started_at desc limit 1",
                (site, text),
            ).fetchone()
            if row is not None:
                return str(row["job_id"]), True
            started = _now()
            job_id = f"{site}-{started.replace(':', '').replace('-', '')[:22]}"
            con.execute(
                "insert into jobs (job_id, site, params, started_at) values (?, ?, ?, ?)",
                (job_id, site, text, started),
            )
            return job_id, False

    def finish_job(self, job_id: str) -> None:
        """Mark a job finished: the next crawl with the same parameters starts afresh."""
        with self._transaction() as con:
            con.execute("update jobs set finished_at = ? where job_id = ?", (_now(), job_id))

    def walk(self, job_id: str, category: str) -> Walk:
        """The saved state of a category's walk (a fresh walk when none)."""
        rows = self._query(
            "select * from walks where job_id = ? and category = ?", (job_id, category)
        )
        if not rows:
            return Walk(category)
        row = rows[0]
        return Walk(
            category=category,
            next_page=int(row["next_page"]),
            anchor_date=dt.date.fromisoformat(row["anchor_date"]) if row["anchor_date"] else None,
            is_done=bool(row["is_done"]),
            pending_page=row["pending_page"],
            pending_cards=_cards_from_json(row["pending_cards"]) if row["pending_cards"] else None,
            pending_has_next=bool(row["pending_has_next"]),
        )

    def save_walk(self, job_id: str, walk: Walk) -> None:
        """Save a walk's state."""
        with self._transaction() as con:
            con.execute(
                "insert or replace into walks (job_id, category, next_page, anchor_date, "
                "is_done, pending_page, pending_cards, pending_has_next) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job_id,
                    walk.category,
                    walk.next_page,
                    walk.anchor_date.isoformat() if walk.anchor_date else None,
                    int(walk.is_done),
                    walk.pending_page,
                    _cards_to_json(walk.pending_cards) if walk.pending_cards is not None else None,
                    int(walk.pending_has_next),
                ),
            )

    # -- URLs -------------------------------------------------------------------------------

    @staticmethod
    def _row(row: sqlite3.Row) -> UrlRow:
        return UrlRow(
            url=row["url"],
            site=row["site"],
            job_id=row["job_id"],
            state=row["state"],
            card_date=row["card_date"],
            published_date=row["published_date"],
            warc_path=row["warc_path"],
            warc_offset=row["warc_offset"],
            fetched_from=row["fetched_from"],
            reason=row["reason"],
            is_loaded=bool(row["is_loaded"]),
        )

    def get(self, url: str) -> UrlRow | None:
        """The frontier's row of a canonical URL."""
        rows = self._query("select * from urls where url = ?", (url,))
        return self._row(rows[0]) if rows else None

    def discover(
        self,
        url: str,
        *,
        site: str,
        job_id: str,
        category: str,
        card_date: dt.date | None,
    ) -> bool:
        """Put a URL in this job's queue unless it is already queued, fetched or loaded in
        this job; a URL that failed or was left queued by another job is taken over. Returns
        whether the URL is now queued for this job."""
        date = card_date.isoformat() if card_date else None
        with self._transaction() as con:
            row = con.execute("select job_id, state from urls where url = ?", (url,)).fetchone()
            if row is not None and row["job_id"] == job_id:
                return bool(row["state"] == "discovered")
            con.execute(
                "insert into urls (url, site, job_id, category, state, card_date, updated_at) "
                "values (?, ?, ?, ?, 'discovered', ?, ?) "
                "on conflict (url) do update set job_id = excluded.job_id, "
                "category = excluded.category, state = 'discovered', "
                "card_date = excluded.card_date, reason = null, is_loaded = 0, "
                "updated_at = excluded.updated_at",
                (url, site, job_id, category, date, _now()),
            )
            return True

    def queued(self, job_id: str) -> list[UrlRow]:
        """The job's URLs discovered but not fetched yet, in discovery order."""
        rows = self._query(
            "select * from urls where job_id = ? and state = 'discovered' order by rowid",
            (job_id,),
        )
        return [self._row(r) for r in rows]

    def count_job(self, job_id: str) -> int:
        """How many URLs this job has taken on (queued, fetched or failed)."""
        rows = self._query("select count(*) from urls where job_id = ?", (job_id,))
        return int(rows[0][0])

    def mark_fetched(
        self,
        url: str,
        *,
        fetch_uri: str,
        warc_path: str,
        warc_offset: int,
        warc_end: int,
        fetched_from: str,
        http_status: int,
        fetched_at: dt.datetime,
        published_date: dt.date | None,
    ) -> None:
        """Record that a URL's page is in the landing zone, at `warc_path` / `warc_offset`."""
        with self._transaction() as con:
            con.execute(
                "update urls set state = 'fetched', fetch_uri = ?, warc_path = ?, "
                "warc_offset = ?, fetched_from = ?, http_status = ?, fetched_at = ?, "
                "published_date = ?, reason = null, is_loaded = 0, updated_at = ? where url = ?",
                (
                    fetch_uri,
                    warc_path,
                    warc_offset,
                    fetched_from,
                    http_status,
                    fetched_at.isoformat(),
                    published_date.isoformat() if published_date else None,
                    _now(),
                    url,
                ),
            )
            con.execute(
                "update warc_files set known_size = max(known_size, ?) where path = ?",
                (warc_end, warc_path),
            )

    def mark_failed(self, url: str, reason: str) -> None:
        """Record that a URL could not be had, and why."""
        with self._transaction() as con:
            con.execute(
                "update urls set state = 'failed', reason = ?, is_loaded = 0, updated_at = ? "
                "where url = ?",
                (reason, _now(), url),
            )

    def unloaded(self) -> list[UrlRow]:
        """URLs fetched or failed whose document or reject the warehouse does not hold yet."""
        rows = self._query(
            "select * from urls where state in ('fetched', 'failed') and is_loaded = 0 "
            "order by fetched_at, rowid"
        )
        return [self._row(r) for r in rows]

    def mark_loaded(self, urls: Iterable[str]) -> None:
        """Record that the warehouse holds these URLs' documents or rejects."""
        with self._transaction() as con:
            con.executemany(
                "update urls set is_loaded = 1, updated_at = ? where url = ?",
                [(_now(), url) for url in urls],
            )

    # -- WARC files -------------------------------------------------------------------------

    def register_warc(self, path: str) -> None:
        """Note a new WARC file of this crawl (nothing in it known yet)."""
        with self._transaction() as con:
            con.execute(
                "insert or ignore into warc_files (path, known_size) values (?, 0)", (path,)
            )

    def warc_files(self) -> list[tuple[str, int]]:
        """The crawl's WARC files and the size up to which their contents are known."""
        rows = self._query("select path, known_size from warc_files order by path")
        return [(str(r["path"]), int(r["known_size"])) for r in rows]

    def set_warc_known(self, path: str, size: int) -> None:
        """Record that a WARC file's contents are known up to `size`."""
        with self._transaction() as con:
            con.execute("update warc_files set known_size = ? where path = ?", (size, path))

    # -- robots.txt (the HTTP client's RobotsStore) ------------------------------------------

    def load(self, host: str) -> RobotsRules | None:
        """The robots.txt answer kept for `host`, when less than a day old."""
        rows = self._query("select status, body, fetched_at from robots where host = ?", (host,))
        if not rows:
            return None
        fetched_at = dt.datetime.fromisoformat(rows[0]["fetched_at"])
        if dt.datetime.now(dt.UTC) - fetched_at > ROBOTS_MAX_AGE:
            return None
        return RobotsRules(status=rows[0]["status"], text=rows[0]["body"])

    def save(self, host: str, rules: RobotsRules) -> None:
        """Keep a host's robots.txt answer; an unreachable host or a 5xx is not kept, since
        it says nothing lasting: the next run asks again."""
        if rules.disallow_all:
            return
        with self._transaction() as con:
            con.execute(
                "insert or replace into robots (host, status, body, fetched_at) "
                "values (?, ?, ?, ?)",
                (host, rules.status, rules.text, _now()),
            )
