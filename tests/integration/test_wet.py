"""Common Crawl WET files: the text of SANA's article pages loads as bulletins, everything
else in the file is passed over and counted."""

from __future__ import annotations

import datetime as dt
import gzip
import uuid
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.model import RawDocument, Unreadable
from etl.runs.ingest import ingest
from etl.sources.files import iter_documents, iter_paths
from etl.sources.warc import ReadTally, read_record, read_warc
from tests.dumps import SEEDS, page_lines, single_lines
from tests.golden import ARCHIVE_IDS, CURRENT_IDS, GOLDEN


def record(kind: str, uri: str | None, date: str, body: bytes, content_type: str) -> bytes:
    """One WARC/1.0 record as Common Crawl writes it, in a gzip member of its own."""
    head = ["WARC/1.0", f"WARC-Type: {kind}"]
    if uri is not None:
        head.append(f"WARC-Target-URI: {uri}")
    head += [
        f"WARC-Date: {date}",
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=len(body) + len(uri or ''))}>",
    ]
    if kind == "conversion":
        head += ["WARC-Refers-To: <urn:uuid:00000000-0000-0000-0000-000000000001>"]
        head += ["WARC-Identified-Content-Language: eng"]
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    return gzip.compress(("\r\n".join(head) + "\r\n\r\n").encode() + body + b"\r\n\r\n", mtime=0)


def page_text(seed: str, theme: str) -> bytes:
    """The page's text as Common Crawl extracts it: the title, then one line per block."""
    return "\n".join(page_lines(seed, theme)).encode("utf-8")


# Where each seed sits in the file: its address as crawled, the record type, and the shape
# of its text (a theme's page as WET text, or one paragraph per line).
ENTRIES = {
    "000_91593a2357d0ac3e": (
        f"http://archive.sana.sy/en/?p={ARCHIVE_IDS['000_91593a2357d0ac3e']}",
        "conversion",
        "sahifa",
    ),
    "001_613fc00259ccce1c": (
        f"https://sana.sy/en/presidency/{CURRENT_IDS['001_613fc00259ccce1c']}/",
        "conversion",
        "foxiz",
    ),
    # The old address of an archive article: it redirects to the archive host.
    "002_22b12b3928bf7f46": (
        f"https://www.sana.sy/en/?p={ARCHIVE_IDS['002_22b12b3928bf7f46']}",
        "conversion",
        "sahifa",
    ),
    "003_4067e3c957b2e664": (
        f"https://sana.sy/en/presidency/{CURRENT_IDS['003_4067e3c957b2e664']}/",
        "conversion",
        "foxiz",
    ),
    # A text resource (no conversion): one paragraph per line, no chrome.
    "004_500d9f80e342b74a": (
        f"https://archive.sana.sy/en/?p={ARCHIVE_IDS['004_500d9f80e342b74a']}",
        "resource",
        "single-lines",
    ),
}
URLS = {
    seed: (
        f"https://archive.sana.sy/en/?p={ARCHIVE_IDS[seed]}"
        if "?p=" in uri
        else f"https://sana.sy/en/presidency/{CURRENT_IDS[seed]}/"
    )
    for seed, (uri, _, _) in ENTRIES.items()
}
NOT_A_BULLETIN = "https://archive.sana.sy/en/?p=999999"


# An article as the WET test checks it: the fields its text gives, and its document's origin.
ARTICLE = """
select a.source, a.headline, a.published_date, a.dateline,
    (select count(*) from paragraphs p where p.article_id = a.article_id),
    (select coalesce(list(au.name order by aa.position), []) from article_authors aa
        join authors au using (author_id) where aa.article_id = a.article_id),
    (select r.title from related_links r where r.article_id = a.article_id
        and r.kind = 'check_also'),
    d.fetched_at, d.media_type
from articles a join documents d using (document_id)
where a.url = $url
"""


def fetched_at(index: int) -> dt.datetime:
    return dt.datetime(2024, 2, 20, 8, 0, 0) + dt.timedelta(minutes=index)


def write_wet(path: Path) -> Path:
    """A WET file: warcinfo, then the seeds' records among other hosts' pages, a listing
    and an about page of SANA, request and metadata records, an image, and a SANA article
    whose text is no bulletin."""
    date = "2024-02-20T08:00:00Z"
    members = [
        record("warcinfo", None, date, b"isPartOf: CC-MAIN-2024-10\r\n", "application/warc-fields")
    ]
    # The same bulletin republished elsewhere: it would parse, but it is not SANA's.
    elsewhere = "\n".join(page_lines("000_91593a2357d0ac3e", "generic")).encode("utf-8")
    others = [
        ("conversion", "https://www.example.com/news/syria-iran-talks", elsewhere, "text/plain"),
        ("request", "https://archive.sana.sy/en/?p=1", b"GET /en/?p=1 HTTP/1.1\r\n\r\n",
         "application/http; msgtype=request"),
        ("conversion", "https://archive.sana.sy/en/?cat=2&paged=3", b"Politics\nMore", "text/plain"),
        ("metadata", "https://sana.sy/en/", b"fetchTimeMs: 412\r\n", "application/warc-fields"),
        ("conversion", "https://sana.sy/en/about-us/", b"About SANA\nSANA was founded in 1965.",
         "text/plain"),
        ("resource", "https://sana.sy/en/logo.jpg", b"\xff\xd8\xff\xe0 JFIF", "image/jpeg"),
        ("conversion", "https://example.org/weather", b"Weather\nSunny all week long.", "text/plain"),
    ]  # fmt: skip
    for index, seed in enumerate(SEEDS):
        uri, kind, shape = ENTRIES[seed]
        text = single_lines(seed).encode() if shape == "single-lines" else page_text(seed, shape)
        moment = fetched_at(index).strftime("%Y-%m-%dT%H:%M:%SZ")
        members.append(record(kind, uri, moment, text, "text/plain"))
        if index < len(others):
            other_kind, other_uri, body, content_type = others[index]
            members.append(record(other_kind, other_uri, moment, body, content_type))
    for other_kind, other_uri, body, content_type in others[len(SEEDS) :]:
        members.append(record(other_kind, other_uri, date, body, content_type))
    members.append(last_record())
    path.write_bytes(b"".join(members))
    return path


