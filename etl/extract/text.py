"""Text bulletins in the shapes people and tools dump them: find the bulletin in the text.

Shapes read:
- the seeds' own: the headline, then paragraphs separated by blank lines;
- one paragraph per line with no blank lines (copy-paste, scrapers, exports, Common Crawl's
  WET files);
- text wrapped by a tool at a fixed width (`fmt`, a text browser, e-mail): its lines are
  joined back where the tool broke them;
- the whole page's text (a browser's "save as text", a text-mode dump, the text of an
  archived page): the site's menus, tickers, share bars, sidebars and footer around the
  bulletin, in either of the shapes above.

The first paragraph is found first: SANA's dateline (`Damascus, SANA –`) anchors it, or,
for a bulletin without one, the first sentence of the longest run of running text. The
headline is the title-like line before it (or the page title's first part, when the text
starts with `<headline> | <site>` and repeats it). The bulletin ends at the first line of
page chrome or at its Check Also box; after its last sentence only captions and the
byline are kept. A text in which no paragraph is found is read with its headline on the
first line and a paragraph on each line after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from etl.errors import Rejected
from etl.extract import chrome
from etl.extract.bulletin import build_bulletin, is_caption, is_check_also, normalize_space
from etl.extract.byline import parse_byline
from etl.extract.dateline import split_dateline
from etl.model import Bulletin
from etl.sites import parse_date, source_of

_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "»", ")")
_CLOSING = "\"”’'»)]"
_TEASER_END = ("…", "...", "[…]")
# A page title as browsers and WET files give it: `<headline> | <site>`, `<headline> - <site>`.
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_SANA_TITLE = re.compile(
    r"^(?P<headline>.+?)\s+[|–—-]\s+(?:SANA\b|Syrian Arab News Agency).*$", re.IGNORECASE
)
_MAX_TITLE_CHARS = 400
_MAX_TITLE_CUTS = 3  # the site's name may hold a separator too
_MAX_TITLE_WORDS = 30
# A run of running text holds at least this many words to be taken for a bulletin's body.
_MIN_BODY_WORDS = 12
# A paragraph cut off at the source before its full stop (seed 001) is a line this long
# that stops on a function word, or any line longer than a headline.
_MIN_CUT_WORDS = 8
_MIN_UNPUNCTUATED_WORDS = 25
# A paragraph cut off at the source may stop on one of these; a headline never does.
_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"than", "that", "the", "to", "which", "while", "who", "with"}
)
_MAX_INLINE_TITLES = 8
_MAX_BOX_LINES = 4  # the Check Also box's heading to its title, past its buttons
# A tool that wraps text (fmt, fold, a text browser, e-mail) breaks lines at a width of 60
# to 100 characters, and fills its lines up to that width.
_MAX_WRAP_WIDTH = 100
_MIN_WRAP_WIDTH = 40
_FULL_SLACK = 12  # a filled line ends within a long word of the width
_MAX_LONG_SHARE = 0.1  # of the text's words on lines wider than any wrap
_MIN_FULL_SHARE = 0.3  # of the text's words on filled lines


class _Kind(NamedTuple):
    """What one line of a text is, as far as finding the bulletin goes."""

    blank: bool
    chrome: bool  # page chrome or post meta (a Check Also heading is not)
    check_also: bool  # the heading of the Check Also box
    inline: bool  # the heading of a box of titles inside the body (`Read More`)
    dateline: bool  # opens with SANA's dateline and goes on
    teaser: bool  # ends cut off with `…`, as teasers of other bulletins do
    prose: bool  # running text: a sentence, or a long paragraph cut off at the source
    sentence: bool  # a whole sentence or more
    title: bool  # could be a headline


def _kind(line: str) -> _Kind:
    if not line:
        return _Kind(True, False, False, False, False, False, False, False, False)
    check_also = is_check_also(line)
    is_chrome = not check_also and chrome.is_chrome(line)
    words = line.split()
    place, rest = split_dateline(line)
    sentence = not is_chrome and len(words) >= 3 and line.endswith(_SENTENCE_END)
    cut_off = words[-1].casefold() in _FUNCTION_WORDS
    return _Kind(
        blank=False,
        chrome=is_chrome,
        check_also=check_also,
        inline=chrome.is_inline_heading(line),
        dateline=place is not None and len(rest.split()) >= 3,
        teaser=line.endswith(_TEASER_END),
        prose=sentence
        or (
            not is_chrome
            and (
                len(words) >= _MIN_UNPUNCTUATED_WORDS or (cut_off and len(words) >= _MIN_CUT_WORDS)
            )
        ),
        sentence=sentence,
        title=not is_chrome
        and not check_also
        and len(words) <= _MAX_TITLE_WORDS
        and not line.rstrip(_CLOSING).endswith((".", *_TEASER_END))
        and not cut_off,
    )


@dataclass(frozen=True)
class _Found:
    """A bulletin found in a text: its headline, its blocks for the bulletin rules (the
    paragraphs, captions and byline, then the Check Also box), and the publication date
    that the post meta under the headline states."""

    headline: str
    blocks: list[str]
    published: dt.date | None


class _Text:
    """A text's lines, each classified once."""

    def __init__(self, text: str) -> None:
        self.lines = _unwrap(
            [normalize_space(chrome.strip_bullet(line)) for line in text.splitlines()]
        )
        known: dict[str, _Kind] = {}  # menus and sidebars repeat the same lines
        self.kinds = [known.get(line) or known.setdefault(line, _kind(line)) for line in self.lines]

    def following(self, index: int, n: int) -> list[int]:
        """The indices of the next `n` non-blank lines after `index`."""
        found: list[int] = []
        for at in range(index + 1, len(self.lines)):
            if not self.kinds[at].blank:
                found.append(at)
                if len(found) == n:
                    break
        return found

    def box(self, heading: int) -> list[int]:
        """The lines of the Check Also box under `heading`: the other bulletin's title and
        its teaser, passing over the box's own buttons and labels (`Close`, a category)."""
        title = next(
            (
                at
                for at in self.following(heading, _MAX_BOX_LINES)
                if self.kinds[at].title and len(self.lines[at].split()) >= 3
            ),
            None,
        )
        if title is None:
            return []
        teaser = self.following(title, 1)
        if teaser and (self.kinds[teaser[0]].teaser or self.kinds[teaser[0]].dateline):
            return [title, teaser[0]]
        return [title]

    def title_headline(self) -> tuple[str | None, int | None]:
        """The headline that a page title on the first line gives (`<headline> | <site>`),
        and the index of the line that repeats it, if one does."""
        first = next((i for i, kind in enumerate(self.kinds) if not kind.blank), None)
        if first is None or len(self.lines[first]) > _MAX_TITLE_CHARS:
            return None, None
        title = self.lines[first]
        sana = _SANA_TITLE.match(title)
        candidates = [sana.group("headline")] if sana else []
        cuts = [match.start() for match in _TITLE_SEPARATOR.finditer(title)]
        candidates += [title[:cut] for cut in reversed(cuts[-_MAX_TITLE_CUTS:])]
        wanted = {candidate.casefold(): candidate for candidate in candidates}
        for index in range(first + 1, len(self.lines)):
            if self.lines[index].casefold() in wanted:
                return self.lines[index], index
        return (sana.group("headline") if sana else None), None

    def anchor(self, start: int) -> tuple[int, bool] | None:
        """The first paragraph's line from `start` on, and whether it opens with a dateline:
        the first line that does, else the first sentence of the longest run of running
        text between lines of chrome (an article's body outweighs a standfirst or a
        footer's blurb)."""
        held = {at for i, kind in enumerate(self.kinds) if kind.check_also for at in self.box(i)}
        usable = [
            i
            for i in range(start, len(self.lines))
            if not self.kinds[i].blank and not self.kinds[i].teaser and i not in held
        ]
        for index in usable:
            if self.kinds[index].dateline:
                return index, True
        best = (0, -1)  # (words of running text, its first sentence)
        words, first = 0, -1
        for index in [*usable, len(self.lines)]:
            kind = self.kinds[index] if index < len(self.lines) else None
            if kind is None or kind.chrome or kind.check_also:
                if first >= 0 and words > best[0]:
                    best = (words, first)
                words, first = 0, -1
            elif kind.prose:
                words += len(self.lines[index].split())
                if first < 0 and kind.sentence:
                    first = index
        return (best[1], False) if best[0] >= _MIN_BODY_WORDS else None

    def headline_before(self, anchor: int) -> int | None:
        """The headline's line: the nearest line before the first paragraph that can be
        one (post meta, chrome and the sentences of a lead are passed over)."""
        return next((i for i in range(anchor - 1, -1, -1) if self.kinds[i].title), None)

    def region(self, anchor: int) -> list[str]:
        """The lines from the first paragraph to the first line of chrome or the Check
        Also box, without the titles of an inline box of other bulletins."""
        kept: list[str] = []
        index = anchor
        while index < len(self.lines):
            kind = self.kinds[index]
            if kind.chrome or kind.check_also:
                break
            index += 1
            if kind.inline:
                listed = 0
                while index < len(self.lines) and listed < _MAX_INLINE_TITLES:
                    line = self.kinds[index]
                    if not (line.blank or (line.title and not is_caption(self.lines[index]))):
                        break
                    listed += not line.blank
                    index += 1
            elif not kind.blank:
                kept.append(self.lines[index - 1])
        return kept

    def lead(self, head: int, anchor: int) -> list[str]:
        """The sentences between the headline and an undated first paragraph that belong
        to the body: those after the last line of chrome (a standfirst above the byline
        and the date is not body)."""
        lead: list[str] = []
        for index in range(anchor - 1, head, -1):
            if self.kinds[index].chrome:
                break
            if self.kinds[index].prose:
                lead.insert(0, self.lines[index])
        return lead

    def check_also(self, after: int) -> list[str]:
        """The first Check Also box after the first paragraph, as the blocks the bulletin
        rules read: the heading, the title and the teaser."""
        for index in range(after, len(self.lines)):
            if self.kinds[index].check_also:
                return ["Check Also", *(self.lines[at] for at in self.box(index))]
        return []

    def published(self, head: int, anchor: int) -> dt.date | None:
        """The publication date that the post meta between headline and first paragraph
        states (not the date of an update, nor the site header's date above the headline)."""
        for index in range(head + 1, anchor):
            found = chrome.meta_date(self.lines[index]) if self.kinds[index].chrome else None
            if found is not None:
                try:
                    return dt.date(*found)
                except ValueError:
                    continue
        return None


