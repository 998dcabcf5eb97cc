"""The batch engine: the one way documents become published rows, for every kind of run.

A batch goes through four steps, each of which the command line runs in one process and
the Airflow DAGs run as separate tasks (perhaps on different machines):

    parse    documents -> their rows (or a reject each), written as Parquet files in the
             batch's staging directory with a manifest: `stage`
    audit    the data-quality gate on those files: articles failing an expectation about
             single rows are held back; a failure about the batch blocks it: `audit`
    publish  the batch's rows, its checks and its counters in one transaction, or only its
             checks and counters when it is blocked; then its files are removed or moved to
             the quarantine: `publish`
    tally    what the batch added to its run's counters (`Tally`), and the pages it loaded

A batch is known by a digest of its inputs (`batch_key`): publishing a batch that its run
already published (a retried task, an Airflow run cleared and planned again) changes
nothing and returns the counters recorded the first time. What passes between steps is
Parquet and JSON, and the manifest names the code that staged it: a worker running other
code refuses the batch with a clear message instead of misreading it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from etl import config, sqlfiles
from etl.analysis.search import refresh_search_index
from etl.enrich.derive import enrichment_version
from etl.errors import Rejected
from etl.extract import PARSER_VERSION
from etl.extract.parse import parse_document
from etl.load import staging
from etl.load.quality import CheckResult, Validator
from etl.load.rows import SCHEMAS, ArticleRows, Batch, article_rows, document_row
from etl.load.warehouse import COUNTERS, Warehouse, connect_read_only
from etl.model import Bulletin, RawDocument, Unreadable
from etl.sources.warc import ReadTally

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = config.DEFAULT_BATCH_SIZE
DEFAULT_MAX_REJECT_SHARE = config.DEFAULT_MAX_REJECT_SHARE
_STAGED_COLUMNS = hashlib.sha256(
    json.dumps({k: str(v) for k, v in SCHEMAS.items()}, sort_keys=True).encode()
).hexdigest()[:12]


def stage_format() -> str:
    """The code that reads and writes staged batches: the parser's version, the enrichment
    rules' (extractor and gazetteer) and the staged tables' columns. A worker whose code
    differs refuses a batch another one staged."""
    return "/".join((PARSER_VERSION, enrichment_version(), _STAGED_COLUMNS))


MANIFEST = "manifest.json"
CHECKS = "checks.json"


class StagedByOtherCode(RuntimeError):
    """A staged batch was written by a worker running other code than this one."""


@dataclass(frozen=True)
class Parsed:
    """What parsing one document gave: its `documents` row, and its article's rows or the
    reason it was rejected. Plain data, so that worker processes can return it."""

    uri: str
    url: str | None
    document: dict[str, Any]
    article: tuple[str, ArticleRows] | None = None
    reject: tuple[str, str] | None = None  # (stage, reason)


@dataclass(frozen=True)
class StoredArticle:
    """A bulletin as the warehouse holds it (rebuilt from its stored fields) with its
    document's row: enriched again by newer rules without its document being read."""

    document: dict[str, Any]
    bulletin: Bulletin
    content_hash: str


def parse_one(item: RawDocument | StoredArticle) -> Parsed:
    """Parse one document into rows (or enrich a stored bulletin again); a bad one becomes
    a reject, never an error."""
    if isinstance(item, StoredArticle):
        doc_id = str(item.document["document_id"])
        rows = article_rows(item.bulletin, doc_id, stored_hash=item.content_hash)
        return Parsed(str(item.document["uri"]), item.bulletin.url, item.document, article=rows)
    row = document_row(item)
    try:
        bulletin = parse_document(item)
        return Parsed(item.uri, item.url, row, article=article_rows(bulletin, row["document_id"]))
    except Rejected as rejected:
        return Parsed(item.uri, item.url, row, reject=(rejected.stage, rejected.reason))
    except Exception as exc:  # one bad document must never end the run
        log.exception("unexpected failure parsing %s", item.uri)
        reason = f"internal error: {type(exc).__name__}: {exc}"
        return Parsed(item.uri, item.url, row, reject=("parse", reason))


