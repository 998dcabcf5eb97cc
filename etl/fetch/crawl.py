"""A crawl of one site, end to end: discover, fetch (origin, else Wayback), land every
response in WARC files, and feed the article pages to `etl.runs.ingest.ingest_documents`.

Order of work, which is also what makes a crawl resumable:

1. records written to a WARC file just before a kill, but not noted in the frontier, are
   adopted (tail recovery);
2. the frontier's fetched pages and failures that never reached the warehouse are loaded
   first, from the landing zone (no network);
3. the job (the crawl's parameters) is resumed where it stood, or started: URLs it had
   queued are fetched, then each category's listing is walked on from its next page.

A listing page is saved with its cards before any of them is fetched, and every article is
noted as fetched (file and offset) right after its record is on disk: a restart finds
everything that was stored, and fetches only the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import httpx

from etl import config
from etl.fetch.discovery import Bounds, date_cards, walk_ends_after
from etl.fetch.frontier import Frontier, UrlRow, Walk
from etl.fetch.http import (
    Credentials,
    FetchResult,
    HttpClient,
    HttpSettings,
    is_html,
    media_type,
    split_credentials,
)
from etl.fetch.listings import Card, Listing, Site, make_site
from etl.fetch.pagination import listing_page_number
from etl.fetch.robots import host_key
from etl.fetch.stored import StoredIndex
from etl.fetch.wayback import Wayback
from etl.model import RawDocument, Unreadable
from etl.sites import published_date_of
from etl.sources.warc import READ_ERRORS, LandingZoneError, WarcWriter, iter_records, read_record

log = logging.getLogger(__name__)

WAYBACK_MODES = ("fallback", "only", "off")
# How many articles of a page may be fetched just to learn the year of the archive's cards.
_ANCHOR_TRIES = 3


@dataclass(frozen=True)
class CrawlOptions:
    """What to crawl and how; the defaults are those of the real sites."""

    site: str
    since: dt.date | None = None
    until: dt.date | None = None
    categories: tuple[str, ...] = ()
    max_articles: int | None = None
    base_url: str | None = None
    wayback_base_url: str | None = None
    wayback: str = "fallback"  # "fallback", "only" (never the origin) or "off"
    delay: float = config.DEFAULT_CRAWL_DELAY
    concurrency: int = 1  # requests in flight per host
    refetch: bool = False  # fetch again articles the warehouse already holds
    read_timeout: float = 90.0
    connect_timeout: float = 20.0
    total_timeout: float = 240.0
    retries: int = 4
    backoff_base: float = 2.0
    max_retry_after: float = 600.0
    max_bytes: int = 20_000_000


@dataclass
class CrawlStats:
    """What a crawl did, for the summary line."""

    site: str
    job_id: str = ""
    resumed: bool = False
    listing_pages: int = 0
    cards: int = 0
    already_stored: int = 0
    out_of_range: int = 0
    fetched_origin: int = 0
    fetched_wayback: int = 0
    failed: int = 0
    adopted: int = 0  # records found in a WARC file's tail after a kill (also reloaded)
    reloaded: int = 0  # pages fetched by an earlier run, loaded from the landing zone
    requests: int = 0
    retries: int = 0
    complete: bool = True  # every walk reached its end
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for people."""
        state = "complete" if self.complete else "incomplete (run again to resume)"
        return (
            f"crawl {self.site} job {self.job_id}{' (resumed)' if self.resumed else ''} "
            f"{state}: listing pages {self.listing_pages}, articles listed {self.cards}, "
            f"already stored {self.already_stored}, out of range {self.out_of_range}, "
            f"fetched {self.fetched_origin} from origin and {self.fetched_wayback} from "
            f"Wayback, failed {self.failed}, loaded from raw {self.reloaded}; "
            f"{self.requests} requests, {self.retries} retries"
        )


def frontier_path() -> Path:
    """The frontier's file: `$BULLETINS_HOME/crawl/frontier.sqlite`."""
    return config.crawl_dir() / "frontier.sqlite"


