"""The crawler's HTTP client: polite, patient with slow hosts, and forgetful of nothing.

- Politeness: robots.txt is read once per host and obeyed; a request to one host starts at
  least `delay` seconds (or the host's Crawl-delay, whichever is longer) after the previous
  request to it started and after its answer ended, with at most `max_per_host` in flight.
  Counting from the end of the answer is what makes the host see the delay: a request
  arrives after it is sent, and an answer ends after its request arrived, so two requests
  sent `delay` apart from their starts could arrive closer than that.
- Patience: timeouts sized for a host that takes a minute a page; retries with exponential
  backoff and full jitter on timeouts, connection errors, 429 and 5xx, waiting what a
  Retry-After header asks (up to a cap).
- Redirects are followed by hand, up to `max_redirects`, so that each hop passes the
  politeness gate of its own host and is recorded.
- Every response (retried 503s, redirects, robots.txt) goes to the recorder (the WARC
  landing zone) before anything else looks at it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpx

from etl.fetch.robots import (
    AGENT_TOKEN,
    MAX_ROBOTS_BYTES,
    RobotsRules,
    host_key,
    robots_url,
)
from etl.sources.warc import HTML_TYPES, RecordLocation, WebResponse

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

Recorder = Callable[[WebResponse], RecordLocation]
# HTTP Basic credentials by host (`https://mirror.example:8443`): user name and password.
Credentials = Mapping[str, tuple[str, str]]


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """A URL without its user name and password, and those (percent-decoded), if any."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port is not None else "")
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return bare, (unquote(parts.username or ""), unquote(parts.password or ""))


class RobotsStore(Protocol):
    """Where robots.txt answers are kept between runs (the frontier is one), so that a
    resumed crawl does not fetch them again."""

    def load(self, host: str) -> RobotsRules | None:
        """The rules stored for `host`, if still fresh."""

    def save(self, host: str, rules: RobotsRules) -> None:
        """Keep the rules fetched for `host`."""


class _Forgetful:
    """The store of a client without a frontier: it keeps nothing."""

    def load(self, host: str) -> RobotsRules | None:
        return None

    def save(self, host: str, rules: RobotsRules) -> None:
        return None


@dataclass(frozen=True)
class HttpSettings:
    """How the client behaves; the defaults suit the real SANA hosts."""

    user_agent: str
    delay: float = 5.0  # seconds between request starts on one host, at least
    max_per_host: int = 1
    connect_timeout: float = 20.0
    read_timeout: float = 90.0  # the archive host was seen taking 65 s for a page
    total_timeout: float = 240.0  # a whole response, however slowly it trickles in
    retries: int = 4  # attempts after the first
    backoff_base: float = 2.0
    backoff_cap: float = 120.0
    max_retry_after: float = 600.0
    max_redirects: int = 5
    max_bytes: int = 20_000_000
    obey_robots: bool = True


@dataclass
class FetchResult:
    """The outcome of one GET, after retries and redirects.

    `response` is the last response received (None when none came); `location` where it was
    recorded; `error` a one-line reason when the result is not a usable 200; `transient` when
    the failure is of the kind retries are for (timeouts, connection errors, 429, 5xx), which
    is what sends an article to the Wayback Machine.
    """

    url: str
    response: WebResponse | None = None
    location: RecordLocation | None = None
    attempts: int = 0
    error: str | None = None
    transient: bool = False
    blocked: bool = False  # robots.txt disallows it
    absent: bool = False  # the Wayback Machine holds no capture of it (its 404)
    hops: list[str] = field(default_factory=list)

    @property
    def status(self) -> int | None:
        """The last response's status, if one came."""
        return self.response.status if self.response else None

    @property
    def ok(self) -> bool:
        """A complete 200 response."""
        return self.error is None and self.status == 200


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait before retry number `attempt` (from 1): exponential, capped, with
    full jitter (uniform between 0 and the exponential bound), so that clients that failed
    together do not come back together."""
    bound = min(cap, base * (2 ** (attempt - 1)))
    return float(bound * rng.random())


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


def media_type(response: WebResponse) -> str:
    """A response's media type, such as `text/html`, or `no Content-Type`."""
    value = _header(response, "content-type") or ""
    return value.split(";", 1)[0].strip().lower() or "no Content-Type"


def is_html(response: WebResponse | None) -> bool:
    """Whether a response says it is an HTML page."""
    return response is not None and media_type(response) in HTML_TYPES


def _not_text(body: bytes) -> bool:
    """Whether a body is binary: NUL bytes, or more than a tenth of its first 4 KB not
    valid UTF-8."""
    head = body[:4096]
    if b"\0" in head:
        return True
    return head.decode("utf-8", errors="replace").count("\ufffd") > len(head) / 10


def _header(response: WebResponse, name: str) -> str | None:
    return next((v for k, v in response.headers if k.lower() == name), None)


