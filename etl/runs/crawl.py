"""The crawl run: a site's crawler feeding one ingest run, the frontier told what landed."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from etl import config
from etl.fetch.crawl import (
    CrawlOptions,
    CrawlStats,
    adopt_warc_tails,
    crawl_session,
    frontier_path,
    reconcile,
)
from etl.fetch.frontier import Frontier
from etl.load.lookups import stored_index
from etl.runs.engine import DEFAULT_BATCH_SIZE, RunSummary
from etl.runs.ingest import Progress, ingest_documents


def crawl(
    options: CrawlOptions,
    db: Path,
    *,
    raw_dir: Path | None = None,
    frontier_file: Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rng: random.Random | None = None,
) -> tuple[CrawlStats, RunSummary]:
    """Crawl one site into the warehouse at `db`: every response lands in WARC files under
    `raw_dir` (default `$BULLETINS_HOME/raw`), the articles go through one ingest run.

    The pages of each published batch are marked loaded in the frontier; those of a batch
    the quality gate held back stay unloaded, and the next crawl takes them again from the
    landing zone (without fetching them again). Resumable: run again after a kill and
    nothing stored is fetched again. Raises ValueError for an unknown site or category,
    before anything is fetched.
    """
    with Frontier(frontier_file or frontier_path()) as frontier:
        adopted = adopt_warc_tails(frontier)
        stored = stored_index(db)
        reconcile(frontier, stored)
        with crawl_session(
            options,
            frontier=frontier,
            stored=stored,
            raw_dir=raw_dir or config.raw_dir(),
            transport=transport,
            sleep=sleep,
            clock=clock,
            rng=rng,
        ) as crawler:
            crawler.stats.adopted = adopted
            summary = ingest_documents(
                crawler.documents(),
                db,
                trigger="crawl",
                batch_size=batch_size,
                progress=progress,
                on_published=frontier.mark_loaded,
            )
            if crawler.finished:
                frontier.finish_job(crawler.job_id)
            crawler.stats.requests = crawler.client.n_requests
            crawler.stats.retries = crawler.client.n_retries
    return crawler.stats, summary
