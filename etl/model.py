"""Plain data passed between stages: a raw input document and a parsed bulletin."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

RelatedKind = Literal["check_also", "related", "inline"]


@dataclass(frozen=True)
class RawDocument:
    """One input as read from disk (or later, the network): bytes plus what came with them."""

    uri: str
    data: bytes
    media_type: str  # "text/plain" or "text/html"
    raw_location: str  # a file path: the input itself, or the WARC file holding its record
    raw_offset: int | None = None  # the record's offset in that WARC file
    url: str | None = None
    published: str | None = None  # ISO date or datetime, from a sidecar
    fetched_at: dt.datetime | None = None  # when fetched from the web (UTC)
    fetched_from: str | None = None  # "origin" or "wayback"; None for local files
    http_status: int | None = None


@dataclass(frozen=True)
class Unreadable:
    """An input that could not even be read into a `RawDocument`, with the reason."""

    uri: str
    stage: str
    reason: str


@dataclass(frozen=True)
class RelatedLink:
    """A link to another bulletin: the Check Also footer or a Related Articles entry."""

    title: str
    teaser: str | None
    url: str | None
    kind: RelatedKind

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "teaser": self.teaser, "url": self.url, "kind": self.kind}


@dataclass
class Bulletin:
    """A parsed bulletin: the fields of `bulletins parse --json`, plus truncation flags."""

    url: str | None
    source: str
    headline: str
    published_date: dt.date | None
    dateline: str | None
    weekday: str | None
    authors: list[str]
    desk: str | None
    captions: list[str]
    related: list[RelatedLink]
    paragraphs: list[str]
    truncated: list[bool] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The article's own paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object printed by `bulletins parse --json`, with exactly its keys."""
        return {
            "url": self.url,
            "source": self.source,
            "headline": self.headline,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "dateline": self.dateline,
            "weekday": self.weekday,
            "authors": list(self.authors),
            "desk": self.desk,
            "captions": list(self.captions),
            "related": [link.to_dict() for link in self.related],
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "warnings": list(self.warnings),
        }