def adopt_warc_tails(frontier: Frontier) -> int:
    """Note in the frontier the article records written after the last one it knows of (a
    kill between writing a record and noting it); returns how many were adopted. A record cut
    off by the kill ends the scan of its file."""
    adopted = 0
    for path_text, known in frontier.warc_files():
        path = Path(path_text)
        if not path.is_file() or path.stat().st_size <= known:
            continue
        size = path.stat().st_size
        try:
            for stored in iter_records(path, known):
                if stored.role != "article" or stored.status != 200 or not stored.article_url:
                    continue
                row = frontier.get(stored.article_url)
                if row is None or row.state != "discovered" or stored.payload is None:
                    continue
                frontier.mark_fetched(
                    stored.article_url,
                    fetch_uri=stored.target_uri,
                    warc_path=stored.path,
                    warc_offset=stored.offset,
                    warc_end=stored.offset,
                    fetched_from=stored.fetched_from or "origin",
                    http_status=200,
                    fetched_at=stored.warc_date or dt.datetime.now(dt.UTC),
                    published_date=published_date_of(stored.payload.decode("utf-8", "replace")),
                )
                adopted += 1
        except READ_ERRORS as exc:
            log.warning("%s: damaged record after offset %d ignored (%s)", path, known, exc)
        frontier.set_warc_known(path_text, size)
    return adopted


