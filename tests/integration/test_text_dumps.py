"""Text as others dump it: every seed in every shape parses to the seed's golden fields."""

from __future__ import annotations

import textwrap

import pytest

from etl.extract.parse import parse_document
from etl.model import RawDocument
from tests.dumps import ENCODINGS, SEEDS, SHAPES, encode, page_lines, shape_text
from tests.golden import GOLDEN, observed


def parse(data: bytes, published: str | None = None) -> dict[str, object]:
    document = RawDocument(
        uri="file:///dump.txt",
        data=data,
        media_type="text/plain",
        raw_location="/dump.txt",
        published=published,
    )
    return parse_document(document).to_dict()


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("seed", SEEDS)
def test_every_shape_parses_to_the_seed(seed: str, shape: str, encoding: str) -> None:
    """Single lines carry no date (the sidecar gives it); a page's post meta gives it."""
    published = GOLDEN[seed]["published_date"] if shape == "single-lines" else None
    data = parse(encode(shape_text(seed, shape), encoding), published)
    assert observed(data) == GOLDEN[seed]


@pytest.mark.parametrize("width", [None, 79])
@pytest.mark.parametrize("theme", ["sahifa", "foxiz", "generic"])
@pytest.mark.parametrize("seed", SEEDS)
def test_pages_without_a_title_line_and_with_blank_lines(
    seed: str, theme: str, width: int | None
) -> None:
    """A browser's "save as text" or a text-mode dump: no page title, blank lines between
    all blocks (menus and paragraphs alike), and with `width`, every block wrapped as a text
    browser wraps it."""
    lines = page_lines(seed, theme, title=False)
    blocks = [textwrap.fill(line, width) if width else line for line in lines]
    text = "\n\n".join(blocks) + "\n"
    assert observed(parse(text.encode("utf-8"))) == GOLDEN[seed]