def last_record() -> bytes:
    """The file's last record: a SANA article address whose text is menus only."""
    menus = b"SANA Syrian Arab News Agency\nHome\nPolitics\nMost Read\nLatest News\n"
    return record("conversion", NOT_A_BULLETIN, "2024-02-20T08:00:00Z", menus, "text/plain")


@pytest.fixture
def wet(tmp_path: Path) -> Path:
    return write_wet(tmp_path / "CC-MAIN-20240220-00000.warc.wet.gz")


def test_the_sana_articles_of_a_wet_file_are_its_documents(wet: Path) -> None:
    tally = ReadTally()
    documents = list(read_warc(wet, tally=tally))
    assert all(isinstance(d, RawDocument) for d in documents)
    assert [(d.uri, d.url, d.media_type, d.fetched_at) for d in documents] == [
        (ENTRIES[seed][0], URLS[seed], "text/plain", fetched_at(index))
        for index, seed in enumerate(SEEDS)
    ] + [(NOT_A_BULLETIN, NOT_A_BULLETIN, "text/plain", dt.datetime(2024, 2, 20, 8))]
    assert (tally.n_records, tally.n_documents, tally.n_passed_over) == (14, 6, 8)
    assert dict(tally.passed_over) == {
        "other host": 2,
        "not a SANA English article address": 2,
        "warcinfo record": 1,
        "request record": 1,
        "metadata record": 1,
        "not text": 1,
    }
    assert tally.summary() == (
        "14 records, 6 documents; passed over 8: not a SANA English article address 2, "
        "other host 2, metadata record 1, not text 1, request record 1, warcinfo record 1"
    )
    # Each document is read again from its place (the Airflow steps read them that way).
    for document in documents:
        assert isinstance(document, RawDocument) and document.raw_offset is not None
        assert read_record(wet, document.raw_offset) == document


def test_a_wet_file_ingests_to_the_same_articles_with_their_urls(wet: Path, db: Path) -> None:
    summary = ingest([wet], db)
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (6, 5, 1)
    assert summary.rejects == [
        (NOT_A_BULLETIN, "parse", "not a bulletin: no sentence, only short lines")
    ]
    with duckdb.connect(str(db), read_only=True) as con:
        for index, seed in enumerate(SEEDS):
            loaded = con.execute(ARTICLE, {"url": URLS[seed]}).fetchone()
            golden = GOLDEN[seed]
            check_also = golden["check_also"][0] if golden["check_also"] else None
            # One paragraph per line states no date; the pages' post meta does.
            published = None if ENTRIES[seed][1] == "resource" else golden["published_date"]
            assert loaded == (
                "sana-archive" if "?p=" in URLS[seed] else "sana",
                golden["headline"],
                dt.date.fromisoformat(published) if published else None,
                golden["dateline"],
                golden["n_paragraphs"],
                golden["authors"],
                check_also,
                fetched_at(index),
                "text/plain",
            ), seed


def test_the_command_line_ingests_a_wet_file_and_finds_one_in_a_directory(
    wet: Path, db: Path
) -> None:
    assert list(iter_paths([wet.parent])) == [wet]
    tally = ReadTally()
    assert len(list(iter_documents([wet.parent], tally))) == 6
    assert (tally.n_records, tally.n_documents, tally.n_passed_over) == (14, 6, 8)
    result = CliRunner().invoke(main, ["ingest", str(wet), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "seen 6, new 5, updated 0, unchanged 0, rejected 1" in result.output
    # What the run passed over is said, not counted as seen.
    assert (
        "; archive records: 14 records, 6 documents; passed over 8: not a SANA English "
        "article address 2, other host 2, metadata record 1, not text 1, request record 1, "
        "warcinfo record 1\n"
    ) in result.output


@pytest.mark.parametrize("cut", [40, 5])
def test_a_wet_file_cut_off_gives_the_records_before_the_cut(wet: Path, cut: int) -> None:
    """Cut inside the last record, or only its gzip trailer lost (warcio then reads the
    record whole and says nothing)."""
    data = wet.read_bytes()
    wet.write_bytes(data[: len(data) - cut])
    found = list(iter_documents([wet]))
    assert [d.url for d in found[:-1] if isinstance(d, RawDocument)] == [
        *(URLS[seed] for seed in SEEDS),
        *([NOT_A_BULLETIN] if cut == 5 else []),
    ]
    last = len(data) - len(last_record())
    reason = (
        f"WARC file damaged: the record at offset {last} is cut off ("
        if cut == 40
        else f"WARC file damaged: the file ends inside a gzip member, before offset {len(data) - 5}"
    )
    assert isinstance(found[-1], Unreadable)
    assert found[-1].reason.startswith(reason)
