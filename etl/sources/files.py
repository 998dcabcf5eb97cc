"""Local inputs: walk files and directories, read bytes, gunzip, and pick up sidecars.

WARC files (`.warc`, `.warc.gz`) and Common Crawl's WET files (`.warc.wet.gz`, `.wet.gz`)
hold many pages each: their article pages, and the text of SANA's, are taken out by
`etl.sources.warc.read_warc`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from etl.errors import Rejected
from etl.model import RawDocument, Unreadable
from etl.sources.encoding import maybe_gunzip
from etl.sources.warc import ReadTally, is_warc, read_warc

_MEDIA_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
}


def media_type(path: Path) -> str | None:
    """The media type of a supported input file (`.txt`, `.html`, `.htm`, each maybe `.gz`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _MEDIA_TYPES.get(suffixes[-1]) if suffixes else None


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files to ingest: named files as given, directories walked recursively.

    Inside directories only supported files are taken (sorted, hidden ones skipped), so that
    sidecars, scripts and notes beside the bulletins are passed over.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and (media_type(child) or is_warc(child)):
                    yield child
        else:
            yield path


def _sidecar(path: Path) -> dict[str, str]:
    name = path.name[: -len(".gz")] if path.name.lower().endswith(".gz") else path.name
    sidecar = path.with_name(Path(name).stem + ".json")
    if media_type(path) != "text/plain" or not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise Rejected("read", f"sidecar {sidecar.name} is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise Rejected("read", f"sidecar {sidecar.name} is not a JSON object")
    return {key: str(data[key]) for key in ("url", "published") if data.get(key)}


def read_file(path: Path) -> RawDocument:
    """Read one input file; raises `Rejected` for missing, unsupported or unreadable files."""
    kind = media_type(path)
    if kind is None:
        raise Rejected("read", f"unsupported file type {''.join(path.suffixes) or '(none)'}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Rejected("read", f"cannot read file ({exc.strerror})") from None
    meta = _sidecar(path)
    return RawDocument(
        uri=path.resolve().as_uri(),
        data=raw,
        media_type=kind,
        raw_location=str(path.resolve()),
        url=meta.get("url"),
        published=meta.get("published"),
    )


def document_bytes(document: RawDocument) -> bytes:
    """The document's content bytes, decompressed when they are gzip."""
    return maybe_gunzip(document.data)


def iter_documents(
    paths: Iterable[str | Path], tally: ReadTally | None = None
) -> Iterator[RawDocument | Unreadable]:
    """Read every input under `paths`, lazily; unreadable ones come back as `Unreadable`.
    A WARC or WET file gives its article pages, one document each; the records it passes
    over are counted in `tally`."""
    for path in iter_paths(paths):
        if is_warc(path):
            if not path.is_file():
                yield Unreadable(path.resolve().as_uri(), "read", "cannot read file (no such file)")
                continue
            yield from read_warc(path, tally=tally)
            continue
        try:
            yield read_file(path)
        except Rejected as rejected:
            yield Unreadable(path.resolve().as_uri(), rejected.stage, rejected.reason)