class Crawler:
    """One crawl's discovery and fetching, as a lazy stream of documents to ingest."""

    def __init__(
        self,
        site: Site,
        options: CrawlOptions,
        *,
        frontier: Frontier,
        client: HttpClient,
        wayback: Wayback | None,
        stored: StoredIndex,
    ) -> None:
        self.site = site
        self.options = options
        self.frontier = frontier
        self.client = client
        self.wayback = wayback
        self.stored = stored
        self.bounds = Bounds(options.since, options.until)
        self.categories = [
            site.category_key(c) for c in (options.categories or site.default_categories)
        ]
        self.stats = CrawlStats(site=site.name)
        self.job_id = ""
        self.yielded: list[str] = []  # canonical URLs handed to the loader
        self.finished = False
        # The cards of each walk's last page, to see a page that only repeats it.
        self._last_cards: dict[str, list[str]] = {}

    # -- the stream -------------------------------------------------------------------------

    def documents(self) -> Iterator[RawDocument | Unreadable]:
        """Everything to load, fetched lazily: earlier runs' unloaded pages first, then the
        job's queue, then the walks of its categories."""
        for row in self.frontier.unloaded():
            self.stats.reloaded += 1
            yield self._emit(row.url, self._from_landing_zone(row))
        params = {
            "since": self.options.since.isoformat() if self.options.since else None,
            "until": self.options.until.isoformat() if self.options.until else None,
            "categories": self.categories,
            "max_articles": self.options.max_articles,
            "wayback": self.options.wayback,
            "refetch": self.options.refetch,
        }
        self.job_id, self.stats.resumed = self.frontier.start_job(self.site.name, params)
        self.stats.job_id = self.job_id
        log.info(
            "%s job %s %s", self.site.name, self.job_id, "resumed" if self.stats.resumed else ""
        )
        yield from self.fetch_queue()
        for category in self.categories:
            yield from self._walk(category)
        self.finished = self.stats.complete

    def _emit(self, url: str, item: RawDocument | Unreadable) -> RawDocument | Unreadable:
        self.yielded.append(url)
        return item

    def _from_landing_zone(self, row: UrlRow) -> RawDocument | Unreadable:
        if row.state == "failed" or row.warc_path is None or row.warc_offset is None:
            return Unreadable(row.url, "fetch", row.reason or "fetch failed")
        return read_record(Path(row.warc_path), row.warc_offset)

    # -- walking listings -------------------------------------------------------------------

    def _limit_reached(self) -> bool:
        limit = self.options.max_articles
        return limit is not None and self.frontier.count_job(self.job_id) >= limit

    def _walk(self, category: str) -> Iterator[RawDocument | Unreadable]:
        walk = self.frontier.walk(self.job_id, category)
        while not walk.is_done:
            if self._limit_reached():
                log.info("%s: --max-articles reached", category)
                return
            if walk.pending_cards is None and not self._fetch_listing(walk):
                return
            yield from self._process_page(walk)

    def _fetch_listing(self, walk: Walk) -> bool:
        """Fetch the walk's next listing page and save its cards; False when the walk cannot
        go on now (it is then either done or left to resume)."""
        url = self.site.listing_url(walk.category, walk.next_page)
        result = self._get_page(url, role="listing")
        listing = self._cards_of(result) if result.ok else Listing()
        end = self._end_of_listing(walk, result, listing)
        if end is not None:
            log.info("%s: listing ends before page %d (%s)", walk.category, walk.next_page, end)
            walk.is_done = True
            self.frontier.save_walk(self.job_id, walk)
            return False
        if not result.ok:
            message = f"listing {url}: {result.error}"
            log.warning("%s; walk of %s left to resume", message, walk.category)
            self.stats.warnings.append(message)
            self.stats.complete = False
            return False
        self.stats.listing_pages += 1
        self._last_cards[walk.category] = [card.url for card in listing.cards]
        log.info(
            "%s page %d: %d articles; next page: %s",
            walk.category,
            walk.next_page,
            len(listing.cards),
            f"{listing.next_url} ({listing.next_form})" if listing.next_url else "none linked",
        )
        walk.pending_page = walk.next_page
        walk.pending_cards = listing.cards
        walk.pending_has_next = listing.has_next
        walk.next_page += 1
        self.frontier.save_walk(self.job_id, walk)
        return True

    def _end_of_listing(self, walk: Walk, result: FetchResult, listing: Listing) -> str | None:
        """Why the page just asked for is past the end of the listing, or None: it does not
        exist (404, 410, no capture), has no cards, was redirected to another page (a site
        that sends unknown pages home), or only repeats the page before."""
        if result.status in (404, 410) or result.absent:
            return result.error or "not found"
        if not result.ok:
            return None
        if not listing.cards:
            return "no articles"
        assert result.response is not None
        if result.hops and listing_page_number(result.response.url) != walk.next_page:
            return f"redirected to {result.response.url}"
        if [card.url for card in listing.cards] == self._last_cards.get(walk.category):
            return "it repeats the page before"
        return None

    def _cards_of(self, result: FetchResult) -> Listing:
        assert result.response is not None
        page = result.response.body.decode("utf-8", errors="replace")
        return self.site.parse_listing(page, result.response.url)

    def _known_date(self, url: str) -> dt.date | None:
        """The exact publication date of an article read from its page, when stored."""
        row = self.frontier.get(url)
        if row is not None and row.published_date:
            return dt.date.fromisoformat(row.published_date)
        return self.stored.dates.get(url)

    def _known_dates(self, cards: list[Card]) -> dict[str, dt.date]:
        return {c.url: d for c in cards if (d := self._known_date(c.url)) is not None}

    def _process_page(self, walk: Walk) -> Iterator[RawDocument | Unreadable]:
        cards = walk.pending_cards or []
        self.stats.cards += len(cards)
        anchor_before = walk.anchor_date
        if anchor_before is None:
            yield from self._find_anchor(walk)
        dates, running = date_cards(cards, anchor_before, self._known_dates(cards))
        for card, date in zip(cards, dates, strict=True):
            if not self.bounds.wants(date):
                self.stats.out_of_range += 1
                continue
            row = self.frontier.get(card.url)
            if row is not None and row.job_id == self.job_id:
                continue  # taken on by this job already (a resumed page, or the anchor)
            if not self.options.refetch and (
                self.stored.holds(card.url) or (row is not None and row.state == "fetched")
            ):
                self.stats.already_stored += 1
                continue
            if self._limit_reached():
                break
            self.frontier.discover(
                card.url,
                site=self.site.name,
                job_id=self.job_id,
                category=walk.category,
                card_date=date,
            )
        walk.anchor_date = running
        walk.is_done = walk_ends_after(dates, self.bounds, has_next=walk.pending_has_next)
        walk.pending_cards = None
        walk.pending_page = None
        self.frontier.save_walk(self.job_id, walk)
        yield from self.fetch_queue()
        # The exact dates of the articles just fetched correct the inferred ones.
        _, corrected = date_cards(cards, anchor_before, self._known_dates(cards))
        if corrected is not None and corrected != walk.anchor_date:
            walk.anchor_date = corrected
            self.frontier.save_walk(self.job_id, walk)

    def _find_anchor(self, walk: Walk) -> Iterator[RawDocument | Unreadable]:
        """Without a date to count years from, fetch the page's first year-less articles
        (they are in range as far as anyone knows) until one gives its date."""
        cards = walk.pending_cards or []
        tries = 0
        for card in cards:
            if card.month_day is None or card.date is not None:
                continue
            if self._known_date(card.url) is not None or tries >= _ANCHOR_TRIES:
                return
            tries += 1
            row = self.frontier.get(card.url)
            if row is None or row.job_id != self.job_id or row.state == "discovered":
                self.frontier.discover(
                    card.url,
                    site=self.site.name,
                    job_id=self.job_id,
                    category=walk.category,
                    card_date=None,
                )
                row = self.frontier.get(card.url)
                assert row is not None
                yield self._emit(row.url, self.fetch_article(row))
            if self._known_date(card.url) is not None:
                return

    # -- fetching articles ------------------------------------------------------------------

    def fetch_queue(self) -> Iterator[RawDocument | Unreadable]:
        """Fetch the job's queued articles (a subclass may override this to only discover)."""
        rows = self.frontier.queued(self.job_id)
        workers = max(1, self.options.concurrency) * 2  # the site's host and Wayback's
        if len(rows) <= 1 or workers == 1 or self.options.concurrency <= 1:
            for row in rows:
                yield self._emit(row.url, self.fetch_article(row))
            return
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch") as pool:
            futures = {pool.submit(self.fetch_article, row): row.url for row in rows}
            for future in as_completed(futures):
                yield self._emit(futures[future], future.result())

    def _get_page(self, url: str, *, role: str, article_url: str | None = None) -> FetchResult:
        """A page from the origin, or in `--wayback only` mode its newest capture."""
        if self.options.wayback != "only":
            return self.client.get(url, role=role, article_url=article_url)
        assert self.wayback is not None
        canonical = self.site.canonical_base + url[len(self.site.base_url) :]
        outcome = self.wayback.fetch([canonical], article_url=article_url, role=role)
        if outcome.result is not None:
            return outcome.result
        return FetchResult(url, error=f"wayback: {outcome.reason}", absent=outcome.missing)

    def fetch_article(self, row: UrlRow) -> RawDocument | Unreadable:
        """Fetch one article (origin, then Wayback when the origin fails or the archive
        lost it); never raises: a failure is an `Unreadable` with a one-line reason."""
        try:
            return self._fetch_article_or_raise(row.url)
        except LandingZoneError:
            raise  # the landing zone is broken: fetching on would lose what comes
        except Exception as exc:  # one article must never end the crawl
            log.exception("unexpected failure fetching %s", row.url)
            return self._failed(row.url, f"internal error: {type(exc).__name__}: {exc}")

    def _fetch_article_or_raise(self, canonical: str) -> RawDocument | Unreadable:
        origin_reason = None
        if self.options.wayback != "only":
            result = self.client.get(
                self.site.to_fetch(canonical), role="article", article_url=canonical
            )
            if result.ok and result.response is not None and not is_html(result.response):
                # Recorded in the landing zone like any response, but not an article page.
                kind = media_type(result.response)
                return self._failed(canonical, f"origin: not an HTML page ({kind})")
            if result.ok:
                return self._landed(canonical, result)
            origin_reason = f"origin: {result.error}"
            lost = result.status == 404 and self.site.wayback_on_404
            if self.wayback is None or not (result.transient or lost):
                return self._failed(canonical, origin_reason)
        assert self.wayback is not None
        outcome = self.wayback.fetch(self.site.wayback_lookups(canonical), article_url=canonical)
        if outcome.ok and outcome.result is not None:
            return self._landed(canonical, outcome.result)
        reasons = [r for r in (origin_reason, f"wayback: {outcome.reason}") if r]
        return self._failed(canonical, "; ".join(reasons))

    def _landed(self, canonical: str, result: FetchResult) -> RawDocument | Unreadable:
        response, location = result.response, result.location
        assert response is not None and location is not None
        self.frontier.mark_fetched(
            canonical,
            fetch_uri=response.url,
            warc_path=location.path,
            warc_offset=location.offset,
            warc_end=location.end,
            fetched_from=response.fetched_from,
            http_status=response.status,
            fetched_at=response.fetched_at,
            published_date=published_date_of(response.body.decode("utf-8", errors="replace")),
        )
        if response.fetched_from == "wayback":
            self.stats.fetched_wayback += 1
        else:
            self.stats.fetched_origin += 1
        log.info("fetched %s (%s, %d bytes)", canonical, response.fetched_from, len(response.body))
        return read_record(Path(location.path), location.offset)

    def _failed(self, canonical: str, reason: str) -> Unreadable:
        reason = " ".join(reason.split())
        self.frontier.mark_failed(canonical, reason)
        self.stats.failed += 1
        log.warning("failed %s: %s", canonical, reason)
        return Unreadable(canonical, "fetch", reason)