def _json_write(path: Path, value: Any) -> None:
    """Write JSON atomically: a step retried after a crash never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)


def _json_read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def batch_key(batch: Batch) -> str:
    """A digest of a batch's inputs: its documents (address and bytes) and its unreadable
    inputs (address and reason)."""
    digest = hashlib.sha256()
    identities = sorted(
        [str(d["document_id"]) for d in batch.documents]
        + [f"{r['uri']}\0{r['reason']}" for r in batch.rejects if r["document_id"] is None]
    )
    for identity in identities:
        digest.update(identity.encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


def stage(
    items: Iterable[Parsed | Unreadable],
    directory: Path,
    *,
    run_id: str,
    batch_no: int,
    n_skipped: int = 0,
) -> dict[str, Any]:
    """Write a batch's rows as Parquet files into `directory`, with its manifest; returns
    the manifest. `n_skipped` counts the inputs passed over as loaded already (they count as
    seen and unchanged)."""
    batch = Batch()
    urls: list[str] = []
    n_inputs = 0
    for item in items:
        n_inputs += 1
        if isinstance(item, Unreadable):
            batch.add_reject(item.uri, item.stage, item.reason)
            urls.append(item.uri)
            continue
        batch.documents.append(item.document)
        urls.append(item.url or item.uri)
        if item.article is not None:
            batch.add_rows(*item.article)
        elif item.reject is not None:
            batch.add_reject(item.uri, *item.reject, str(item.document["document_id"]))
    staging.write_batch(batch, directory)
    manifest = {
        "format": stage_format(),
        "run_id": run_id,
        "batch_no": batch_no,
        "batch_key": batch_key(batch),
        "n_inputs": n_inputs,
        "n_skipped": n_skipped,
        "n_parsed": batch.n_parsed,
        "n_documents": len(batch.documents),
        "n_unread": sum(1 for r in batch.rejects if r["document_id"] is None),
        "urls": urls,
    }
    _json_write(directory / MANIFEST, manifest)
    return manifest


def read_manifest(directory: Path) -> dict[str, Any]:
    """A staged batch's manifest; raises `StagedByOtherCode` when other code staged it."""
    manifest: dict[str, Any] = _json_read(directory / MANIFEST)
    ours = stage_format()
    if manifest.get("format") != ours:
        raise StagedByOtherCode(
            f"batch {directory} was staged by other code (staging format "
            f"{manifest.get('format')!r}, this worker's {ours!r}: parser, enrichment "
            "rules and staged columns): run the same version of etl on every worker"
        )
    return manifest


def audit(
    directory: Path, validator: Validator, *, max_reject_share: float = DEFAULT_MAX_REJECT_SHARE
) -> dict[str, Any]:
    """The quality gate on a staged batch (see `etl.load.staging.audit`); its verdict is kept
    in the batch's directory for `publish` and returned."""
    manifest = read_manifest(directory)
    found = staging.audit(
        directory,
        validator,
        run_id=manifest["run_id"],
        run_name=f"{manifest['run_id']}-{manifest['batch_no']}",
        max_reject_share=max_reject_share,
    )
    verdict = {
        "results": [result.row() for result in found.results],
        "blocking": found.blocking,
        "n_held": len(found.held),
    }
    _json_write(directory / CHECKS, verdict)
    return verdict


@dataclass
class Tally:
    """What one batch added to its run, as recorded in `run_batches`."""

    n_seen: int = 0
    n_new: int = 0
    n_updated: int = 0
    n_unchanged: int = 0
    n_rejected: int = 0
    n_quarantined: int = 0
    n_checks: int = 0
    n_checks_failed: int = 0
    n_warnings: int = 0
    failed_checks: list[str] = field(default_factory=list)

    @property
    def published(self) -> bool:
        """True unless the batch was held back whole."""
        return not self.failed_checks

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Tally:
        return cls(**{k: value[k] for k in (*COUNTERS, "failed_checks") if k in value})


@dataclass
class Published:
    """A batch after `publish`: its tally, the pages it loaded (none when it was held back
    whole), its rejects (uri, stage, reason) and where its files went."""

    tally: Tally
    loaded: list[str]
    rejects: list[tuple[str, str, str]]
    kept_in: Path | None


def _rejects(directory: Path) -> list[tuple[str, str, str]]:
    path = directory / "rejects.parquet"
    if not path.is_file():
        return []
    table = pq.read_table(path, columns=["uri", "stage", "reason"])
    return [(r["uri"], r["stage"], r["reason"]) for r in table.to_pylist()]


def _open_run(
    warehouse: Warehouse, run_id: str, trigger: str, started_at: dt.datetime | None
) -> None:
    """Open the run in the ledger unless a batch of it already did."""
    warehouse.start_run(trigger, run_id, started_at=started_at)


def publish(
    directory: Path,
    db: Path,
    *,
    trigger: str,
    started_at: dt.datetime | None = None,
    wait: float = 0.0,
    on_open: Callable[[Warehouse], None] | None = None,
) -> Published:
    """Publish the audited batch staged in `directory` into the warehouse at `db`, or hold
    it back when its audit blocked it; its rows (if published), its checks and its counters
    land in one transaction, with the run opened in the ledger if it was not. Then the
    staged files are removed, or moved to `$BULLETINS_HOME/quarantine/<run_id>/`.

    Publishing a batch that its run already published returns the recorded tally and
    changes nothing. The warehouse is open only while this runs (`wait` seconds for another
    writer or readers to let go of it); `on_open` does more with it first (in its own
    transaction), such as closing runs that were interrupted."""
    manifest = read_manifest(directory) if directory.is_dir() else None
    if manifest is None:
        raise FileNotFoundError(f"no staged batch in {directory}")
    verdict = _json_read(directory / CHECKS)
    run_id, key, batch_no = manifest["run_id"], manifest["batch_key"], manifest["batch_no"]
    results = [CheckResult(**row) for row in verdict["results"]]
    rejects = _rejects(directory)
    with Warehouse(db, wait=wait) as warehouse:
        if on_open is not None:
            on_open(warehouse)
        recorded = warehouse.batch_tally(run_id, key)
        if recorded is not None:
            tally = Tally.from_json(recorded)
        elif verdict["blocking"]:
            tally = _tally(manifest, verdict, results, None, len(rejects))
            with warehouse.transaction():
                _open_run(warehouse, run_id, trigger, started_at)
                warehouse.record_results(run_id, batch_no, results)
                warehouse.record_batch(run_id, key, batch_no, tally.to_json())
        else:
            found: list[Tally] = []

            def record(counts: Any, published: CheckResult) -> None:
                checks = [*results, published]
                tally = _tally(manifest, verdict, checks, counts, len(rejects))
                _open_run(warehouse, run_id, trigger, started_at)
                warehouse.record_results(run_id, batch_no, checks)
                warehouse.record_batch(run_id, key, batch_no, tally.to_json())
                found.append(tally)

            warehouse.publish(run_id, directory, with_it=record)
            tally = found[0]
            if tally.n_new or tally.n_updated:
                # Committed: the batch's bulletins become searchable now, not at a rebuild.
                refresh_search_index(warehouse.con)
    kept_in = None
    if tally.published:
        staging.discard(directory)
    elif directory.is_dir():
        kept_in = staging.quarantine(directory, run_id)
        log.warning(
            "run %s batch %d blocked by %s; kept in %s",
            run_id,
            batch_no,
            ", ".join(tally.failed_checks),
            kept_in,
        )
    loaded = list(manifest["urls"]) if tally.published else []
    return Published(tally, loaded, rejects if tally.published else [], kept_in)


