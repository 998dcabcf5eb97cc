"""The ingest run cut into steps that an orchestrator runs as separate tasks.

`etl.runs.ingest` runs discover-parse-stage-validate-publish in one process; the DAGs in `dags/`
run the same stages as tasks, a batch at a time, possibly on different machines:

    plan_nightly / plan_backfill   what to take in, cut into batches (`staging/<run>/...`)
    fetch_batch                    fetch a batch's pages into the raw landing zone (WARC)
    parse_batch                    read and parse a batch's documents (no warehouse)
    stage_batch                    write the batch's rows as Parquet (no warehouse)
    validate_batch                 the data-quality gate on the staged files (no warehouse)
    publish_batch                  publish or quarantine the batch: the only warehouse writer
    summarize_run                  close the run in the ledger

Steps pass small JSON-able values (a batch is a dict of ids, paths and counts); what a batch
carries between steps lives in its staging directory,
`$BULLETINS_HOME/staging/<run_id>/batch-NNNNN/`, which is shared by all workers. Only
`publish_batch` and `summarize_run` open the warehouse for writing, so an orchestrator
serializes those two and runs the others in parallel.

One run of a DAG is one run of the ledger (`ingest_runs`): its id comes from the DAG run's
(`ledger_run_id`), its trigger is `airflow:<dag_id>`, its counters are the sums of its
batches'. A run whose batch failed a critical check ends `blocked` (after the other batches
were published); one that could not finish ends `failed`.

This module is imported when a DAG file is parsed, so it imports its heavy dependencies
(DuckDB, Arrow, the parser, the crawler, great_expectations) inside the functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from etl import config
from etl.analysis.report import write_report
from etl.analysis.search import refresh_search_index

if TYPE_CHECKING:
    from etl.fetch.crawl import Crawler, CrawlOptions
    from etl.fetch.stored import StoredIndex
    from etl.load.quality import CheckResult
    from etl.load.warehouse import BatchCounts, Warehouse
    from etl.model import RawDocument, Unreadable
    from etl.runs.ingest import Parsed, RunSummary

log = logging.getLogger(__name__)

T = TypeVar("T")

# The sources a backfill takes: the archive site (Wayback Machine when the origin fails),
# the Wayback Machine alone, or local files (a directory, or a WARC file).
BACKFILL_SOURCES = ("archive-site", "wayback", "path")
# The tables that publication writes: one Airflow Asset each (`duckdb://warehouse/<table>`).
WAREHOUSE_TABLES = (
    "articles",
    "paragraphs",
    "authors",
    "article_authors",
    "related_links",
    "captions",
    "documents",
    "rejects",
    "entities",
    "entity_aliases",
    "mentions",
    "person_roles",
    "meetings",
    "meeting_participants",
    "dq_results",
    "run_batches",
    "ingest_runs",
)
# Task retries (with exponential backoff) of the DAGs; tests set 0 to fail at once.
DEFAULT_TASK_RETRIES = 3
# Batches small enough that a fetch task (5 s between requests) ends within the quarter hour.
DEFAULT_BATCH_SIZE = 200
DEFAULT_LOOK_BACK_DAYS = 2
# How long to wait while another process holds the warehouse (its writer lock, or DuckDB's
# lock on the file) before giving up; the orchestrator then retries the task.
WAREHOUSE_LOCK_WAIT = 120.0

_PLAN = "plan.json"
_INPUTS = "inputs.json"
_FETCHED = "fetched.json"
_PARSED = "parsed.pickle"
_CHECKS = "checks.json"
_COUNTERS = (
    "n_seen",
    "n_new",
    "n_updated",
    "n_unchanged",
    "n_rejected",
    "n_quarantined",
    "n_checks",
    "n_checks_failed",
    "n_warnings",
)


class DiscoveryIncomplete(RuntimeError):
    """A listing could not be walked to its end (the site failed); what was found is kept in
    the crawl frontier, and running the step again resumes the walk."""


# -- the run and its files ------------------------------------------------------------------


def ledger_run_id(dag_id: str, airflow_run_id: str, run_after: dt.datetime) -> str:
    """The ledger's run id for a DAG run: the same for every task and retry of that DAG run,
    shaped like `etl.load.warehouse.new_run_id` (`20261124T112501Z-3fa2c1`) so runs sort by time."""
    moment = run_after.astimezone(dt.UTC) if run_after.tzinfo else run_after
    digest = hashlib.sha256(f"{dag_id}\0{airflow_run_id}".encode()).hexdigest()[:6]
    return f"{moment:%Y%m%dT%H%M%SZ}-{digest}"


def task_retries() -> int:
    """How many times a failed task is retried: `$BULLETINS_TASK_RETRIES`, default 3."""
    return int(os.environ.get("BULLETINS_TASK_RETRIES") or DEFAULT_TASK_RETRIES)


def trigger_for(dag_id: str) -> str:
    """The ledger's `trigger` of a DAG's runs."""
    return f"airflow:{dag_id}"


def _run_dir(run_id: str) -> Path:
    return (config.home() / "staging" / run_id).resolve()


def _batch_dir(run_id: str, batch_no: int) -> Path:
    return _run_dir(run_id) / f"batch-{batch_no:05d}"


def _write_json(path: Path, value: Any) -> None:
    """Write JSON atomically: a step retried after a crash never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