def reconcile(frontier: Frontier, stored: StoredIndex) -> int:
    """Mark loaded the frontier's pages and failures that the warehouse already holds (their
    batch was committed before a kill); returns how many."""
    done = []
    for row in frontier.unloaded():
        landed = row.state == "fetched" and (row.warc_path, row.warc_offset) in stored.places
        refused = row.state == "failed" and (row.url, row.reason or "") in stored.fetch_rejects
        if landed or refused:
            done.append(row.url)
    frontier.mark_loaded(done)
    return len(done)


def without_credentials(options: CrawlOptions) -> tuple[CrawlOptions, Credentials]:
    """The options with both base URLs filled in (from the environment when not given) and
    any credentials in them (`https://user:password@mirror/`) taken out, and those
    credentials by host. Credentials come from the environment (`BULLETINS_*_BASE_URL`),
    are sent as HTTP Basic auth, and never reach a log, a WARC record or the warehouse."""
    base = options.base_url or make_site(options.site).base_url
    wayback = options.wayback_base_url or config.wayback_base_url()
    credentials: dict[str, tuple[str, str]] = {}
    urls = []
    for url in (base, wayback):
        bare, found = split_credentials(url)
        if found is not None:
            credentials[host_key(bare)] = found
        urls.append(bare)
    return replace(options, base_url=urls[0], wayback_base_url=urls[1]), credentials