def _tally(
    manifest: Mapping[str, Any],
    verdict: Mapping[str, Any],
    checks: list[CheckResult],
    counts: Any,
    n_rejects: int,
) -> Tally:
    """A batch's counters: published with `counts` (new and updated articles), or held back
    whole (`counts` None, or the publication's own check failed)."""
    failed = list(verdict["blocking"]) + [
        c.label for c in checks[len(verdict["results"]) :] if c.blocks
    ]
    tally = Tally(
        n_seen=int(manifest["n_inputs"]) + int(manifest["n_skipped"]),
        n_checks=len(checks),
        n_checks_failed=sum(1 for c in checks if not c.success),
        n_warnings=sum(1 for c in checks if c.severity == "warning" and not c.success),
        failed_checks=failed,
    )
    if failed or counts is None:
        tally.n_quarantined = int(manifest["n_documents"]) + int(manifest["n_unread"])
        return tally
    n_kept = int(manifest["n_parsed"]) - int(verdict["n_held"])
    tally.n_new, tally.n_updated = int(counts.n_new), int(counts.n_updated)
    tally.n_unchanged = n_kept - tally.n_new - tally.n_updated + int(manifest["n_skipped"])
    tally.n_rejected = n_rejects
    return tally


def recorded_tally(db: Path, run_id: str, key: str, *, wait: float = 30.0) -> Tally | None:
    """The tally a run's batch recorded when it was published or held back, if it was."""
    if not db.is_file():
        return None
    con = connect_read_only(db, wait=wait)
    try:
        row = con.execute(
            sqlfiles.load("run_batch_tally"), {"run_id": run_id, "batch_key": key}
        ).fetchone()
    finally:
        con.close()
    return Tally.from_json(json.loads(row[0])) if row else None


def discard_run_dir(run_dir: Path) -> None:
    """Remove a run's staging directory once nothing is left in it."""
    if run_dir.is_dir() and not any(run_dir.iterdir()):
        shutil.rmtree(run_dir, ignore_errors=True)


@dataclass(kw_only=True)
class RunSummary(Tally):
    """What a run did, as recorded in `ingest_runs`: the sums of its batches' tallies."""

    run_id: str
    status: str = "running"
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (uri, stage, reason)
    docs_path: Path | None = None
    # Wall-clock seconds per stage: read, parse, stage, validate, publish, docs.
    seconds: dict[str, float] = field(default_factory=dict)
    # What reading WARC and WET files met (records passed over, by reason), if any were read.
    archives: ReadTally | None = None

    def add(self, tally: Tally) -> None:
        """Add a batch's counters to the run's."""
        for name in COUNTERS:
            setattr(self, name, getattr(self, name) + getattr(tally, name))
        self.failed_checks.extend(c for c in tally.failed_checks if c not in self.failed_checks)

    def ledger(self) -> dict[str, Any]:
        """The ledger's columns for this run."""
        counts: dict[str, Any] = {name: getattr(self, name) for name in COUNTERS}
        counts["failed_checks"] = ", ".join(self.failed_checks) or None
        return counts

    def line(self) -> str:
        """One line for people: `run X succeeded: seen 15, new 10, ...`."""
        text = (
            f"run {self.run_id} {self.status}: seen {self.n_seen}, new {self.n_new}, "
            f"updated {self.n_updated}, unchanged {self.n_unchanged}, "
            f"rejected {self.n_rejected}"
        )
        if self.n_checks:
            text += f"; checks {self.n_checks}, warnings {self.n_warnings}"
        if self.status == "blocked":
            text += f"; {self.n_quarantined} documents quarantined, failed: " + ", ".join(
                self.failed_checks
            )
        if self.archives is not None and self.archives.n_records:
            text += f"; archive records: {self.archives.summary()}"
        return text
