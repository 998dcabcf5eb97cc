"""Every night: what the current site (sana.sy/en/) published in the run's data interval.

The run takes the articles of the interval's days and, fetched again, those of the
`look_back_days` before them, so that articles edited after they were loaded are rewritten
(unchanged ones are left alone). Because the run is driven by its data interval, Airflow's
own backfill re-runs any past range correctly:

    airflow backfill create --dag-id bulletins_nightly --from-date 2025-09-01 --to-date 2025-09-30

Tasks: discover (walk the category listings), then per batch fetch, parse, validate
and publish, then summarize. Only `publish` (and `summarize`, which closes the run's ledger
row) writes the warehouse, one task at a time through the `duckdb_writer` pool; `publish`
emits an Asset per warehouse table, so that other DAGs can be scheduled on fresh data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from airflow.sdk import CronDataIntervalTimetable, Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException
from bulletins_tasks import DEFAULT_ARGS, WAREHOUSE_QUEUE, ledger_run_id, process_batches, trigger

from etl.runs import steps

# Requests to sana.sy go out one task at a time, whatever the number of workers, so that
# the crawler's delay between requests holds.
FETCH_POOL = "sana_fetch"

PARAMS = {
    "look_back_days": Param(
        steps.DEFAULT_LOOK_BACK_DAYS,
        type="integer",
        minimum=0,
        maximum=60,
        description="Days before the data interval fetched again, for late edits.",
    ),
    "categories": Param(
        ["politics", "presidency"],
        type="array",
        items={"type": "string", "pattern": "^[a-z0-9-]+$"},
        description="Category slugs of sana.sy/en/ to walk.",
    ),
    "batch_size": Param(steps.DEFAULT_BATCH_SIZE, type="integer", minimum=1, maximum=10_000),
    "delay": Param(5.0, type="number", minimum=0, description="Seconds between requests."),
}


@dag(
    dag_id="bulletins_nightly",
    # Data intervals (not bare trigger times): each run knows which day it covers.
    schedule=CronDataIntervalTimetable("@daily", timezone="UTC"),
    start_date=dt.datetime(2025, 8, 31, tzinfo=dt.UTC),  # the relaunched site's first day
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    params=PARAMS,
    tags=["bulletins"],
    doc_md=__doc__,
)
def bulletins_nightly() -> None:
    @task(pool=FETCH_POOL, queue=WAREHOUSE_QUEUE)
    def discover() -> list[dict[str, Any]]:
        context = get_current_context()
        params = context["params"]
        try:
            return steps.plan_nightly(
                ledger_run_id(),
                trigger(),
                interval_start=context["data_interval_start"],
                interval_end=context["data_interval_end"],
                look_back_days=params["look_back_days"],
                categories=params["categories"],
                batch_size=params["batch_size"],
                delay=params["delay"],
            )
        except ValueError as exc:  # parameters that do not go together: no retry helps
            raise AirflowFailException(str(exc)) from exc

    process_batches(discover(), fetch_pool=FETCH_POOL)


bulletins_nightly()
