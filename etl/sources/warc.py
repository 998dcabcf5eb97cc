"""The raw landing zone: every fetched response in WARC/1.1 files, and reading them back.

Writing: `WarcWriter` appends one gzip member per record to rotating `.warc.gz` files, so
that any record can be read alone from its offset. Bodies are stored as they were decoded
(gzip undone); the transfer headers that no longer describe the stored bytes are kept under
an `X-Crawler-` prefix (the Common Crawl convention), so the record still says what the server
sent.

Reading: `read_warc` takes the article pages out of any WARC file (ours, Wayback downloads,
Common Crawl extracts): status-200 `text/html` responses, and the text of SANA's English
articles in `conversion` and `resource` records of `text/plain` (Common Crawl's WET files
hold the text of every page it crawled that way). Requests, metadata, revisits, non-HTML
responses, listing pages and text of other hosts are passed over, each counted in a
`ReadTally`. Files are read a gzip member (a record) at a time, so that a WET file of
gigabytes streams in bounded memory. `read_record` reads one record at an offset, which is
how the warehouse's `documents.raw_location` / `raw_offset` are followed.

Our records carry three extension fields besides the standard ones:
`Bulletins-Role` (`article`, `listing`, `robots`, `cdx`, `redirect`), `Bulletins-Article-URL`
(the canonical address of the article the bytes are of) and `Bulletins-Fetched-From`
(`origin` or `wayback`).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from etl import __version__
from etl.model import RawDocument, Unreadable
from etl.sites import (
    SITE_NAMES,
    canonical_article_url,
    is_article_address,
    looks_like_listing,
    source_of,
)

log = logging.getLogger(__name__)

# Common Crawl names its text extracts `….warc.wet.gz`; other tools write `.wet.gz`.
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
DEFAULT_MAX_FILE_BYTES = 1_000_000_000  # the customary 1 GB per WARC file
MAX_PAYLOAD_BYTES = 50_000_000
_TAIL_SLACK = 64

ROLE = "Bulletins-Role"
ARTICLE_URL = "Bulletins-Article-URL"
FETCHED_FROM = "Bulletins-Fetched-From"

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Records that hold a page: a response (HTML), or its text (a conversion, as in WET files,
# or a resource written without the HTTP exchange).
PAGE_RECORDS = ("response", "conversion", "resource")
# Headers that describe the bytes on the wire, not the decoded body that is stored.
_TRANSFER_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
_WAYBACK_PATH = re.compile(r"/web/(\d{4,14})(?:[a-z]{2}_)?/(.+)$")


def is_warc(path: Path) -> bool:
    """Whether a file is a WARC file by its name (`.warc`, `.warc.gz`, and the WET files
    `.warc.wet.gz`, `.wet.gz`)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def wayback_original(url: str) -> tuple[str, str] | None:
    """`(timestamp, original URL)` of a Wayback Machine capture address
    (`…/web/<timestamp>[id_]/<url>`), else None."""
    path_and_query = url.split("://", 1)[-1]
    slash = path_and_query.find("/")
    match = _WAYBACK_PATH.search(path_and_query[slash:] if slash >= 0 else "")
    if not match:
        return None
    original = match.group(2)
    if not re.match(r"^[a-z][a-z0-9+.-]*:/", original, re.IGNORECASE):
        original = "http://" + original
    # Some tools collapse the double slash after the scheme inside the path.
    original = re.sub(r"^([a-z][a-z0-9+.-]*):/(?!/)", r"\1://", original, flags=re.IGNORECASE)
    return match.group(1), original


class LandingZoneError(Exception):
    """A record could not be written: the crawl must stop, since what it fetched next would
    be lost."""


@dataclass(frozen=True)
class WebResponse:
    """One HTTP response as fetched, to be written as a WARC response record."""

    url: str  # the address that answered
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes  # decoded (no content or transfer encoding left)
    fetched_at: dt.datetime  # UTC
    fetched_from: str = "origin"  # or "wayback"
    role: str = "article"
    article_url: str | None = None
    http_version: str = "HTTP/1.1"
    truncated: bool = False  # the body was cut at the size limit


@dataclass(frozen=True)
class RecordLocation:
    """Where a record sits: its WARC file, the offset of its gzip member and where the
    member ends."""

    path: str
    offset: int
    end: int