@contextmanager
def crawl_session(
    options: CrawlOptions,
    *,
    frontier: Frontier,
    stored: StoredIndex,
    raw_dir: Path,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rng: random.Random | None = None,
) -> Iterator[Crawler]:
    """A crawler with its WARC writer and polite HTTP client open; the CLI's crawl and the
    Airflow steps both fetch through it. Raises ValueError for an unknown site or category,
    before any request."""
    if options.wayback not in WAYBACK_MODES:
        raise ValueError(f"--wayback must be one of {', '.join(WAYBACK_MODES)}")
    options, credentials = without_credentials(options)
    site = make_site(options.site, options.base_url)
    for category in options.categories or site.default_categories:
        site.category_key(category)
    settings = HttpSettings(
        user_agent=config.user_agent(),
        delay=options.delay,
        max_per_host=max(1, options.concurrency),
        connect_timeout=options.connect_timeout,
        read_timeout=options.read_timeout,
        total_timeout=options.total_timeout,
        retries=options.retries,
        backoff_base=options.backoff_base,
        max_retry_after=options.max_retry_after,
        max_bytes=options.max_bytes,
    )
    info = {"operator-contact": config.contact_url(), "crawl": repr(asdict(options))}
    with (
        WarcWriter(
            raw_dir,
            prefix="bulletins",
            info={"user-agent": settings.user_agent, **info},
            on_open=frontier.register_warc,
        ) as writer,
        HttpClient(
            settings,
            recorder=writer.write,
            robots_store=frontier,
            credentials=credentials,
            transport=transport,
            sleep=sleep,
            clock=clock,
            rng=rng,
        ) as client,
    ):
        wayback = None
        if options.wayback != "off":
            assert options.wayback_base_url is not None
            wayback = Wayback(client, options.wayback_base_url)
        yield Crawler(
            site, options, frontier=frontier, client=client, wayback=wayback, stored=stored
        )
