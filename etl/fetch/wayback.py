"""The Internet Archive's Wayback Machine as a second source of pages.

A page is looked up in the CDX API (`cdx/search/cdx?url=…&output=json`), which lists its
captures; the newest successful HTML capture is fetched raw (`web/<timestamp>id_/<url>`,
the bytes as captured, without the Wayback toolbar). Both answers pass through the same
polite client as the origin's, so they are recorded in the landing zone too, marked as
coming from Wayback.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from etl.fetch.http import FetchResult, HttpClient

log = logging.getLogger(__name__)

_CDX_FIELDS = "timestamp,original,statuscode,mimetype"
_NO_CAPTURE = "no capture"


@dataclass(frozen=True)
class Capture:
    """One capture listed by the CDX API."""

    timestamp: str  # YYYYMMDDhhmmss
    original: str
    status: str
    mimetype: str


def _without_scheme(url: str) -> str:
    return url.split("://", 1)[-1]


def parse_cdx(body: bytes) -> list[Capture]:
    """The captures of a CDX `output=json` answer (a header row, then one row per capture);
    an empty or unreadable answer has none."""
    try:
        rows = json.loads(body.decode("utf-8") or "[]")
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(rows, list) or len(rows) < 2 or not isinstance(rows[0], list):
        return []
    header = [str(name) for name in rows[0]]
    captures = []
    for row in rows[1:]:
        if not isinstance(row, list) or len(row) != len(header):
            continue
        item = dict(zip(header, (str(value) for value in row), strict=True))
        if "timestamp" in item and "original" in item:
            captures.append(
                Capture(
                    timestamp=item["timestamp"],
                    original=item["original"],
                    status=item.get("statuscode", ""),
                    mimetype=item.get("mimetype", ""),
                )
            )
    return captures


def best_capture(captures: list[Capture]) -> Capture | None:
    """The newest capture that was a 200 HTML page, else None."""
    usable = [c for c in captures if c.status == "200" and "html" in c.mimetype.lower()]
    return max(usable, key=lambda c: c.timestamp, default=None)


@dataclass
class WaybackOutcome:
    """What the Wayback Machine gave for a page: the fetch of the capture (when one was
    found) and a one-line reason when nothing usable came."""

    result: FetchResult | None
    reason: str | None
    missing: bool = False  # no address had a capture: the page is not there to be had

    @property
    def ok(self) -> bool:
        """A capture was fetched whole, with status 200."""
        return self.result is not None and self.result.ok


class Wayback:
    """Lookups and raw captures at a Wayback Machine (`base_url`, overridable for tests)."""

    def __init__(self, client: HttpClient, base_url: str) -> None:
        self.client = client
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"

    def cdx_url(self, url: str) -> str:
        """The CDX API query listing the successful captures of `url`."""
        query = urlencode(
            [
                ("url", _without_scheme(url)),
                ("output", "json"),
                ("fl", _CDX_FIELDS),
                ("filter", "statuscode:200"),
            ]
        )
        return f"{self.base_url}cdx/search/cdx?{query}"

    def capture_url(self, capture: Capture) -> str:
        """The raw capture's address (`id_`: the bytes as archived, no replay rewriting)."""
        return f"{self.base_url}web/{capture.timestamp}id_/{capture.original}"

    def lookup(self, url: str) -> tuple[Capture | None, str | None]:
        """The best capture of `url`, or None and why not."""
        result = self.client.get(self.cdx_url(url), role="cdx", fetched_from="wayback")
        if not result.ok or result.response is None:
            return None, f"CDX lookup failed ({result.error})"
        capture = best_capture(parse_cdx(result.response.body))
        if capture is None:
            return None, _NO_CAPTURE
        return capture, None

    def fetch(
        self, addresses: list[str], *, article_url: str | None, role: str = "article"
    ) -> WaybackOutcome:
        """Fetch the newest capture among `addresses` (tried in order) of a page: an article
        (`article_url` its canonical address) or, with `role`, a listing."""
        reasons = []
        missing = bool(addresses)
        for address in addresses:
            capture, reason = self.lookup(address)
            if capture is None:
                reasons.append(f"{_without_scheme(address)}: {reason}")
                missing = missing and reason == _NO_CAPTURE
                continue
            missing = False
            result = self.client.get(
                self.capture_url(capture),
                role=role,
                article_url=article_url,
                fetched_from="wayback",
            )
            if result.ok:
                return WaybackOutcome(result, None)
            reasons.append(f"capture {capture.timestamp}: {result.error}")
        return WaybackOutcome(None, "; ".join(reasons) or "no address to look up", missing)