# -- reading the warehouse while others may write it ----------------------------------------


def _while_locked(read: Callable[[], T]) -> T:
    """`read` (which opens the warehouse read-only), waiting while another process holds the
    write lock: DuckDB lets no reader in beside a writer, and the orchestrator's publish
    tasks write between the reads of others."""
    import duckdb

    deadline = time.monotonic() + WAREHOUSE_LOCK_WAIT
    pause = 0.5
    while True:
        try:
            return read()
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() + pause > deadline:
                raise
            log.info("the warehouse is being written; waiting %.1f s", pause)
            time.sleep(pause)
            pause = min(pause * 2, 15.0)


def _known_document_ids(db: Path, ids: Sequence[str]) -> set[str]:
    """The ids among `ids` that the warehouse holds, loaded by the current parser."""
    from etl import sqlfiles
    from etl.extract import PARSER_VERSION
    from etl.load.warehouse import connect_read_only

    if not ids or not db.is_file():
        return set()

    def read() -> set[str]:
        con = connect_read_only(db)
        try:
            rows = con.execute(
                sqlfiles.load("known_documents"),
                {"ids": list(ids), "parser_version": PARSER_VERSION},
            ).fetchall()
        finally:
            con.close()
        return {str(row[0]) for row in rows}

    return _while_locked(read)


def _stored_index(db: Path) -> StoredIndex:
    from etl.load.lookups import stored_index

    return _while_locked(lambda: stored_index(db))


# -- planning -------------------------------------------------------------------------------