class _HostGate:
    """Per-host spacing of requests and a bound on requests in flight. A request starts
    `delay` after the later of the previous start and the previous end on its host; the
    delay is the one known when the request comes, so the first request after robots.txt
    already waits its Crawl-delay."""

    def __init__(self, max_per_host: int, clock: Callable[[], float]) -> None:
        self._max = max_per_host
        self._clock = clock
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._last: dict[str, float] = {}  # the latest start or end of a request, by host

    def acquire(self, host: str, delay: float) -> float:
        """Take a slot on `host`; returns how long to sleep before sending."""
        with self._lock:
            slot = self._slots.setdefault(host, threading.Semaphore(self._max))
        slot.acquire()
        with self._lock:
            now = self._clock()
            last = self._last.get(host)
            start = now if last is None else max(now, last + delay)
            self._last[host] = start
        return start - now

    def release(self, host: str) -> None:
        """Give the slot back once the request has ended (answered or failed)."""
        with self._lock:
            slot = self._slots[host]
            self._last[host] = max(self._last.get(host, 0.0), self._clock())
        slot.release()


class _TooLarge(Exception):
    pass


class HttpClient:
    """A polite GET client that records every response it receives.

    `sleep` and `clock` are injectable so that tests can run a crawl with real delays and
    backoffs in no time, and see exactly what was waited.
    """

    def __init__(
        self,
        settings: HttpSettings,
        *,
        recorder: Recorder | None = None,
        robots_store: RobotsStore | None = None,
        credentials: Credentials | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self._recorder = recorder
        self._robots_store: RobotsStore = robots_store or _Forgetful()
        self._auth = {
            host: httpx.BasicAuth(user, password)
            for host, (user, password) in (credentials or {}).items()
        }
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._gate = _HostGate(max(1, settings.max_per_host), clock)
        self._robots: dict[str, RobotsRules] = {}
        self._robots_lock = threading.Lock()
        self._client = httpx.Client(
            headers={
                "User-Agent": settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
                "Accept-Encoding": "gzip, deflate",
                "Accept-Language": "en",
            },
            timeout=httpx.Timeout(
                settings.read_timeout,
                connect=settings.connect_timeout,
                pool=settings.total_timeout,
            ),
            follow_redirects=False,
            transport=transport,
        )
        self._counts_lock = threading.Lock()
        self.n_requests = 0
        self.n_retries = 0
        self.waits: list[tuple[str, float]] = []  # (why, seconds) of every wait, for reports

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- robots.txt -------------------------------------------------------------------------

    def robots_for(self, url: str) -> RobotsRules:
        """The robots.txt rules of `url`'s host, fetched once (and kept in the store)."""
        host = host_key(url)
        with self._robots_lock:
            rules = self._robots.get(host)
            if rules is None:
                rules = self._robots_store.load(host)
            if rules is None:
                rules = self._fetch_robots(url)
                self._robots_store.save(host, rules)
            self._robots[host] = rules
        return rules

    def _fetch_robots(self, url: str) -> RobotsRules:
        address = robots_url(url)
        # RFC 9309: follow at least five redirects of robots.txt.
        for _ in range(5):
            result = self._get_with_retries(
                address,
                role="robots",
                article_url=None,
                fetched_from="origin",
                delay=self.settings.delay,
            )
            response = result.response
            if response is None or response.status not in REDIRECT_STATUSES:
                break
            location = _header(response, "location")
            if not location:
                break
            address = urljoin(address, location.strip())
        if result.response is None:
            log.warning(
                "robots.txt of %s unreachable (%s): host skipped", host_key(url), result.error
            )
            return RobotsRules(status=None)
        body = result.response.body
        if result.response.status >= 500:
            log.warning(
                "robots.txt of %s answered HTTP %d: host skipped for now",
                host_key(url),
                result.response.status,
            )
        elif result.response.status < 300 and _not_text(body):
            # Not a robots.txt (an error page of some proxy, random bytes): it forbids
            # nothing it can be read to forbid, so the host's paths are allowed, as RFC 9309
            # has it for lines it cannot parse; said once, so that someone can look.
            log.warning("robots.txt of %s is not text: read as allowing everything", host_key(url))
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return RobotsRules(status=result.response.status, text=text)

    def host_delay(self, url: str) -> float:
        """Seconds between requests to `url`'s host: our delay or its Crawl-delay, the
        longer."""
        delay = self.settings.delay
        if self.settings.obey_robots:
            asked = self.robots_for(url).crawl_delay(AGENT_TOKEN)
            if asked is not None:
                delay = max(delay, asked)
        return delay

    # -- requests ---------------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        role: str = "article",
        article_url: str | None = None,
        fetched_from: str = "origin",
    ) -> FetchResult:
        """GET `url`, obeying robots.txt, retrying and following redirects; every response
        received is recorded. Never raises for network trouble: the result says what
        happened."""
        current = url
        hops: list[str] = []
        attempts = 0
        while True:
            if self.settings.obey_robots and not self.robots_for(current).allowed(current):
                closed = self.robots_for(current).closed_reason
                return FetchResult(
                    url,
                    attempts=attempts,
                    error=f"host closed for now: {closed}"
                    if closed
                    else "disallowed by robots.txt",
                    blocked=True,
                    hops=hops,
                )
            result = self._get_with_retries(
                current,
                role=role,
                article_url=article_url,
                fetched_from=fetched_from,
                delay=self.host_delay(current),
            )
            attempts += result.attempts
            result.url, result.attempts, result.hops = url, attempts, hops
            response = result.response
            if response is None or response.status not in REDIRECT_STATUSES:
                return result
            location = _header(response, "location")
            if not location:
                return result
            if len(hops) >= self.settings.max_redirects:
                result.error = f"more than {self.settings.max_redirects} redirects"
                return result
            hops.append(current)
            current = urljoin(current, location.strip())

    def _get_with_retries(
        self,
        url: str,
        *,
        role: str,
        article_url: str | None,
        fetched_from: str,
        delay: float,
    ) -> FetchResult:
        host = host_key(url)
        result = FetchResult(url)
        for attempt in range(1, self.settings.retries + 2):
            result.attempts = attempt
            retry_after: float | None = None
            wait = self._gate.acquire(host, delay)
            try:
                if wait > 0:
                    self._wait("politeness", wait)
                with self._counts_lock:
                    self.n_requests += 1
                response, error = self._request_once(url, role, article_url, fetched_from)
            finally:
                self._gate.release(host)
            if response is not None:
                result.response = response
                result.location = self._recorder(response) if self._recorder else None
                if error is not None:  # too large: recorded (truncated), never retried
                    result.error, result.transient = error, False
                    return result
                if response.status not in RETRY_STATUSES:
                    result.error, result.transient = None, False
                    if response.status != 200 and response.status not in REDIRECT_STATUSES:
                        result.error = f"HTTP {response.status} {response.reason}".strip()
                    return result
                error = f"HTTP {response.status} {response.reason}".strip()
                retry_after = parse_retry_after(_header(response, "retry-after"))
            result.error, result.transient = error, True
            if attempt > self.settings.retries:
                break
            with self._counts_lock:
                self.n_retries += 1
            if retry_after is not None:
                pause = min(retry_after, self.settings.max_retry_after)
            else:
                pause = backoff_delay(
                    attempt, self.settings.backoff_base, self.settings.backoff_cap, self._rng
                )
            log.info("%s: %s; retry %d in %.1f s", url, error, attempt, pause)
            self._wait("retry", pause)
        if result.error and result.attempts > 1:
            result.error = f"{result.error} after {result.attempts} attempts"
        return result

    def _wait(self, why: str, seconds: float) -> None:
        self.waits.append((why, seconds))
        if seconds > 0:
            self._sleep(seconds)

    def _request_once(
        self, url: str, role: str, article_url: str | None, fetched_from: str
    ) -> tuple[WebResponse | None, str | None]:
        """One request: the response (body decoded, cut at the size limit) and an error, or
        no response and the one-line reason."""
        deadline = time.monotonic() + self.settings.total_timeout
        try:
            # Credentials go to their own host only, never to where it redirects.
            auth = self._auth.get(host_key(url))
            with self._client.stream("GET", url, auth=auth) as response:
                fetched_at = dt.datetime.now(dt.UTC)
                body = bytearray()
                error = None
                try:
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > self.settings.max_bytes:
                            raise _TooLarge
                        if time.monotonic() > deadline:
                            raise httpx.ReadTimeout("total timeout", request=response.request)
                except _TooLarge:
                    del body[self.settings.max_bytes :]
                    error = f"response larger than {self.settings.max_bytes} bytes"
                headers = [
                    (key.decode("latin-1"), value.decode("latin-1"))
                    for key, value in response.headers.raw
                ]
                return (
                    WebResponse(
                        url=str(response.url),
                        status=response.status_code,
                        reason=response.reason_phrase,
                        headers=headers,
                        body=bytes(body),
                        fetched_at=fetched_at,
                        fetched_from=fetched_from,
                        role=role,
                        article_url=article_url,
                        http_version=response.http_version,
                        truncated=error is not None,
                    ),
                    error,
                )
        except httpx.TimeoutException as exc:
            return None, f"timed out ({type(exc).__name__})"
        except httpx.TransportError as exc:
            detail = str(exc).splitlines()[0] if str(exc) else ""
            return None, f"connection failed ({type(exc).__name__}{': ' if detail else ''}{detail})"
        except httpx.DecodingError as exc:
            return None, f"undecodable response ({exc})"
