"""The bulletin rules, shared by text and HTML: split blocks into the parts of a bulletin.

Input is the headline and the blocks (paragraph-sized lines) that follow it, in order, as a
text file or trafilatura gives them. Output is a `Bulletin` whose body holds the article's
own paragraphs and nothing else: the Check Also footer, the byline, image captions and the
dateline are taken out into their own fields.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from etl.errors import Rejected
from etl.extract.byline import parse_byline
from etl.extract.dateline import lead_weekday, split_dateline
from etl.model import Bulletin, RelatedLink

_CHECK_ALSO = re.compile(r"^check also\s*:?$", re.IGNORECASE)
# A caption is a short line between paragraphs that ends in a picture number and holds no
# sentence punctuation: "President al-Assad-Kamal Kharrazi-Iran 1".
_CAPTION = re.compile(r"^[^.!?]{3,150}\s\d{1,3}$")
_MAX_CAPTION_WORDS = 20
# A paragraph that ends in none of these was cut off at the source (seed 001).
_SENTENCE_END = (".", "!", "?", "…", ":", '"', "”", "’", "'", "»", ")")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalize_space(text: str) -> str:
    """Fold runs of spaces (including no-break spaces) into one and trim the ends."""
    return _SPACES.sub(" ", text).strip()


def is_check_also(block: str) -> bool:
    """True for the heading of the Check Also footer (`Check Also`)."""
    return bool(_CHECK_ALSO.match(block))


def is_caption(block: str) -> bool:
    """True for an image caption line such as `President al-Assad-Kamal Kharrazi-Iran 1`."""
    return bool(_CAPTION.match(block)) and len(block.split()) <= _MAX_CAPTION_WORDS


def ends_mid_sentence(paragraph: str) -> bool:
    """True when a paragraph stops without closing punctuation, i.e. was cut off."""
    return not paragraph.rstrip().endswith(_SENTENCE_END)


def _split_footer(blocks: list[str]) -> tuple[list[str], RelatedLink | None]:
    for index, block in enumerate(blocks):
        if _CHECK_ALSO.match(block):
            footer = blocks[index + 1 :]
            link = None
            if footer:
                teaser = " ".join(footer[1:]) or None
                link = RelatedLink(title=footer[0], teaser=teaser, url=None, kind="check_also")
            return blocks[:index], link
    return blocks, None


def build_bulletin(
    headline: str,
    blocks: Iterable[str],
    *,
    url: str | None,
    source: str,
    published_date: dt.date | None,
    related: Sequence[RelatedLink] = (),
    captions: Sequence[str] = (),
) -> Bulletin:
    """Apply the bulletin rules to a headline and its blocks.

    `related` and `captions` are what a recognised theme's markup already gave; they take
    precedence over what the text rules find, and any block equal to a known caption is
    dropped from the body. Raises `Rejected` when no body paragraph is left.
    """
    headline = normalize_space(headline)
    known_captions = [normalize_space(c) for c in captions if normalize_space(c)]
    known = set(known_captions)
    lines = [normalize_space(block) for block in blocks]
    lines = [line for line in lines if line and line not in known]
    if lines and lines[0] == headline:
        lines = lines[1:]
    if _CHECK_ALSO.match(headline):
        # A text that opens with the footer's heading has no headline of its own.
        lines, headline = [headline, *lines], ""

    lines, footer_link = _split_footer(lines)
    links = list(related)
    if footer_link is not None and not any(link.kind == "check_also" for link in links):
        links.insert(0, footer_link)

    authors: list[str] = []
    desk: str | None = None
    if len(lines) >= 2:
        byline = parse_byline(lines[-1])
        if byline is not None:
            authors, desk = byline
            lines = lines[:-1]

    found_captions = [line for line in lines[1:] if is_caption(line)]
    if found_captions:
        lines = [lines[0]] + [line for line in lines[1:] if not is_caption(line)]

    dateline: str | None = None
    if lines:
        dateline, lead = split_dateline(lines[0])
        lines[0] = lead.strip()
        lines = [line for line in lines if line]
    if not lines:
        raise Rejected("parse", "no body text: only a headline, byline or Check Also footer")

    truncated = [ends_mid_sentence(line) for line in lines]
    warnings = [
        f'paragraph {position} ends mid-sentence: "…{" ".join(line.split()[-6:])}"'
        for position, (line, cut) in enumerate(zip(lines, truncated, strict=True), start=1)
        if cut
    ]
    return Bulletin(
        url=url,
        source=source,
        headline=headline,
        published_date=published_date,
        dateline=dateline,
        weekday=lead_weekday(lines[0]),
        authors=authors,
        desk=desk,
        captions=known_captions + [c for c in found_captions if c not in known],
        related=links,
        paragraphs=lines,
        truncated=truncated,
        warnings=warnings,
    )
