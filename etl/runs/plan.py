"""Planning a DAG run: what it takes in, cut into batches for the batch steps.

    plan_nightly / plan_backfill   what to take in (local files, or a site's listings walked
                                   into the crawl frontier), cut into batches whose inputs
                                   are written to `$BULLETINS_HOME/staging/<run_id>/batch-NNNNN/`

One run of a DAG is one run of the ledger (`ingest_runs`): its id comes from the DAG run's
(`ledger_run_id`), the same for every task and retry of that DAG run; its trigger is
`airflow:<dag_id>`. This module is imported when a DAG file is parsed, so it imports its
heavy dependencies inside the functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etl import config

if TYPE_CHECKING:
    from etl.fetch.crawl import Crawler, CrawlOptions
    from etl.fetch.stored import StoredIndex
    from etl.model import RawDocument, Unreadable

log = logging.getLogger(__name__)

# The sources a backfill takes: the archive site (Wayback Machine when the origin fails),
# the Wayback Machine alone, or local files (a directory, or a WARC file).
BACKFILL_SOURCES = ("archive-site", "wayback", "path")
# Task retries (with exponential backoff) of the DAGs; tests set 0 to fail at once.
DEFAULT_TASK_RETRIES = 3
DEFAULT_LOOK_BACK_DAYS = 2
# How long to wait while another process holds the warehouse (a publish task, or readers)
# before giving up; the orchestrator then retries the task.
WAREHOUSE_LOCK_WAIT = 120.0

PLAN = "plan.json"
INPUTS = "inputs.json"
FETCHED = "fetched.json"


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


def run_dir(run_id: str) -> Path:
    return (config.home() / "staging" / run_id).resolve()


def _batch_dir(run_id: str, batch_no: int) -> Path:
    return run_dir(run_id) / f"batch-{batch_no:05d}"


def write_json(path: Path, value: Any) -> None:
    """Write JSON atomically: a step retried after a crash never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def as_date(value: str | dt.date | None) -> dt.date | None:
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


# -- what the warehouse holds ----------------------------------------------------------------


def _known_document_ids(db: Path, ids: Sequence[str]) -> set[str]:
    """The ids among `ids` that the warehouse holds, loaded by the current parser (waiting
    while a publish task holds the file)."""
    from etl.load.warehouse import bring_up_to_date, connect_read_only, known_documents

    if not ids or not db.is_file():
        return set()
    bring_up_to_date(db, wait=WAREHOUSE_LOCK_WAIT)
    con = connect_read_only(db, wait=WAREHOUSE_LOCK_WAIT)
    try:
        return known_documents(con, ids)
    finally:
        con.close()


def _stored_index(db: Path) -> StoredIndex:
    from etl.load.lookups import stored_index

    return stored_index(db, wait=WAREHOUSE_LOCK_WAIT)


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
    directory_of_run = run_dir(run_id)
    # A plan made again (a retry, a cleared DAG run) starts from nothing: what an earlier
    # attempt published is skipped as loaded, and none of its files may be taken for this one.
    shutil.rmtree(directory_of_run, ignore_errors=True)
    batches = []
    for start in range(0, len(items), batch_size):
        batch_no = start // batch_size + 1
        directory = _batch_dir(run_id, batch_no)
        write_json(directory / INPUTS, items[start : start + batch_size])
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
    write_json(
        directory_of_run / PLAN,
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


def unreadable_item(item: Unreadable, url: str | None = None) -> dict[str, Any]:
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
                yield unreadable_item(missing), None
                continue
            for record in read_warc(path):
                if isinstance(record, Unreadable):
                    yield unreadable_item(record), None
                else:
                    yield {"warc": record.raw_location, "offset": record.raw_offset}, record
            continue
        try:
            document = read_file(path)
        except Rejected as rejected:
            refused = Unreadable(path.resolve().as_uri(), rejected.stage, rejected.reason)
            yield unreadable_item(refused), None
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


def crawl_options(crawl: Mapping[str, Any]) -> CrawlOptions:
    from etl.fetch.crawl import CrawlOptions

    return CrawlOptions(
        site=str(crawl["site"]),
        since=as_date(crawl.get("since")),
        until=as_date(crawl.get("until")),
        categories=tuple(crawl.get("categories") or ()),
        wayback=str(crawl.get("wayback", "fallback")),
        delay=float(crawl.get("delay", config.DEFAULT_CRAWL_DELAY)),
        refetch=bool(crawl.get("refetch", False)),
    )


@contextmanager
def crawler_session(options: CrawlOptions, stored: StoredIndex) -> Iterator[Crawler]:
    """A crawler set up as `etl.fetch.crawl.crawl` sets it up (responses land in
    `$BULLETINS_HOME/raw`, the frontier is the CLI's)."""
    from etl.fetch.crawl import crawl_session, frontier_path
    from etl.fetch.frontier import Frontier

    with (
        Frontier(frontier_path()) as frontier,
        crawl_session(options, frontier=frontier, stored=stored, raw_dir=config.raw_dir()) as c,
    ):
        yield c


def fetched_item(url: str, item: RawDocument | Unreadable) -> dict[str, Any]:
    from etl.model import Unreadable

    if isinstance(item, Unreadable):
        return unreadable_item(item, url)
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

    options = crawl_options(crawl)
    stored = _stored_index(db)
    with crawler_session(options, stored) as session:
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
        items = [fetched_item(walk.yielded[-1], document) for document in walk.documents()]
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
    batch_size: int = config.DEFAULT_BATCH_SIZE,
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
    batch_size: int = config.DEFAULT_BATCH_SIZE,
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
    since, until = as_date(from_date), as_date(to_date)
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
