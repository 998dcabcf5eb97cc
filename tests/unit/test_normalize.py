"""Stable ids: the same bulletin is always the same row."""

from __future__ import annotations

import pytest

from etl.sites import parse_date, source_of, url_key


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://archive.sana.sy/en/?p=171254", "//archive.sana.sy/en?p=171254"),
        ("http://www.archive.sana.sy/en/?p=171254#comments", "//archive.sana.sy/en?p=171254"),
        ("https://archive.sana.sy/en/?utm_source=x&p=171254", "//archive.sana.sy/en?p=171254"),
        ("https://sana.sy/en/presidency/2210471/", "//sana.sy/en/presidency/2210471"),
        ("https://SANA.sy/en/presidency/2210471", "//sana.sy/en/presidency/2210471"),
    ],
)
def test_url_key(url: str, key: str) -> None:
    assert url_key(url) == key


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://sana.sy/en/presidency/2210471/", "sana"),
        ("https://archive.sana.sy/en/?p=171254", "sana-archive"),
        ("https://sana.sy/en/?p=171254", "sana-archive"),
        ("https://www.bbc.co.uk/news/world-1", "web"),
        (None, "local"),
    ],
)
def test_source_of(url: str | None, source: str) -> None:
    assert source_of(url) == source


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-09-24", "2019-09-24"),
        ("2019-09-24T14:20:31+03:00", "2019-09-24"),
        ("2019-09-24 23:50", "2019-09-24"),
        ("2019-02-30", None),
        ("24/09/2019", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: str | None) -> None:
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected
