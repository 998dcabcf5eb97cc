"""The landing zone: WARC records written and read back at their offsets; article pages
taken out of WARC files made elsewhere; damaged files."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from etl.cli import main
from etl.model import RawDocument, Unreadable
from etl.sources.warc import (
    LandingZoneError,
    WarcWriter,
    WebResponse,
    iter_records,
    read_record,
    read_warc,
)
from tests.fetch.conftest import rows
from tests.sites import corpus
from tests.sites.server import ARCHIVE, SANA

NOW = dt.datetime(2026, 1, 5, 10, 30, 15, 250000, tzinfo=dt.UTC)


def response(n: int, role: str = "article", status: int = 200) -> WebResponse:
    body = f"<html><body><p>page {n} – é</p>{'x' * (200 + n)}</body></html>".encode()
    return WebResponse(
        url=f"http://127.0.0.1:9/en/?p={n}",
        status=status,
        reason="OK" if status == 200 else "Service Unavailable",
        headers=[("Content-Type", "text/html; charset=UTF-8"), ("Content-Encoding", "gzip")],
        body=body,
        fetched_at=NOW,
        role=role,
        article_url=f"https://archive.sana.sy/en/?p={n}" if role == "article" else None,
    )


def test_records_read_back_at_their_offsets(tmp_path: Path) -> None:
    """30 responses in files rotated at 2 kB: each location reads back to the same bytes,
    address and time; each file opens with a warcinfo record; non-article records (a 503, a
    listing page) are kept but are not documents."""
    opened: list[str] = []
    with WarcWriter(tmp_path / "raw", max_file_bytes=2000, on_open=opened.append) as writer:
        written = [(n, writer.write(response(n))) for n in range(30)]
        busy = writer.write(response(99, status=503))
        listing = writer.write(response(98, role="listing"))
    # A file is closed once a record takes it past 2 kB, never before.
    assert len(writer.paths) > 5
    for path in writer.paths[:-1]:
        last = max(r.offset for r in iter_records(path))
        assert last < 2000 <= path.stat().st_size
    assert opened == [str(p.resolve()) for p in writer.paths]
    for n, location in written:
        document = read_record(Path(location.path), location.offset)
        assert isinstance(document, RawDocument)
        assert document.data == response(n).body
        assert (document.uri, document.url) == (
            f"http://127.0.0.1:9/en/?p={n}",
            f"https://archive.sana.sy/en/?p={n}",
        )
        assert (document.raw_location, document.raw_offset) == (location.path, location.offset)
        assert document.fetched_at == dt.datetime(2026, 1, 5, 10, 30, 15, 250000)
        assert (document.fetched_from, document.http_status) == ("origin", 200)
    for path in writer.paths:
        with path.open("rb") as handle:
            assert next(iter(ArchiveIterator(handle))).rec_type == "warcinfo"
    offsets = [(r.path, r.offset) for p in writer.paths for r in iter_records(p)]
    assert offsets == [(loc.path, loc.offset) for _, loc in written] + [
        (busy.path, busy.offset),
        (listing.path, listing.offset),
    ]
    assert read_record(Path(busy.path), busy.offset) == Unreadable(
        f"{Path(busy.path).as_uri()}#offset={busy.offset}",
        "read",
        "not an article page (HTTP 503, text/html)",
    )
    documents = [d for p in writer.paths for d in read_warc(p)]
    assert len(documents) == 30


def test_stored_headers_say_what_the_server_sent(tmp_path: Path) -> None:
    with WarcWriter(tmp_path) as writer:
        location = writer.write(response(1))
    with Path(location.path).open("rb") as handle:
        handle.seek(location.offset)
        record = next(iter(ArchiveIterator(handle)))
        assert record.rec_headers.get_header("WARC-Type") == "response"
        assert record.rec_headers.get_header("WARC-Date") == "2026-01-05T10:30:15.250000Z"
        assert record.rec_headers.get_header("Bulletins-Role") == "article"
        assert record.rec_headers.get_header("Bulletins-Fetched-From") == "origin"
        assert record.http_headers.get_header("X-Crawler-Content-Encoding") == "gzip"
        assert record.http_headers.get_header("Content-Encoding") is None
        assert record.http_headers.get_header("Content-Length") == str(len(response(1).body))
        assert record.content_stream().read() == response(1).body


def _http(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def _chunked(body: bytes, size: int = 4000) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def foreign_warc(path: Path, *, compress: bool = True) -> list[int]:
    """A WARC file as other tools make them (warcio directly, raw HTTP as sent): warcinfo,
    a request, gzip-encoded and chunked article pages, an image, a 404, a revisit, metadata,
    a listing page and a Wayback download. Returns the offsets of the three article pages."""
    archive_page = corpus.page_html(ARCHIVE, 171254).encode()
    current_page = corpus.page_html(SANA, 2210482).encode()
    lost_page = corpus.page_html(ARCHIVE, 75412).encode()
    html = [("Content-Type", "text/html; charset=UTF-8")]
    records = [
        ("request", "https://archive.sana.sy/en/?p=171254",
         b"GET /en/?p=171254 HTTP/1.1\r\nHost: archive.sana.sy\r\n\r\n"),
        ("response", "https://archive.sana.sy/en/?p=171254",
         _http("200 OK", [*html, ("Content-Encoding", "gzip")], gzip.compress(archive_page))),
        ("response", "https://sana.sy/en/presidency/2210482/",
         _http("200 OK", [*html, ("Transfer-Encoding", "chunked")], _chunked(current_page))),
        ("response", "https://sana.sy/en/wp-content/uploads/a.jpg",
         _http("200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff")),
        ("response", "https://archive.sana.sy/en/?p=75412",
         _http("404 Not Found", html, b"<html>Not Found</html>")),
        ("response", "https://archive.sana.sy/en/?cat=2",
         _http("200 OK", html, b"<html><body>listing</body></html>")),
        ("response", "https://web.archive.org/web/20160410081500id_/http://sana.sy/en/?p=75412",
         _http("200 OK", html, lost_page)),
    ]  # fmt: skip
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "other"}))
        for kind, uri, raw in records:
            if uri.endswith("?cat=2") and kind == "response":
                revisit = writer.create_revisit_record(
                    "https://archive.sana.sy/en/?p=171254",
                    "sha1:AAAA",
                    "https://archive.sana.sy/en/?p=171254",
                    "2020-01-01T00:00:00Z",
                    http_headers=StatusAndHeaders("200 OK", html, protocol="HTTP/1.1"),
                )
                writer.write_record(revisit)
                meta = writer.create_warc_record(
                    uri, "metadata", payload=io.BytesIO(b"via: x\r\n"), length=8
                )
                writer.write_record(meta)
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(raw), length=len(raw))
            if kind == "response" and ("171254" in uri or "2210482" in uri or "web/" in uri):
                offsets.append(handle.tell())
            writer.write_record(record)
    return offsets


def test_article_pages_of_a_foreign_warc(tmp_path: Path) -> None:
    for compress in (True, False):
        path = tmp_path / ("other.warc.gz" if compress else "other.warc")
        offsets = foreign_warc(path, compress=compress)
        documents = list(read_warc(path))
        assert all(isinstance(d, RawDocument) for d in documents)
        assert [
            (d.uri, d.url, d.fetched_from, d.raw_offset)
            for d in documents
            if isinstance(d, RawDocument)
        ] == [
            (
                "https://archive.sana.sy/en/?p=171254",
                "https://archive.sana.sy/en/?p=171254",
                "origin",
                offsets[0],
            ),
            (
                "https://sana.sy/en/presidency/2210482/",
                "https://sana.sy/en/presidency/2210482/",
                "origin",
                offsets[1],
            ),
            (
                "https://web.archive.org/web/20160410081500id_/http://sana.sy/en/?p=75412",
                "https://archive.sana.sy/en/?p=75412",
                "wayback",
                offsets[2],
            ),
        ]
        assert [d.data for d in documents if isinstance(d, RawDocument)] == [
            corpus.page_html(ARCHIVE, 171254).encode(),
            corpus.page_html(SANA, 2210482).encode(),
            corpus.page_html(ARCHIVE, 75412).encode(),
        ]


def test_a_cut_off_warc_gives_its_whole_records_and_one_reject(tmp_path: Path) -> None:
    with WarcWriter(tmp_path) as writer:
        locations = [writer.write(response(n)) for n in range(3)]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(writer.paths[0].read_bytes()[: locations[2].offset + 100])
    items = list(read_warc(cut))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Unreadable"]
    assert items[2] == Unreadable(
        cut.resolve().as_uri(),
        "read",
        f"WARC file damaged: 100 bytes after offset {locations[2].offset} are not a whole "
        "record (AttributeError)",
    )
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00garbage" * 20)
    [only] = list(read_warc(garbage))
    assert isinstance(only, Unreadable) and only.reason.startswith("WARC file damaged")


def test_bulletins_ingest_takes_warc_files(tmp_path: Path) -> None:
    """`bulletins ingest` on a directory holding a foreign WARC: three articles, each document
    pointing at the WARC file and its record's offset."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = inputs / "other.warc.gz"
    offsets = foreign_warc(path)
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(inputs), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "seen 3, new 3, updated 0, unchanged 0, rejected 0" in result.output
    assert rows(db, "select url, source from articles order by url") == [
        ("https://archive.sana.sy/en/?p=171254", "sana-archive"),
        ("https://archive.sana.sy/en/?p=75412", "sana-archive"),
        ("https://sana.sy/en/presidency/2210482/", "sana"),
    ]
    assert rows(
        db, "select raw_location, raw_offset, fetched_from from documents order by raw_offset"
    ) == [
        (str(path.resolve()), offsets[0], "origin"),
        (str(path.resolve()), offsets[1], "origin"),
        (str(path.resolve()), offsets[2], "wayback"),
    ]


def test_an_unwritable_landing_zone_stops_everything(tmp_path: Path) -> None:
    blocked = tmp_path / "raw"
    blocked.write_text("a file where the directory should be")
    writer = WarcWriter(blocked)
    with pytest.raises(LandingZoneError, match=r"^cannot open a WARC file: "):
        writer.write(response(1))