def _http_headers(response: WebResponse) -> list[tuple[str, str]]:
    headers = []
    for name, value in response.headers:
        if name.lower() in _TRANSFER_HEADERS:
            headers.append((f"X-Crawler-{name}", value))
        else:
            headers.append((name, value))
    headers.append(("Content-Length", str(len(response.body))))
    return headers


def _warc_date(moment: dt.datetime) -> str:
    utc = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WarcWriter:
    """Appends response records to `.warc.gz` files under `directory`, one gzip member per
    record, starting a new file when the current one passes `max_file_bytes`. Safe to share
    between threads. Each record is flushed (and fsynced) before `write` returns, so a
    location it returns points at bytes on disk."""

    def __init__(
        self,
        directory: Path,
        *,
        prefix: str = "bulletins",
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        info: dict[str, str] | None = None,
        fsync: bool = True,
        on_open: Callable[[str], None] | None = None,
    ) -> None:
        self.directory = directory
        self.prefix = prefix
        self.max_file_bytes = max_file_bytes
        self.info = info or {}
        self.fsync = fsync
        self.on_open = on_open
        self._lock = threading.Lock()
        self._file: BinaryIO | None = None
        self._writer: Any = None
        self._path: Path | None = None
        self._serial = 0
        self._stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        self.paths: list[Path] = []

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _open_next(self) -> None:
        self._close_file()
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{self.prefix}-{self._stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
        self._serial += 1
        self._path = self.directory / name
        if self.on_open is not None:
            self.on_open(str(self._path.resolve()))
        self._file = self._path.open("ab")
        self._writer = WARCWriter(self._file, gzip=True, warc_version="1.1")
        info = {
            "software": f"sana-bulletins/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            **self.info,
        }
        self._writer.write_record(self._writer.create_warcinfo_record(name, info))
        self._sync()
        self.paths.append(self._path)

    def _sync(self) -> None:
        assert self._file is not None
        self._file.flush()
        if self.fsync:
            os.fsync(self._file.fileno())

    def write(self, response: WebResponse) -> RecordLocation:
        """Write one response record; returns its file and offset."""
        warc_headers = {
            "WARC-Type": "response",
            "WARC-Target-URI": response.url,
            "WARC-Date": _warc_date(response.fetched_at),
            ROLE: response.role,
            FETCHED_FROM: response.fetched_from,
        }
        if response.article_url:
            warc_headers[ARTICLE_URL] = response.article_url
        if response.truncated:
            warc_headers["WARC-Truncated"] = "length"
        with self._lock:
            if self._file is None or self._file.tell() >= self.max_file_bytes:
                try:
                    self._open_next()
                except OSError as exc:
                    raise LandingZoneError(f"cannot open a WARC file: {exc}") from exc
            assert self._file is not None and self._path is not None
            http_headers = StatusAndHeaders(
                f"{response.status} {response.reason}".strip(),
                _http_headers(response),
                protocol=response.http_version,
            )
            record = self._writer.create_warc_record(
                response.url,
                "response",
                payload=io.BytesIO(response.body),
                length=len(response.body),
                http_headers=http_headers,
                warc_headers_dict=warc_headers,
            )
            offset = self._file.tell()
            try:
                self._writer.write_record(record)
                self._sync()
            except OSError as exc:
                raise LandingZoneError(f"cannot write {self._path}: {exc}") from exc
            return RecordLocation(str(self._path.resolve()), offset, self._file.tell())

    def _close_file(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file = None
        self._writer = None

    def close(self) -> None:
        """Close the current file."""
        with self._lock:
            self._close_file()


@dataclass
class StoredRecord:
    """A record that can hold a page, as read: its place, its headers and, when it holds an
    article document (a status-200 HTML response, or the text of a SANA English article),
    its decoded payload."""

    path: str
    offset: int
    target_uri: str
    warc_date: dt.datetime | None
    status: int | None  # of a response; None for a conversion or a resource
    content_type: str  # the response's, or the record's own for a conversion or resource
    role: str | None
    article_url: str | None
    fetched_from: str | None
    payload: bytes | None = None
    error: str | None = None  # why the payload could not be read
    record_type: str = "response"


@dataclass
class ReadTally:
    """What reading WARC files met: records, the documents they gave, and the records passed
    over, counted by reason (`warcinfo record`, `other host`, `listing page`, …). A reader
    adds to it as it goes, so that a run can say what a WET file of other sites held."""

    n_records: int = 0
    n_documents: int = 0
    passed_over: Counter[str] = field(default_factory=Counter)

    @property
    def n_passed_over(self) -> int:
        """Records that gave no document."""
        return sum(self.passed_over.values())

    def summary(self) -> str:
        """One line for people: `14 records, 6 documents; passed over 8: other host 2, …`."""
        text = f"{self.n_records} records, {self.n_documents} documents"
        if self.passed_over:
            reasons = sorted(self.passed_over.items(), key=lambda item: (-item[1], item[0]))
            text += f"; passed over {self.n_passed_over}: " + ", ".join(
                f"{reason} {count}" for reason, count in reasons
            )
        return text


def _parse_warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _is_html(content_type: str) -> bool:
    return _media_type(content_type) in HTML_TYPES


def _article_url(stored: StoredRecord) -> str:
    """The canonical address of the article a record holds, whatever host, mirror or Wayback
    capture it was fetched from."""
    capture = wayback_original(stored.target_uri)
    return stored.article_url or canonical_article_url(capture[1] if capture else stored.target_uri)


def _passed_over(stored: StoredRecord) -> str | None:
    """Why a record holds no article document (a `ReadTally` reason), or None when it
    holds one. HTML pages of any host are tried (other sites' articles are parsed too);
    text records only at SANA's English article addresses: most of a Common Crawl WET
    file is other sites, whose text is not read as bulletins."""
    if stored.record_type == "response":
        if stored.status != 200 or not _is_html(stored.content_type):
            return "not an HTML page"
        if stored.role is not None and stored.role != "article":
            return f"{stored.role} record"
        if stored.role is None and looks_like_listing(_article_url(stored)):
            return "listing page"
        return None
    if _media_type(stored.content_type) != "text/plain":
        return "not text"
    if source_of(stored.target_uri) not in SITE_NAMES:
        return "other host"
    if not is_article_address(stored.target_uri):
        return "not a SANA English article address"
    return None


def _read_payload(record: Any) -> tuple[bytes | None, str | None]:
    try:
        data: bytes = record.content_stream().read(MAX_PAYLOAD_BYTES + 1)
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        return None, f"payload cannot be decoded ({type(exc).__name__}: {exc})"
    if len(data) > MAX_PAYLOAD_BYTES:
        return None, f"payload larger than {MAX_PAYLOAD_BYTES} bytes"
    return data, None


# What reading a damaged or cut-off WARC file raises; on bytes that are not WARC at all,
# warcio's parser fails with whatever its code meets (AttributeError, IndexError, …).
READ_ERRORS = (
    ArchiveLoadFailed,
    EOFError,
    OSError,
    ValueError,
    zlib.error,
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
)


def _record_end(records: Any, record: Any) -> tuple[int, bool]:
    """Where the record just read ends, once it is read through, and whether the gzip
    member holding it is still open there (as in a file cut off inside it, or one gzip
    member for many records). Raises `ArchiveLoadFailed` when the file ends inside the
    record (warcio gives such a record without a word)."""
    offset: int = records.get_record_offset()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise ArchiveLoadFailed(
            f"the record at offset {offset} is cut off ({missing} bytes missing)"
        )
    decompressor = getattr(records.reader, "decompressor", None)
    open_member = decompressor is not None and not getattr(decompressor, "eof", True)
    return offset + records.get_record_length(), open_member


def iter_records(
    path: Path, offset: int = 0, tally: ReadTally | None = None
) -> Iterator[StoredRecord]:
    """The records of a WARC file that can hold a page (responses, conversions, resources)
    from `offset` on, in file order; payloads are read only for those that hold an article
    document. Other record types are passed over (counted in `tally`). A damaged or cut-off
    file raises `ArchiveLoadFailed` (or `EOFError`, `OSError`, `zlib.error`) where the
    damage starts, after the records before it."""
    end = offset
    open_member = False
    location = str(path.resolve())  # once: a WET file has tens of thousands of records
    with path.open("rb") as handle:
        handle.seek(offset)
        # One gzip member, one record at a time: a record passed over is read through
        # without being kept.
        records = ArchiveIterator(handle)
        iterator = iter(records)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except READ_ERRORS as exc:
                size = path.stat().st_size
                raise ArchiveLoadFailed(
                    f"{size - end} bytes after offset {end} are not a whole record "
                    f"({type(exc).__name__})"
                ) from exc
            if tally is not None:
                tally.n_records += 1
            if record.rec_type not in PAGE_RECORDS:
                if tally is not None:
                    tally.passed_over[f"{record.rec_type} record"] += 1
                end, open_member = _record_end(records, record)
                continue
            headers = record.rec_headers
            http = record.http_headers if record.rec_type == "response" else None
            status_text = http.get_statuscode() if http else None
            status = int(status_text) if status_text and status_text.isdigit() else None
            content_type = (
                http.get_header("Content-Type") if http else headers.get_header("Content-Type")
            ) or ""
            stored = StoredRecord(
                path=location,
                offset=0,
                target_uri=headers.get_header("WARC-Target-URI") or "",
                warc_date=_parse_warc_date(headers.get_header("WARC-Date")),
                status=status,
                content_type=content_type,
                role=headers.get_header(ROLE),
                article_url=headers.get_header(ARTICLE_URL),
                fetched_from=headers.get_header(FETCHED_FROM),
                record_type=record.rec_type,
            )
            if _passed_over(stored) is None:
                stored.payload, stored.error = _read_payload(record)
            stored.offset = records.get_record_offset()
            end, open_member = _record_end(records, record)
            yield stored
        # warcio ends quietly at a record cut off mid-way: what is left after the last whole
        # record (beyond the blank lines that close it) is damage.
        handle.seek(end)
        rest = handle.read(_TAIL_SLACK + 1)
    if rest.strip():
        size = path.stat().st_size
        raise ArchiveLoadFailed(f"{size - end} bytes after offset {end} are not a whole record")
    if open_member:
        raise ArchiveLoadFailed(f"the file ends inside a gzip member, before offset {end}")


def _document(stored: StoredRecord) -> RawDocument | Unreadable | None:
    """The article document of a record, an `Unreadable` for an article that cannot be
    read, or None for a record that holds none."""
    if _passed_over(stored) is not None:
        return None
    if stored.error is not None or stored.payload is None:
        return Unreadable(stored.target_uri, "read", stored.error or "no payload")
    wayback = wayback_original(stored.target_uri) is not None
    return RawDocument(
        uri=stored.target_uri,
        data=stored.payload,
        media_type="text/html" if stored.record_type == "response" else "text/plain",
        raw_location=stored.path,
        raw_offset=stored.offset,
        url=_article_url(stored),
        fetched_at=stored.warc_date,
        fetched_from=stored.fetched_from or ("wayback" if wayback else "origin"),
        http_status=stored.status,
    )


def read_warc(
    path: Path, *, since: dt.datetime | None = None, tally: ReadTally | None = None
) -> Iterator[RawDocument | Unreadable]:
    """The article documents of a WARC or WET file (plain or gzip), lazily, as
    `RawDocument`s pointing at their file and offset: HTML pages, and the text of SANA's
    English articles. With `since`, only records fetched at or after it (UTC). What is
    passed over is counted in `tally` (and logged). A damaged file gives one `Unreadable`
    saying where, after the records before it."""
    tally = tally if tally is not None else ReadTally()
    try:
        for stored in iter_records(path, tally=tally):
            if since is not None and (stored.warc_date is None or stored.warc_date < since):
                tally.passed_over["fetched before the start date"] += 1
                continue
            reason = _passed_over(stored)
            if reason is not None:
                tally.passed_over[reason] += 1
                continue
            document = _document(stored)
            if document is not None:
                tally.n_documents += 1
                yield document
    except READ_ERRORS as exc:
        detail = str(exc) if isinstance(exc, ArchiveLoadFailed) else f"{type(exc).__name__}: {exc}"
        reason = f"WARC file damaged: {detail}"
        yield Unreadable(path.resolve().as_uri(), "read", " ".join(reason.split())[:300])
    log.info("%s: %s", path.name, tally.summary())


def read_record(path: Path, offset: int) -> RawDocument | Unreadable:
    """The article document of the record at `offset` of a WARC file; an `Unreadable` when
    the record is missing, damaged or not an article page."""
    uri = f"{path.resolve().as_uri()}#offset={offset}"
    try:
        stored = next(iter_records(path, offset), None)
    except READ_ERRORS as exc:
        return Unreadable(uri, "read", f"cannot read WARC record ({type(exc).__name__}: {exc})")
    if stored is None or stored.offset != offset:
        return Unreadable(uri, "read", "no record of a page at this offset")
    document = _document(stored)
    if document is None:
        if stored.record_type != "response":
            return Unreadable(uri, "read", f"not an article page ({_passed_over(stored)})")
        kind = _media_type(stored.content_type) or "no content type"
        return Unreadable(uri, "read", f"not an article page (HTTP {stored.status}, {kind})")
    return document
