"""The raw landing zone: every fetched response in WARC/1.1 files, and reading them back.

Writing: `WarcWriter` appends one gzip member per record to rotating `.warc.gz` files, so
that any record can be read alone from its offset. Bodies are stored as they were decoded
(gzip undone); the transfer headers that no longer describe the stored bytes are kept under
an `X-Crawler-` prefix (the Common Crawl convention), so the record still says what the server
sent.

Reading: `read_warc` takes the HTML article pages out of any WARC file (ours, Wayback
downloads, Common Crawl extracts): status-200 `text/html` responses; requests, metadata,
revisits, non-HTML and listing pages are passed over. `read_record` reads one record at an
offset, which is how the warehouse's `documents.raw_location` / `raw_offset` are followed.

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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from etl import __version__
from etl.model import RawDocument, Unreadable
from etl.sites import canonical_article_url, looks_like_listing

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
DEFAULT_MAX_FILE_BYTES = 1_000_000_000  # the customary 1 GB per WARC file
MAX_PAYLOAD_BYTES = 50_000_000
_TAIL_SLACK = 64

ROLE = "Bulletins-Role"
ARTICLE_URL = "Bulletins-Article-URL"
FETCHED_FROM = "Bulletins-Fetched-From"

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Headers that describe the bytes on the wire, not the decoded body that is stored.
_TRANSFER_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
_WAYBACK_PATH = re.compile(r"/web/(\d{4,14})(?:[a-z]{2}_)?/(.+)$")


def is_warc(path: Path) -> bool:
    """Whether a file is a WARC file by its name (`.warc` or `.warc.gz`)."""
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
    """A WARC response record as read: its place, its headers and, for a status-200 HTML
    response, its decoded payload."""

    path: str
    offset: int
    target_uri: str
    warc_date: dt.datetime | None
    status: int | None
    content_type: str
    role: str | None
    article_url: str | None
    fetched_from: str | None
    payload: bytes | None = None
    error: str | None = None  # why the payload could not be read


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


def _is_html(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


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


def iter_records(path: Path, offset: int = 0) -> Iterator[StoredRecord]:
    """The response records of a WARC file from `offset` on, in file order; payloads are read
    for status-200 HTML responses only. A damaged or cut-off file raises `ArchiveLoadFailed`
    (or `EOFError`, `OSError`, `zlib.error`) where the damage starts, after the records
    before it."""
    end = offset
    with path.open("rb") as handle:
        handle.seek(offset)
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
            if record.rec_type != "response":
                end = records.get_record_offset() + records.get_record_length()
                continue
            headers = record.rec_headers
            http = record.http_headers
            status_text = http.get_statuscode() if http else None
            status = int(status_text) if status_text and status_text.isdigit() else None
            content_type = (http.get_header("Content-Type") if http else None) or ""
            stored = StoredRecord(
                path=str(path.resolve()),
                offset=0,
                target_uri=headers.get_header("WARC-Target-URI") or "",
                warc_date=_parse_warc_date(headers.get_header("WARC-Date")),
                status=status,
                content_type=content_type,
                role=headers.get_header(ROLE),
                article_url=headers.get_header(ARTICLE_URL),
                fetched_from=headers.get_header(FETCHED_FROM),
            )
            if status == 200 and _is_html(content_type):
                stored.payload, stored.error = _read_payload(record)
            stored.offset = records.get_record_offset()
            end = stored.offset + records.get_record_length()
            yield stored
        # warcio ends quietly at a record cut off mid-way: what is left after the last whole
        # record (beyond the blank lines that close it) is damage.
        handle.seek(end)
        rest = handle.read(_TAIL_SLACK + 1)
    if rest.strip():
        size = path.stat().st_size
        raise ArchiveLoadFailed(f"{size - end} bytes after offset {end} are not a whole record")


def _document(stored: StoredRecord) -> RawDocument | Unreadable | None:
    """The article document of a record, an `Unreadable` for an article that cannot be
    read, or None for a record that is not an article page."""
    if stored.status != 200 or not _is_html(stored.content_type):
        return None
    if stored.role is not None and stored.role != "article":
        return None
    capture = wayback_original(stored.target_uri)
    original = capture[1] if capture else stored.target_uri
    url = stored.article_url or canonical_article_url(original)
    if stored.role is None and looks_like_listing(url):
        return None
    if stored.error is not None or stored.payload is None:
        return Unreadable(stored.target_uri, "read", stored.error or "no payload")
    fetched_from = stored.fetched_from or ("wayback" if capture else "origin")
    return RawDocument(
        uri=stored.target_uri,
        data=stored.payload,
        media_type="text/html",
        raw_location=stored.path,
        raw_offset=stored.offset,
        url=url,
        fetched_at=stored.warc_date,
        fetched_from=fetched_from,
        http_status=stored.status,
    )


def read_warc(
    path: Path, *, since: dt.datetime | None = None
) -> Iterator[RawDocument | Unreadable]:
    """The HTML article pages of a WARC file (plain or gzip), lazily, as `RawDocument`s
    pointing at their file and offset; with `since`, only records fetched at or after it
    (UTC). A damaged file gives one `Unreadable` saying where, after the records before it."""
    try:
        for stored in iter_records(path):
            if since is not None and (stored.warc_date is None or stored.warc_date < since):
                continue
            document = _document(stored)
            if document is not None:
                yield document
    except READ_ERRORS as exc:
        detail = str(exc) if isinstance(exc, ArchiveLoadFailed) else f"{type(exc).__name__}: {exc}"
        reason = f"WARC file damaged: {detail}"
        yield Unreadable(path.resolve().as_uri(), "read", " ".join(reason.split())[:300])


def read_record(path: Path, offset: int) -> RawDocument | Unreadable:
    """The article document of the record at `offset` of a WARC file; an `Unreadable` when
    the record is missing, damaged or not an article page."""
    uri = f"{path.resolve().as_uri()}#offset={offset}"
    try:
        stored = next(iter_records(path, offset), None)
    except READ_ERRORS as exc:
        return Unreadable(uri, "read", f"cannot read WARC record ({type(exc).__name__}: {exc})")
    if stored is None or stored.offset != offset:
        return Unreadable(uri, "read", "no response record at this offset")
    document = _document(stored)
    if document is None:
        kind = stored.content_type.split(";", 1)[0].strip() or "no content type"
        return Unreadable(uri, "read", f"not an article page (HTTP {stored.status}, {kind})")
    return document
