"""Fixtures of the fetch tests: the imitated sites, a fake clock, a crawl in a temp home."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.fetch.crawl import Crawler, CrawlOptions, CrawlStats, crawl_session
from etl.fetch.frontier import Frontier
from etl.fetch.http import HttpClient, HttpSettings
from etl.fetch.stored import StoredIndex
from etl.model import RawDocument, Unreadable
from etl.runs.crawl import crawl
from etl.runs.engine import RunSummary
from etl.sources.warc import RecordLocation, WebResponse
from tests.sites.server import Sites, sana_sites  # noqa: F401 - the fixture, re-exported

REPO_ROOT = Path(__file__).resolve().parents[2]

# Timeouts small enough that a stalled answer costs a test well under a second.
FAST = {"read_timeout": 0.5, "connect_timeout": 1.0, "total_timeout": 3.0, "backoff_base": 0.0}


@dataclass
class FakeTime:
    """A clock that sleeping moves forward: delays and backoffs cost no real time, and every
    wait is on record."""

    now: float = 1000.0
    slept: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def clock(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`$BULLETINS_HOME` in a temporary directory (raw/, crawl/, dq/ land there)."""
    home = tmp_path / "home"
    monkeypatch.setenv("BULLETINS_HOME", str(home))
    monkeypatch.delenv("BULLETINS_DB", raising=False)
    for name in ("BULLETINS_SANA_BASE_URL", "BULLETINS_SANA_ARCHIVE_BASE_URL",
                 "BULLETINS_WAYBACK_BASE_URL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return home


def run_crawl(
    sites: Sites,
    home: Path,
    site: str,
    time: FakeTime | None = None,
    batch_size: int = 200,
    **options: Any,
) -> tuple[CrawlStats, RunSummary]:
    """Crawl `site` of the imitated hosts into `home`, with a fake clock and small timeouts."""
    time = time or FakeTime()
    settings: dict[str, Any] = {**FAST, "delay": 0.0, **options}
    return crawl(
        CrawlOptions(
            site=site,
            base_url=sites.base(site),
            wayback_base_url=sites.wayback,
            **settings,
        ),
        home / "warehouse.duckdb",
        raw_dir=home / "raw",
        frontier_file=home / "crawl" / "frontier.sqlite",
        batch_size=batch_size,
        sleep=time.sleep,
        clock=time.clock,
    )


def walk_site(
    sites: Sites,
    home: Path,
    site: str,
    time: FakeTime | None = None,
    *,
    real_time: bool = False,
    **options: Any,
) -> tuple[Crawler, list[RawDocument | Unreadable]]:
    """Discover and fetch `site` of the imitated hosts as a crawl does, without loading the
    documents anywhere (the Crawler alone): with a fake clock (`time`, else a new one), or
    waiting for real with `real_time=True`."""
    settings: dict[str, Any] = {**FAST, "delay": 0.0, **options}
    clock: dict[str, Any] = {}
    if not real_time:
        time = time or FakeTime()
        clock = {"sleep": time.sleep, "clock": time.clock}
    with (
        Frontier(home / "crawl" / "frontier.sqlite") as frontier,
        crawl_session(
            CrawlOptions(
                site=site, base_url=sites.base(site), wayback_base_url=sites.wayback, **settings
            ),
            frontier=frontier,
            stored=StoredIndex(),
            raw_dir=home / "raw",
            **clock,
        ) as crawler,
    ):
        documents = list(crawler.documents())
    return crawler, documents


def rows(db: Path, query: str) -> list[tuple[Any, ...]]:
    """The rows of a query on a warehouse, opened read-only."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


UA = "sana-bulletins/test (+https://example.org/contact)"


class Recorded:
    """A recorder that keeps what it was given, in order."""

    def __init__(self) -> None:
        self.responses: list[WebResponse] = []

    def __call__(self, response: WebResponse) -> RecordLocation:
        self.responses.append(response)
        n = len(self.responses)
        return RecordLocation("memory", n, n + 1)

    def summary(self) -> list[tuple[str, str, int]]:
        return [(r.role, r.url.split("/", 3)[3], r.status) for r in self.responses]


@pytest.fixture
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture
def client_factory(recorded: Recorded, fake_time: FakeTime) -> Iterator[type[HttpClient] | object]:
    clients: list[HttpClient] = []

    def make(**settings: object) -> HttpClient:
        values: dict[str, object] = {
            "user_agent": UA,
            "delay": 0.0,
            "read_timeout": 0.5,
            "connect_timeout": 1.0,
            "total_timeout": 3.0,
            "retries": 2,
            "backoff_base": 0.0,
            **settings,
        }
        client = HttpClient(
            HttpSettings(**values),  # type: ignore[arg-type]
            recorder=recorded,
            sleep=fake_time.sleep,
            clock=fake_time.clock,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