def _wrap_width(lines: list[str]) -> int | None:
    """The width a tool wrapped a text at, or None when it was not wrapped: hardly any of
    its words on lines wider than 100 characters, and many on lines filled to within a
    word of the widest, which is 40 characters at least."""
    sized = [(len(line), len(line.split())) for line in lines if line]
    total = sum(words for _, words in sized)
    if not total or sum(w for n, w in sized if n > _MAX_WRAP_WIDTH) > _MAX_LONG_SHARE * total:
        return None
    width = max(n for n, _ in sized if n <= _MAX_WRAP_WIDTH)
    full = sum(words for n, words in sized if width - _FULL_SLACK <= n <= width)
    return width if width >= _MIN_WRAP_WIDTH and full >= _MIN_FULL_SHARE * total else None


def _unwrap(lines: list[str]) -> list[str]:
    """The lines as written before a tool wrapped them: a line is joined to the one before
    it when its first word would not have fitted there (the break was the tool's)."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    joined: list[list[str]] = []
    previous = ""
    for line in lines:
        fits = len(previous) + 1 + len(line.split()[0]) <= width if line and previous else True
        if not fits and len(line) <= width:
            # A wrapper may break after a word's hyphen (`al-` / `Jazeera`).
            hyphen = len(previous) > 1 and previous[-1] == "-" and previous[-2].isalpha()
            joined[-1].append(line if hyphen else " " + line)
        else:
            joined.append([line])
        previous = line
    return ["".join(parts) for parts in joined]


def _trim_tail(units: list[str]) -> list[str]:
    """Drop what follows the last paragraph, except captions and the byline after it."""
    last = max((i for i, unit in enumerate(units) if _kind(unit).prose), default=0)
    end = last + 1
    while end < len(units) and is_caption(units[end]):
        end += 1
    if end < len(units) and parse_byline(units[end]) is not None:
        end += 1
    return units[:end]


def _find(lines: _Text) -> _Found | None:
    """The bulletin inside a text, whatever surrounds it; None when no first paragraph is
    found."""
    title, repeated = lines.title_headline()
    found = lines.anchor(repeated + 1 if repeated is not None else 0)
    if found is None:
        return None
    anchor, dated = found
    head = repeated if repeated is not None else lines.headline_before(anchor)
    if head is None and title is None:
        return None
    headline = lines.lines[head] if head is not None else str(title)
    start = head if head is not None else anchor - 1
    lead = [] if dated else lines.lead(start, anchor)
    return _Found(
        headline=headline,
        blocks=[*lead, *_trim_tail(lines.region(anchor)), *lines.check_also(anchor)],
        published=lines.published(start, anchor),
    )


def parse_text(text: str, *, url: str | None, published: str | None) -> Bulletin:
    """Parse a text bulletin in any of the shapes above; `published` (a sidecar's date)
    wins over the date the page's post meta states. Raises `Rejected` for a text without
    a sentence (menus, lists of titles) and when no bulletin is left."""
    headline, _, rest = text.strip().partition("\n")
    if not headline.strip():
        raise Rejected("parse", "no text")
    lines = _Text(text)
    found = _find(lines)
    if found is None:
        if not any(kind.prose for kind in lines.kinds):
            raise Rejected("parse", "not a bulletin: no sentence, only short lines")
        body = _unwrap([line.strip() for line in rest.splitlines()])
        found = _Found(headline, [line for line in body if line], None)
    return build_bulletin(
        found.headline,
        found.blocks,
        url=url,
        source=source_of(url),
        published_date=parse_date(published) or found.published,
    )
