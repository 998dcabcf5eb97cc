"""robots.txt: which paths a host lets us fetch, and how long it asks us to wait between
requests (Crawl-delay).

What an answer means follows RFC 9309: a 2xx body is parsed; 4xx (no robots.txt) allows
everything; a 5xx or an unreachable host disallows everything for now, since the host may be
unable to say what it forbids.

A body is read as search engines read it (RFC 9309 and Google's rules), with Protego, the
parser Scrapy uses: `*` matches any run of characters and `$` ends a pattern; the longest
matching pattern wins, `Allow` on a tie; our own `User-agent` group replaces the `*` group;
Crawl-delay may have decimals (`0.5`). The standard library's robotparser reads none of that:
it takes patterns literally, lets the first matching line win, and drops a Crawl-delay that
is not a whole number.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

AGENT_TOKEN = "sana-bulletins"
# RFC 9309 asks crawlers to parse at least the first 500 KiB of a robots.txt; what follows
# is ignored, so that an endless or enormous file costs no more than that.
MAX_ROBOTS_BYTES = 512 * 1024


def robots_url(url: str) -> str:
    """The robots.txt address of a URL's host (scheme, host and port kept)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def host_key(url: str) -> str:
    """The host a politeness rule applies to: scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


@dataclass
class RobotsRules:
    """The rules of one host for our user agent."""

    status: int | None  # the robots.txt answer's status; None when the host was unreachable
    text: str = ""

    def __post_init__(self) -> None:
        self._parser: Protego | None = None
        if self.status is not None and 200 <= self.status < 300:
            self._parser = Protego.parse(self.text[:MAX_ROBOTS_BYTES])

    @property
    def closed_reason(self) -> str | None:
        """Why the host is closed to us for now, or None when it is not."""
        if self.status is None:
            return "robots.txt unreachable"
        if self.status >= 500:
            return f"robots.txt answered HTTP {self.status}"
        return None

    @property
    def disallow_all(self) -> bool:
        """Whether the host is closed to us for now (robots.txt unreachable or 5xx)."""
        return self.status is None or self.status >= 500

    def allowed(self, url: str, agent: str = AGENT_TOKEN) -> bool:
        """Whether `url` may be fetched by `agent`."""
        if self.disallow_all:
            return False
        if self._parser is None:
            return True
        return self._parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str = AGENT_TOKEN) -> float | None:
        """The Crawl-delay the host asks of `agent` (its own group, else `*`), in seconds,
        decimals kept; None when it asks none or writes something that is not a number."""
        if self._parser is None:
            return None
        return self._parser.crawl_delay(agent)
