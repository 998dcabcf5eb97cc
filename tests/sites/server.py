"""A real HTTP server on 127.0.0.1 imitating sana.sy, archive.sana.sy and the Wayback Machine.

Three `ThreadingHTTPServer`s (one per host, port 0) share one `World`: the articles of
`tests.sites.corpus` rendered in their themes by `samples/render.py`, listing pages
(`tests.sites.pages`) in the pagination form asked of each host (`World.pagination`),
robots.txt with a Crawl-delay (decimals as written) and wildcard rules, the old `sana.sy/en/?p=<id>` addresses
redirecting (301) to the archive host, 404 for the WordPress REST API, feeds and sitemaps,
the archive article the host lost (`?p=75412`, 404), the Wayback CDX API
(`/cdx/search/cdx?url=…&output=json`) and raw captures (`/web/<timestamp>id_/<url>`).

Faults are scripted per host and path: 503 or 429 with Retry-After, 500, slow answers, stalls,
dropped connections, oversized pages. Every request is logged with the time it arrived, its
status and whether the answer was delivered whole, so tests count fetches and measure the
spacing of requests on the server's side.

Use the `sana_sites` fixture, or `running_sites()` as a context manager.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.sites import corpus, pages

SANA = "sana"
ARCHIVE = "sana-archive"
WAYBACK = "wayback"
HOSTS = (SANA, ARCHIVE, WAYBACK)

LOST_ARCHIVE_ID = 75412  # catalog bulletin 004: 404 at the archive host, captured by Wayback
_CURRENT_ARTICLE = re.compile(r"^/en/([a-z0-9-]+)/(\d+)/$")
_CURRENT_LISTING = re.compile(r"^/en/([a-z0-9-]+)/(?:page/(\d+)/)?$")
_CAPTURE = re.compile(r"^/web/(\d{14})id_/(.+)$")
_NOT_THERE = ("/wp-json", "/feed", "/sitemap", "/wp-sitemap", "/xmlrpc.php")


def url_key(url: str) -> str:
    """How the CDX API matches addresses: no scheme, no `www.`."""
    rest = url.split("://", 1)[-1]
    return rest.removeprefix("www.")


@dataclass
class Hit:
    """One request received."""

    host: str
    path: str
    agent: str = ""
    authorization: str = ""
    status: int | None = None
    completed: bool = False  # the answer was written whole
    at: float = field(default_factory=time.monotonic)  # when the request arrived


@dataclass
class Capture:
    """A page held by the imitated Wayback Machine."""

    timestamp: str
    original: str
    site: str
    post_id: int
    status: int = 200
    html: str | None = None  # a page other than an article (a listing), as captured


@dataclass
class World:
    """What the three hosts serve and what they were asked."""

    crawl_delay: dict[str, float | None] = field(
        default_factory=lambda: {SANA: 5, ARCHIVE: 5, WAYBACK: None}
    )
    disallow: dict[str, list[str]] = field(default_factory=lambda: {h: [] for h in HOSTS})
    # How each site paginates its listings: "default" (its own) or one of `pages.PAGINATIONS`.
    pagination: dict[str, str] = field(
        default_factory=lambda: {SANA: "default", ARCHIVE: "default"}
    )
    lost: set[tuple[str, int]] = field(default_factory=lambda: {(ARCHIVE, LOST_ARCHIVE_ID)})
    gzip: bool = True
    # Once this many article pages were served, hold further article requests unanswered
    # until `release` is set: a crawl stalls at a known point, to be killed there.
    hold_articles_after: int | None = None
    captures: list[Capture] = field(default_factory=list)
    bases: dict[str, str] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.release = threading.Event()  # lets held article requests go (unanswered)
        self._faults: dict[tuple[str, str], list[str]] = {}
        self._forever: dict[tuple[str, str], str] = {}
        lost = corpus.find(ARCHIVE, LOST_ARCHIVE_ID)
        assert lost is not None
        self.add_capture(f"http://sana.sy/en/?p={LOST_ARCHIVE_ID}", "20160410081500", ARCHIVE,
                         LOST_ARCHIVE_ID)  # fmt: skip

    # -- scripting --------------------------------------------------------------------------

    def add_fault(self, host: str, path: str, *actions: str, forever: bool = False) -> None:
        """Answer the next requests for `path` on `host` with `actions`, in order, then
        normally (`forever`: every request gets the one action). Actions: `503`, `503:<s>`
        (with Retry-After), `429:<s>`, `500`, `404`, `slow:<s>` (answer after s seconds),
        `stall` (never answer), `reset` (drop the connection), `huge:<bytes>`, `cut:<bytes>`
        (announce the whole page, send that many bytes of it, hang up), `endless` (a chunked
        body that never ends), `trickle` (the same, a chunk every 0.1 s), `type:<media type>`
        (the page under another Content-Type), `garbage` (random bytes as text/plain),
        `301:<path>` (a redirect to that path of the same host), `as:<path>` (the page at that
        path, served under the one asked for), `ok`."""
        with self.lock:
            if forever:
                self._forever[(host, path)] = actions[0]
            else:
                self._faults.setdefault((host, path), []).extend(actions)

    def add_capture(
        self, original: str, timestamp: str, site: str, post_id: int, html: str | None = None
    ) -> None:
        """Let the Wayback Machine hold a capture of an article (or of the page `html`)
        under `original`."""
        self.captures.append(Capture(timestamp, original, site, post_id, html=html))

    def _next_action(self, host: str, path: str) -> str:
        with self.lock:
            if (host, path) in self._forever:
                return self._forever[(host, path)]
            queue = self._faults.get((host, path))
            return queue.pop(0) if queue else "ok"

    # -- what was asked ---------------------------------------------------------------------

    def served(self, host: str | None = None, status: int | None = 200) -> Counter[str]:
        """How many times each path was answered whole (with `status`, None for any)."""
        with self.lock:
            return Counter(
                f"{h.host}:{h.path}"
                for h in self.hits
                if h.completed
                and (host is None or h.host == host)
                and (status is None or h.status == status)
            )

    def arrivals(self, host: str) -> list[float]:
        """When each request to `host` arrived (time.monotonic), in order."""
        with self.lock:
            return sorted(h.at for h in self.hits if h.host == host)

    def requested(self, host: str | None = None) -> Counter[str]:
        """How many times each path was requested (answered or not)."""
        with self.lock:
            return Counter(
                f"{h.host}:{h.path}" for h in self.hits if host is None or h.host == host
            )

    def articles_served(self) -> Counter[str]:
        """Article pages answered whole with 200, by `host:path` (captures included)."""
        return Counter(
            {key: n for key, n in self.served().items() if is_article_path(*key.split(":", 1))}
        )


def is_article_path(host: str, path: str) -> bool:
    """Whether a request path is an article page (or a raw capture) of `host`."""
    if host == ARCHIVE:
        return "p" in parse_qs(urlsplit(path).query)
    if host == SANA:
        return bool(_CURRENT_ARTICLE.match(urlsplit(path).path))
    return bool(_CAPTURE.match(path))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    world: World
    host_name: str


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the world's log is what tests read."""

    # -- answering --------------------------------------------------------------------------

    def _send(
        self,
        hit: Hit,
        status: int,
        body: bytes | str,
        content_type: str = "text/html; charset=UTF-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})
        fault, self._fault = getattr(self, "_fault", ""), ""
        kind, _, arg = fault.partition(":")
        if kind == "type":
            content_type = arg
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if self.server.world.gzip and accepts and content_type.startswith("text/html"):
            data = gzip.compress(data, mtime=0)
            extra["Content-Encoding"] = "gzip"
        hit.status = status
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Server", "nginx")
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data[: int(arg)] if kind == "cut" else data)
            self.wfile.flush()
            if kind == "cut":
                self.close_connection = True
                return
        except OSError:
            self.close_connection = True
            return
        with self.server.world.lock:
            hit.completed = True

    def do_GET(self) -> None:
        """Answer a GET as the host would, after the scripted fault, if any."""
        world = self.server.world
        host = self.server.host_name
        hit = Hit(
            host,
            self.path,
            self.headers.get("User-Agent") or "",
            self.headers.get("Authorization") or "",
        )
        with world.lock:
            world.hits.append(hit)
        if is_article_path(host, self.path) and host != WAYBACK:
            limit = world.hold_articles_after
            if limit is not None:
                done = sum(n for n in world.articles_served().values())
                if done >= limit:
                    world.release.wait(30)
                    self.close_connection = True
                    return
        action = world._next_action(host, self.path)
        kind, _, arg = action.partition(":")
        if kind in ("503", "429", "500", "404"):
            headers = {"Retry-After": arg} if arg else {}
            body = pages.not_found(host) if kind == "404" else pages.unavailable(int(kind))
            self._send(hit, int(kind), body, headers=headers)
            return
        if kind == "301":
            address, port = self.server.server_address[:2]
            self._send(hit, 301, "", headers={"Location": f"http://{address!s}:{port}{arg}"})
            return
        if kind == "as":
            self.path = arg
        if kind == "slow":
            world.stop.wait(float(arg))
        elif kind == "stall":
            world.stop.wait(30)
            self.close_connection = True
            return
        elif kind == "reset":
            self.close_connection = True
            return
        elif kind == "huge":
            self._send(hit, 200, b"<html><body>" + b"x" * int(arg) + b"</body></html>")
            return
        elif kind in ("endless", "trickle"):
            self._endless(hit, pause=0.1 if kind == "trickle" else 0.0)
            return
        elif kind == "garbage":
            noise = random.Random(self.path).randbytes(4096)
            self._send(hit, 200, noise, "text/plain")
            return
        elif kind in ("cut", "type"):
            self._fault = action
        self._route(hit, host)

    def _endless(self, hit: Hit, pause: float) -> None:
        """A 200 whose chunked body never ends, until the client hangs up or the test ends."""
        hit.status = 200
        chunk = b"<p>" + b"more " * 2000 + b"</p>\n"
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=UTF-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            first = b"<html><body>"
            self.wfile.write(f"{len(first):x}\r\n".encode() + first + b"\r\n")
            while not self.server.world.stop.is_set():
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.flush()
                if pause:
                    self.server.world.stop.wait(pause)
        except OSError:
            pass
        self.close_connection = True

    def _route(self, hit: Hit, host: str) -> None:
        world = self.server.world
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path == "/robots.txt":
            text = pages.robots(world.crawl_delay.get(host), world.disallow.get(host, []))
            self._send(hit, 200, text, "text/plain")
            return
        if any(part in parts.path for part in _NOT_THERE) or "feed" in query:
            self._send(hit, 404, pages.not_found(host))
            return
        if host == WAYBACK:
            self._wayback(hit, parts.path, query)
        elif host == ARCHIVE:
            self._archive(hit, parts.path, query)
        else:
            self._current(hit, parts.path, query)

    def _article(self, hit: Hit, site: str, post_id: int) -> None:
        self._send(hit, 200, corpus.page_html(site, post_id))

    def _archive(self, hit: Hit, path: str, query: dict[str, list[str]]) -> None:
        if path != "/en/":
            self._send(hit, 404, pages.not_found(ARCHIVE))
            return
        if "p" in query and query["p"][0].isdigit():
            post_id = int(query["p"][0])
            article = corpus.find(ARCHIVE, post_id)
            if article is None or (ARCHIVE, post_id) in self.server.world.lost:
                self._send(hit, 404, pages.not_found(ARCHIVE))
            else:
                self._article(hit, ARCHIVE, post_id)
            return
        if "cat" in query:
            category = query["cat"][0]
            page = int(query.get("paged", ["1"])[0])
            items = corpus.listing(ARCHIVE, category)
            if not items or page > pages.page_count(items):
                self._send(hit, 404, pages.not_found(ARCHIVE))
            else:
                style = self.server.world.pagination[ARCHIVE]
                self._send(hit, 200, pages.archive_listing(category, page, items, style))
            return
        self._send(hit, 404, pages.not_found(ARCHIVE))

    def _current(self, hit: Hit, path: str, query: dict[str, list[str]]) -> None:
        if path == "/en/" and "p" in query:
            # The old addresses moved to the archive host at the relaunch.
            target = f"{self.server.world.bases[ARCHIVE]}?p={query['p'][0]}"
            self._send(hit, 301, "", headers={"Location": target})
            return
        match = _CURRENT_ARTICLE.match(path)
        if match:
            article = corpus.find(SANA, int(match.group(2)))
            if article is None or article.categories[0] != match.group(1):
                self._send(hit, 404, pages.not_found(SANA))
            else:
                self._article(hit, SANA, article.post_id)
            return
        match = _CURRENT_LISTING.match(path)
        if match:
            items = corpus.listing(SANA, match.group(1))
            page = int(match.group(2) or 1)
            if not items or page > pages.page_count(items):
                self._send(hit, 404, pages.not_found(SANA))
            else:
                style = self.server.world.pagination[SANA]
                self._send(hit, 200, pages.current_listing(match.group(1), page, items, style))
            return
        self._send(hit, 404, pages.not_found(SANA))

    def _wayback(self, hit: Hit, path: str, query: dict[str, list[str]]) -> None:
        world = self.server.world
        if path == "/cdx/search/cdx":
            wanted = url_key(query.get("url", [""])[0])
            fields = query.get("fl", ["urlkey,timestamp,original,mimetype,statuscode"])[0]
            names = fields.split(",")
            filters = query.get("filter", [])
            rows: list[list[str]] = []
            for capture in sorted(world.captures, key=lambda c: c.timestamp):
                if url_key(capture.original) != wanted:
                    continue
                values = {
                    "urlkey": wanted,
                    "timestamp": capture.timestamp,
                    "original": capture.original,
                    "mimetype": "text/html",
                    "statuscode": str(capture.status),
                    "digest": "SHA1",
                    "length": "1000",
                }
                if any(f == "statuscode:200" and capture.status != 200 for f in filters):
                    continue
                rows.append([values.get(name, "-") for name in names])
            body = json.dumps([names, *rows]) if rows else "[]"
            self._send(hit, 200, body, "application/json")
            return
        match = _CAPTURE.match(self.path)
        if match:
            timestamp, original = match.group(1), match.group(2)
            for capture in world.captures:
                if capture.timestamp == timestamp and url_key(capture.original) == url_key(
                    original
                ):
                    html = capture.html or corpus.page_html(capture.site, capture.post_id)
                    self._send(hit, capture.status, html)
                    return
        self._send(hit, 404, pages.not_found(WAYBACK))


@dataclass
class Sites:
    """The running hosts: their base URLs and the shared world."""

    world: World
    sana: str  # base URL of the current site (`http://127.0.0.1:<port>/en/`)
    archive: str
    wayback: str  # `http://127.0.0.1:<port>/`

    def env(self) -> dict[str, str]:
        """Environment variables pointing the crawler at these hosts."""
        return {
            "BULLETINS_SANA_BASE_URL": self.sana,
            "BULLETINS_SANA_ARCHIVE_BASE_URL": self.archive,
            "BULLETINS_WAYBACK_BASE_URL": self.wayback,
        }

    def base(self, site: str) -> str:
        """The base URL of `sana`, `sana-archive` or `wayback`."""
        return {SANA: self.sana, ARCHIVE: self.archive, WAYBACK: self.wayback}[site]


@contextmanager
def running_sites(world: World | None = None) -> Iterator[Sites]:
    """Start the three hosts on 127.0.0.1 (free ports) and stop them afterwards."""
    world = world or World()
    servers: dict[str, _Server] = {}
    threads = []
    for host in HOSTS:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.world = world
        server.host_name = host
        servers[host] = server
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.daemon = True
        thread.start()
        threads.append(thread)
    ports = {host: server.server_address[1] for host, server in servers.items()}
    world.bases = {
        SANA: f"http://127.0.0.1:{ports[SANA]}/en/",
        ARCHIVE: f"http://127.0.0.1:{ports[ARCHIVE]}/en/",
        WAYBACK: f"http://127.0.0.1:{ports[WAYBACK]}/",
    }
    try:
        yield Sites(world, world.bases[SANA], world.bases[ARCHIVE], world.bases[WAYBACK])
    finally:
        world.stop.set()
        world.release.set()
        for server in servers.values():
            server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join(timeout=5)


@pytest.fixture
def sana_sites() -> Iterator[Sites]:
    """The imitated hosts, fresh for each test, asking for `Crawl-delay: 5` as SANA does
    (tests give the crawler a fake clock, or a world without it)."""
    with running_sites() as sites:
        yield sites
