"""Hostile input: whatever bytes arrive, parsing returns a bulletin or a one-line reason,
in bounded time, and never crashes a run."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.errors import Rejected
from etl.extract.parse import parse_document
from etl.model import RawDocument
from etl.runs.ingest import ingest
from tests.conftest import TEXT_SAMPLES

SEED = (TEXT_SAMPLES / "002_22b12b3928bf7f46.txt").read_bytes()


def outcome(data: bytes, media_type: str) -> str:
    document = RawDocument(uri="file:///x", data=data, media_type=media_type, raw_location="/x")
    try:
        parse_document(document)
    except Rejected as rejected:
        assert "\n" not in rejected.reason
        return rejected.reason
    return "parsed"


FUZZ = settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(["text/plain", "text/html"]))
def test_arbitrary_bytes(data: bytes, media_type: str) -> None:
    outcome(data, media_type)


@FUZZ
@given(st.integers(0, len(SEED) - 1), st.binary(min_size=1, max_size=64))
def test_a_bulletin_with_bytes_spliced_in(position: int, junk: bytes) -> None:
    outcome(SEED[:position] + junk + SEED[position:], "text/plain")


_TAGS = st.sampled_from(["div", "p", "span", "table", "td", "h1", "article", "script", "a", "b"])


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(_TAGS)
    text = draw(st.text(max_size=40))
    children = draw(st.lists(html_trees(depth + 1), max_size=3)) if depth < 4 else []
    return f"<{tag} class='{draw(st.sampled_from(['entry', 's-title', 'related', 'x']))}'>{text}{''.join(children)}</{tag}>"


@FUZZ
@given(html_trees())
def test_random_html_trees(tree: str) -> None:
    outcome(f"<html><body>{tree}</body></html>".encode(), "text/html")


@pytest.mark.parametrize(
    ("name", "data", "media_type", "reason"),
    [
        (
            "nul bytes",
            b"Headline\x00\n\nBody text.",
            "text/plain",
            "binary data, not text (control bytes found)",
        ),
        (
            "invalid utf-8",
            b"Headline \xc3\x28\x81 body" * 10,
            "text/plain",
            "undecodable text: not valid cp1252 (character maps to <undefined>)",
        ),
        (
            "gzip bomb",
            gzip.compress(b"<p>" + b" " * (80 * 2**20)),
            "text/html",
            "gzip data inflates beyond 50 MiB",
        ),
        (
            # A text of short lines only (2 MB): rejected as such, in bounded time.
            "menus only",
            b"Home\nPolitics\n" * 150_000,
            "text/plain",
            "not a bulletin: no sentence, only short lines",
        ),
        (
            "50 MB page",
            b"<html><body>" + b"<p>word</p>" * (5 * 2**20) + b"</body></html>",
            "text/html",
            "too large to be a bulletin (55 MiB > 16 MiB)",
        ),
    ],
)
def test_hostile_documents_are_rejected_with_their_reason(
    name: str, data: bytes, media_type: str, reason: str
) -> None:
    assert outcome(data, media_type) == reason


def test_deeply_nested_html_is_bounded() -> None:
    page = b"<html><body>" + b"<div>" * 200_000 + b"Damascus, SANA - text" + b"</div>" * 200_000
    started = time.monotonic()
    result = outcome(page, "text/html")
    assert time.monotonic() - started < 30
    assert result == "not an article: no main text found"


def test_a_run_with_hostile_files_loads_the_rest(tmp_path: Path, db: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED)
    (inputs / "bomb.html.gz").write_bytes(gzip.compress(b" " * (60 * 2**20)))
    (inputs / "nul.html").write_bytes(b"<html>\x00\x00</html>")
    summary = ingest([inputs], db, max_reject_share=1.0)
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (3, 1, 2)
    assert sorted(reason for _, _, reason in summary.rejects) == [
        "binary data, not text (control bytes found)",
        "gzip data inflates beyond 50 MiB",
    ]