def _write_plan(
    run_id: str,
    trigger: str,
    items: list[dict[str, Any]],
    *,
    batch_size: int,
    source: str,
    n_skipped: int,
    crawl: dict[str, Any] | None,
    job_id: str | None,
) -> list[dict[str, Any]]:
    """Cut `items` into batches, write each batch's inputs and the run's plan; returns the
    batches, the values the orchestrator maps the batch steps over."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    run_dir = _run_dir(run_id)
    # A plan made again (a retry, a cleared DAG run) starts from nothing: what an earlier
    # attempt published is skipped as loaded, and none of its files may be taken for this one.
    shutil.rmtree(run_dir, ignore_errors=True)
    batches = []
    for start in range(0, len(items), batch_size):
        batch_no = start // batch_size + 1
        directory = _batch_dir(run_id, batch_no)
        _write_json(directory / _INPUTS, items[start : start + batch_size])
        batches.append(
            {
                "run_id": run_id,
                "trigger": trigger,
                "batch_no": batch_no,
                "dir": str(directory),
                "source": source,
                "n_items": len(items[start : start + batch_size]),
                "crawl": crawl,
            }
        )
    _write_json(
        run_dir / _PLAN,
        {
            "run_id": run_id,
            "trigger": trigger,
            "source": source,
            "started_at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(),
            "n_batches": len(batches),
            "n_items": len(items),
            "n_skipped": n_skipped,
            "crawl": crawl,
            "job_id": job_id,
        },
    )
    log.info(
        "run %s: %d inputs in %d batches, %d already loaded",
        run_id,
        len(items),
        len(batches),
        n_skipped,
    )
    return batches


def _unreadable_item(item: Unreadable, url: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"uri": item.uri, "stage": item.stage, "reason": item.reason}
    if url:
        found["url"] = url
    return found


def _local_items(paths: Sequence[Path]) -> Iterator[tuple[dict[str, Any], RawDocument | None]]:
    """Each local input as a plan item (a file, a WARC record or an unreadable input), with
    its document when it could be read."""
    from etl.errors import Rejected
    from etl.model import Unreadable
    from etl.sources.files import iter_paths, read_file
    from etl.sources.warc import is_warc, read_warc

    for path in iter_paths(paths):
        if is_warc(path):
            if not path.is_file():
                missing = Unreadable(path.resolve().as_uri(), "read", "cannot read file")
                yield _unreadable_item(missing), None
                continue
            for record in read_warc(path):
                if isinstance(record, Unreadable):
                    yield _unreadable_item(record), None
                else:
                    yield {"warc": record.raw_location, "offset": record.raw_offset}, record
            continue
        try:
            document = read_file(path)
        except Rejected as rejected:
            refused = Unreadable(path.resolve().as_uri(), rejected.stage, rejected.reason)
            yield _unreadable_item(refused), None
        else:
            yield {"file": str(path.resolve())}, document


def _plan_local(
    run_id: str,
    trigger: str,
    path: str,
    *,
    batch_size: int,
    reprocess: bool,
    db: Path,
) -> list[dict[str, Any]]:
    from etl.load.rows import document_row

    root = Path(path).expanduser()
    if not root.exists():
        raise ValueError(f"path {path!r} does not exist")
    items: list[dict[str, Any]] = []
    ids: list[str | None] = []
    for item, document in _local_items([root]):
        items.append(item)
        ids.append(str(document_row(document)["document_id"]) if document else None)
    known = set() if reprocess else _known_document_ids(db, [i for i in ids if i])
    wanted = [item for item, i in zip(items, ids, strict=True) if i is None or i not in known]
    return _write_plan(
        run_id,
        trigger,
        wanted,
        batch_size=batch_size,
        source="path",
        n_skipped=len(items) - len(wanted),
        crawl=None,
        job_id=None,
    )


def _crawl_options(crawl: Mapping[str, Any]) -> CrawlOptions:
    from etl.fetch.crawl import CrawlOptions

    return CrawlOptions(
        site=str(crawl["site"]),
        since=_as_date(crawl.get("since")),
        until=_as_date(crawl.get("until")),
        categories=tuple(crawl.get("categories") or ()),
        wayback=str(crawl.get("wayback", "fallback")),
        delay=float(crawl.get("delay", config.DEFAULT_CRAWL_DELAY)),
        refetch=bool(crawl.get("refetch", False)),
    )


@contextmanager
def _crawl_session(options: CrawlOptions, stored: StoredIndex) -> Iterator[Crawler]:
    """A crawler set up as `etl.fetch.crawl.crawl` sets it up (responses land in
    `$BULLETINS_HOME/raw`, the frontier is the CLI's)."""
    from etl.fetch.crawl import crawl_session, frontier_path
    from etl.fetch.frontier import Frontier

    with (
        Frontier(frontier_path()) as frontier,
        crawl_session(options, frontier=frontier, stored=stored, raw_dir=config.raw_dir()) as c,
    ):
        yield c


def _fetched_item(url: str, item: RawDocument | Unreadable) -> dict[str, Any]:
    from etl.model import Unreadable

    if isinstance(item, Unreadable):
        return _unreadable_item(item, url)
    return {"url": url, "warc": item.raw_location, "offset": item.raw_offset}


def _plan_crawl(
    run_id: str,
    trigger: str,
    crawl: dict[str, Any],
    *,
    batch_size: int,
    db: Path,
) -> list[dict[str, Any]]:
    """Walk the site's listings and queue the articles in range in the crawl frontier; the
    articles themselves are fetched by `fetch_batch`, a batch at a time.

    The walk is the crawler's own (`etl.fetch.crawl.Crawler`), with its fetching of the
    queue left to the batches: the articles fetched while walking (to date the archive's
    year-less cards) and those an earlier run fetched but did not load come first, read from
    the landing zone. A walk that cannot reach its end raises `DiscoveryIncomplete`; running
    the step again resumes it."""
    from etl.fetch.crawl import Crawler, adopt_warc_tails, reconcile

    class ListingWalk(Crawler):
        """The crawler's walk, leaving the articles it queues in the frontier."""

        def fetch_queue(self) -> Iterator[RawDocument | Unreadable]:
            return iter(())

    options = _crawl_options(crawl)
    stored = _stored_index(db)
    with _crawl_session(options, stored) as session:
        adopt_warc_tails(session.frontier)
        reconcile(session.frontier, stored)
        walk = ListingWalk(
            session.site,
            options,
            frontier=session.frontier,
            client=session.client,
            wayback=session.wayback,
            stored=stored,
        )
        # Each document is yielded right after its URL is noted in `yielded`.
        items = [_fetched_item(walk.yielded[-1], document) for document in walk.documents()]
        items += [{"url": row.url} for row in session.frontier.queued(walk.job_id)]
        log.info("%s", walk.stats.line())
        if not walk.stats.complete:
            raise DiscoveryIncomplete(
                f"{walk.stats.line()}: " + "; ".join(walk.stats.warnings or ["listing failed"])
            )
    return _write_plan(
        run_id,
        trigger,
        items,
        batch_size=batch_size,
        source=options.site if options.wayback != "only" else "wayback",
        n_skipped=walk.stats.already_stored,
        crawl=crawl,
        job_id=walk.job_id,
    )


def nightly_window(
    interval_start: dt.datetime, interval_end: dt.datetime, look_back_days: int
) -> tuple[dt.date, dt.date]:
    """The publication dates a nightly run takes: its data interval's days (the end is
    exclusive), and `look_back_days` before them for articles edited after they were loaded."""
    if look_back_days < 0:
        raise ValueError(f"look_back_days cannot be negative ({look_back_days})")
    last = interval_end - dt.timedelta(microseconds=1)
    first = min(interval_start, last)
    return first.date() - dt.timedelta(days=look_back_days), last.date()


def plan_nightly(
    run_id: str,
    trigger: str,
    *,
    interval_start: dt.datetime,
    interval_end: dt.datetime,
    look_back_days: int = DEFAULT_LOOK_BACK_DAYS,
    categories: Sequence[str] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    delay: float = config.DEFAULT_CRAWL_DELAY,
    db: Path | None = None,
) -> list[dict[str, Any]]:
    """Plan a nightly run: the current site's articles published in the data interval, and
    in the `look_back_days` before it fetched again (late edits rewrite the article, unchanged
    ones are left alone). Returns the batches."""
    since, until = nightly_window(interval_start, interval_end, look_back_days)
    crawl = {
        "site": "sana",
        "since": since.isoformat(),
        "until": until.isoformat(),
        "categories": list(categories),
        "wayback": "fallback",
        "delay": delay,
        "refetch": True,
    }
    return _plan_crawl(run_id, trigger, crawl, batch_size=batch_size, db=db or config.db_path())


def plan_backfill(
    run_id: str,
    trigger: str,
    *,
    source: str,
    from_date: str | dt.date | None = None,
    to_date: str | dt.date | None = None,
    categories: Sequence[str] = (),
    path: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    reprocess: bool = False,
    delay: float = config.DEFAULT_CRAWL_DELAY,
    db: Path | None = None,
) -> list[dict[str, Any]]:
    """Plan a backfill: the archive site's articles published between `from_date` and
    `to_date` (either open), the same from the Wayback Machine alone, or the files under
    `path` (a directory or a WARC file). What the warehouse holds already is skipped unless
    `reprocess` (local files are parsed again; the sites' articles fetched again). Raises
    ValueError for parameters that do not go together. Returns the batches."""
    db = db or config.db_path()
    since, until = _as_date(from_date), _as_date(to_date)
    if source not in BACKFILL_SOURCES:
        raise ValueError(f"source must be one of {', '.join(BACKFILL_SOURCES)}, not {source!r}")
    if since and until and since > until:
        raise ValueError(f"from_date {since} is after to_date {until}")
    if source == "path":
        if not path:
            raise ValueError("source 'path' needs a path (a directory or a WARC file)")
        if since or until or categories:
            raise ValueError("from_date, to_date and categories apply to the sites, not a path")
        return _plan_local(run_id, trigger, path, batch_size=batch_size, reprocess=reprocess, db=db)
    if path:
        raise ValueError(f"path applies to source 'path', not {source!r}")
    crawl = {
        "site": "sana-archive",
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "categories": list(categories),
        "wayback": "only" if source == "wayback" else "fallback",
        "delay": delay,
        "refetch": reprocess,
    }
    return _plan_crawl(run_id, trigger, crawl, batch_size=batch_size, db=db)


# -- the batch steps ------------------------------------------------------------------------


def fetch_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """Fetch the batch's articles that are not in the landing zone yet (the origin, else the
    Wayback Machine), each response landing in WARC files under `$BULLETINS_HOME/raw`. An
    article that cannot be had becomes a reject with the reason. Local inputs pass through."""
    directory = Path(batch["dir"])
    items: list[dict[str, Any]] = _read_json(directory / _INPUTS)
    wanted = [i for i, item in enumerate(items) if set(item) == {"url"}]
    n_origin = n_wayback = n_failed = 0
    if wanted:
        from etl.fetch.stored import StoredIndex

        options = _crawl_options(batch["crawl"])
        with _crawl_session(options, StoredIndex()) as crawler:
            for index in wanted:
                url = items[index]["url"]
                row = crawler.frontier.get(url)
                if row is None:
                    raise RuntimeError(f"{url} is not in the crawl frontier; plan the run again")
                # One page at a time, each noted in the frontier as soon as it is on disk.
                items[index] = _fetched_item(url, crawler.fetch_article(row))
            n_origin = crawler.stats.fetched_origin
            n_wayback = crawler.stats.fetched_wayback
            n_failed = crawler.stats.failed
    _write_json(directory / _FETCHED, items)
    log.info(
        "batch %s: fetched %d from origin, %d from Wayback, %d failed",
        batch["batch_no"],
        n_origin,
        n_wayback,
        n_failed,
    )
    return {**batch, "n_fetched": n_origin + n_wayback, "n_fetch_failed": n_failed}


def _read_item(item: Mapping[str, Any]) -> RawDocument | Unreadable:
    from etl.errors import Rejected
    from etl.model import Unreadable
    from etl.sources.files import read_file
    from etl.sources.warc import read_record

    if "warc" in item:
        return read_record(Path(item["warc"]), int(item["offset"]))
    if "file" in item:
        path = Path(item["file"])
        try:
            return read_file(path)
        except Rejected as rejected:
            return Unreadable(path.as_uri(), rejected.stage, rejected.reason)
    return Unreadable(str(item["uri"]), str(item["stage"]), str(item["reason"]))


def parse_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """Read and parse the batch's documents (extraction, bulletin rules, entities and
    meetings): each becomes its rows or a reject, kept in the batch's directory."""
    from etl.model import Unreadable
    from etl.runs.ingest import parse_one

    directory = Path(batch["dir"])
    source = directory / _FETCHED
    items = _read_json(source if source.is_file() else directory / _INPUTS)
    parsed: list[Parsed | Unreadable] = []
    for item in items:
        document = _read_item(item)
        parsed.append(document if isinstance(document, Unreadable) else parse_one(document))
    # Pickle, not JSON: the rows keep their exact types (dates, timestamps) on their way to
    # Parquet, and the file is read back only by this run's own next step.
    partial = directory / (_PARSED + ".partial")
    with partial.open("wb") as handle:
        pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(directory / _PARSED)
    n_rejected = sum(1 for p in parsed if isinstance(p, Unreadable) or p.reject is not None)
    return {**batch, "n_seen": len(items), "n_parse_rejected": n_rejected}


def stage_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """Write the batch's rows as Parquet files in its staging directory (the warehouse is
    not touched); returns the counts that publication accounts for."""
    from etl.load import staging
    from etl.load.rows import Batch
    from etl.model import Unreadable
    from etl.runs.ingest import add_parsed

    directory = Path(batch["dir"])
    with (directory / _PARSED).open("rb") as handle:
        parsed: list[Parsed | Unreadable] = pickle.load(handle)
    rows = Batch()
    for item in parsed:
        if isinstance(item, Unreadable):
            rows.add_reject(item.uri, item.stage, item.reason)
        else:
            add_parsed(rows, item)
    staging.write_batch(rows, directory)
    return {
        **batch,
        "n_parsed": rows.n_parsed,
        "n_documents": len(rows.documents),
        "n_unread": sum(1 for r in rows.rejects if r["document_id"] is None),
        "n_rejects": len(rows.rejects),
    }


def validate_batch(
    batch: Mapping[str, Any], *, max_reject_share: float | None = None
) -> dict[str, Any]:
    """The data-quality gate on the staged files: the great_expectations suites and the
    cross-table checks, results kept in the batch's directory and Data Docs built under
    `$BULLETINS_HOME/dq/<run_id>/batch-NNNNN/`. The verdict is `pass` or `block`."""
    from dataclasses import asdict

    from etl.load import staging
    from etl.load.quality import Validator
    from etl.runs.ingest import DEFAULT_MAX_REJECT_SHARE

    directory = Path(batch["dir"])
    run_id, batch_no = str(batch["run_id"]), int(batch["batch_no"])
    docs_dir = (config.home() / "dq" / run_id / directory.name).resolve()
    validator = Validator(docs_dir)
    with staging.open_staged(directory) as con:
        results = staging.audit(
            con,
            validator,
            run_name=f"{run_id}-{batch_no}",
            max_reject_share=DEFAULT_MAX_REJECT_SHARE
            if max_reject_share is None
            else max_reject_share,
        )
    docs = validator.build_docs()
    _write_json(directory / _CHECKS, [asdict(result) for result in results])
    failed = [result.label for result in results if result.blocks]
    return {
        **batch,
        "verdict": "block" if failed else "pass",
        "failed_checks": failed,
        "n_warnings": sum(1 for r in results if r.severity == "warning" and not r.success),
        "docs": str(docs) if docs else None,
    }


def _open_run(warehouse: Warehouse, run_id: str, trigger: str, started_at: dt.datetime) -> None:
    """Open the run in the ledger unless a batch of it already did."""
    from etl import sqlfiles
    from etl.extract import PARSER_VERSION

    (exists,) = warehouse.con.execute(
        sqlfiles.load("lookups/run_exists"), {"run_id": run_id}
    ).fetchone() or (0,)
    if exists:
        return
    for statement in sqlfiles.statements("run_start"):
        params = {
            "run_id": run_id,
            "trigger": trigger,
            "started_at": started_at,
            "parser_version": PARSER_VERSION,
        }
        wanted = sqlfiles.parameters(statement)
        warehouse.con.execute(statement, {k: v for k, v in params.items() if k in wanted})


def _started_at(run_id: str) -> dt.datetime:
    plan = _run_dir(run_id) / _PLAN
    if plan.is_file():
        return dt.datetime.fromisoformat(_read_json(plan)["started_at"])
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _tally(summary: RunSummary) -> dict[str, Any]:
    found: dict[str, Any] = {name: getattr(summary, name) for name in _COUNTERS}
    found["failed_checks"] = list(summary.failed_checks)
    return found


def publish_batch(batch: Mapping[str, Any], *, db: Path | None = None) -> dict[str, Any]:
    """Publish the audited batch in one transaction, or quarantine it when a critical check
    failed (its files go to `$BULLETINS_HOME/quarantine/<run_id>/`); record its checks in
    `dq_results`. The only step that writes the warehouse, with `summarize_run`.

    The batch's rows, its checks and its counters (table `run_batches`) are written in one
    transaction. Returns the batch's share of the run's counters. Running it again for a
    batch it already published, as a retry after a crash at any point does, returns the same
    counters and changes nothing."""
    from etl.load import staging
    from etl.load.warehouse import Warehouse

    run_id, batch_no = str(batch["run_id"]), int(batch["batch_no"])
    directory = Path(batch["dir"])
    urls: list[str] = []
    if (directory / _FETCHED).is_file():
        urls = [item["url"] for item in _read_json(directory / _FETCHED) if item.get("url")]
    with Warehouse(db or config.db_path(), wait=WAREHOUSE_LOCK_WAIT) as warehouse:
        recorded = warehouse.batch_tally(run_id, batch_no)
        if recorded is not None:
            # A retry after the batch was published: the batch's rows, checks and counters
            # went in together; what follows the commit below is done again, harmlessly.
            tally, published = recorded, not recorded["failed_checks"]
        else:
            tally, published = _publish_staged(warehouse, batch, directory)
        # The batch is visible once committed: searchable from then on too (a retry after
        # a crash here refreshes again, harmlessly).
        refresh_search_index(warehouse.con)
    if tally["failed_checks"]:
        if directory.is_dir():
            where = staging.quarantine(directory, run_id)
            log.warning(
                "run %s batch %d blocked by %s; kept in %s",
                run_id,
                batch_no,
                tally["failed_checks"],
                where,
            )
    else:
        staging.discard(directory)
    if published and urls:
        # The frontier notes the pages the warehouse now holds; a quarantined batch's pages
        # stay unloaded, so the next run takes them again from the landing zone.
        from etl.fetch.crawl import frontier_path
        from etl.fetch.frontier import Frontier

        with Frontier(frontier_path()) as frontier:
            frontier.mark_loaded(urls)
    return tally


def _publish_staged(
    warehouse: Warehouse, batch: Mapping[str, Any], directory: Path
) -> tuple[dict[str, Any], bool]:
    """Publish a staged batch, or hold it back when an audit check blocked it, and record its
    checks and counters in the same transaction. Returns its counters and whether it was
    published."""
    from etl.load.quality import CheckResult
    from etl.runs.ingest import RunSummary

    run_id, batch_no = str(batch["run_id"]), int(batch["batch_no"])
    results = [CheckResult(**row) for row in _read_json(directory / _CHECKS)]

    def record(counts: BatchCounts | None, verdict: CheckResult | None) -> dict[str, Any]:
        summary = RunSummary(run_id=run_id, n_seen=int(batch["n_seen"]))
        checks = [*results, verdict] if verdict is not None else results
        if counts is not None and verdict is not None and verdict.success:
            summary.n_new, summary.n_updated = counts.n_new, counts.n_updated
            summary.n_unchanged = int(batch["n_parsed"]) - counts.n_new - counts.n_updated
            summary.n_rejected = int(batch["n_rejects"])
        summary.failed_checks = [result.label for result in checks if result.blocks]
        if summary.failed_checks:
            summary.n_quarantined = int(batch["n_documents"]) + int(batch["n_unread"])
        summary.n_checks = len(checks)
        summary.n_checks_failed = sum(1 for result in checks if not result.success)
        summary.n_warnings = sum(1 for r in checks if r.severity == "warning" and not r.success)
        tally = _tally(summary)
        _open_run(warehouse, run_id, str(batch["trigger"]), _started_at(run_id))
        warehouse.record_results(run_id, batch_no, checks)
        warehouse.record_batch(run_id, batch_no, tally)
        return tally

    if any(result.blocks for result in results):
        with warehouse.transaction():
            return record(None, None), False
    found: list[dict[str, Any]] = []
    _, verdict = warehouse.publish(
        run_id, directory, with_it=lambda counts, verdict: found.append(record(counts, verdict))
    )
    return found[0], verdict.success


def summarize_run(
    run_id: str,
    *,
    trigger: str,
    results: Sequence[Mapping[str, Any] | None] | Mapping[str, Any] | None,
    db: Path | None = None,
) -> dict[str, Any]:
    """Close the run in the ledger with the sums of its batches' counters (documents the
    plan skipped as already loaded count as seen and unchanged), and say how it went.

    The status is `succeeded`; `blocked` when a batch failed a critical check (the others
    were published); `failed` when the plan or a batch did not finish. A crawl whose run
    succeeded is marked finished in the frontier, so the next run with the same parameters
    walks the listings afresh.

    `results` are the batches' `publish_batch` values, those that finished (an orchestrator
    may hand over a lone value as itself rather than in a list)."""
    from etl.load.warehouse import Warehouse
    from etl.runs.ingest import RunSummary

    plan_path = _run_dir(run_id) / _PLAN
    plan: dict[str, Any] | None = _read_json(plan_path) if plan_path.is_file() else None
    if results is None:
        results = []
    elif isinstance(results, Mapping):
        results = [results]
    tallies = [dict(r) for r in results if r]
    summary = RunSummary(run_id=run_id)
    for tally in tallies:
        for name in _COUNTERS:
            setattr(summary, name, getattr(summary, name) + int(tally.get(name, 0)))
        summary.failed_checks.extend(
            c for c in tally.get("failed_checks", []) if c not in summary.failed_checks
        )
    n_batches = int(plan["n_batches"]) if plan else 0
    if plan:
        summary.n_seen += int(plan["n_skipped"])
        summary.n_unchanged += int(plan["n_skipped"])
    if plan is None or len(tallies) < n_batches:
        summary.status = "failed"
    elif summary.failed_checks:
        summary.status = "blocked"
    else:
        summary.status = "succeeded"
    with Warehouse(db or config.db_path(), wait=WAREHOUSE_LOCK_WAIT) as warehouse:
        _open_run(warehouse, run_id, trigger, _started_at(run_id))
        warehouse.finish_run(run_id, summary.status, summary.ledger())
    if plan and plan.get("job_id") and summary.status == "succeeded":
        from etl.fetch.crawl import frontier_path
        from etl.fetch.frontier import Frontier

        with Frontier(frontier_path()) as frontier:
            frontier.finish_job(str(plan["job_id"]))
    line = summary.line()
    if plan is None:
        line += "; no plan: discovery did not finish"
    elif len(tallies) < n_batches:
        line += f"; {n_batches - len(tallies)} of {n_batches} batches did not finish"
    if summary.status != "failed":
        plan_path.unlink(missing_ok=True)
        run_dir = _run_dir(run_id)
        if run_dir.is_dir() and not any(run_dir.iterdir()):
            run_dir.rmdir()
    log.info("%s", line)
    return {
        "run_id": run_id,
        "status": summary.status,
        "line": line,
        "n_batches": n_batches,
        **_tally(summary),
        "dq_dir": str((config.home() / "dq" / run_id).resolve()),
        "report": _write_report(db or config.db_path()),
    }


def _write_report(db: Path) -> str | None:
    """The warehouse's HTML report after a run, and where it is (logged); a report that
    cannot be written is logged with its reason and does not fail the run."""
    try:
        index = write_report(db)
    except (duckdb.Error, OSError, ValueError) as exc:  # the run's data is published already
        log.warning("report not written: %s: %s", type(exc).__name__, exc)
        return None
    log.info("report: %s", index)
    return str(index)
