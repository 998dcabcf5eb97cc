"""Every night: what the current site (sana.sy/en/) published in the run's data interval.

The run takes the articles of the interval's days and, fetched again, those of the
`look_back_days` before them, so that articles edited after they were loaded are rewritten
(unchanged ones are left alone). Because the run is driven by its data interval, Airflow's
own backfill re-runs any past range correctly:

    airflow backfill create --dag-id bulletins_nightly --from-date 2025-09-01 --to-date 2025-09-30

Tasks: discover (walk the category listings), then per batch fetch, parse, stage, validate
and publish, then summarize. Only `publish` (and `summarize`, which closes the run's ledger
row) writes the warehouse, one task at a time through the `duckdb_writer` pool; `publish`
emits an Asset per warehouse table, so that other DAGs can be scheduled on fresh data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from airflow.sdk import (
    Asset,
    CronDataIntervalTimetable,
    Param,
    TriggerRule,
    dag,
    get_current_context,
    task,
    task_group,
)
from airflow.sdk.exceptions import AirflowFailException

from etl import steps

DEFAULT_ARGS: dict[str, Any] = {
    "owner": "bulletins",
    "retries": steps.task_retries(),
    "retry_delay": dt.timedelta(minutes=1),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": dt.timedelta(minutes=30),
}
WAREHOUSE = [
    Asset(name=f"warehouse.{table}", uri=f"duckdb://warehouse/{table}")
    for table in steps.WAREHOUSE_TABLES
]
# Requests to sana.sy go out one task at a time, whatever the number of workers, so that
# the crawler's delay between requests holds.
FETCH_POOL = "sana_fetch"
WAREHOUSE_POOL = "duckdb_writer"

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
    @task(pool=FETCH_POOL)
    def discover() -> list[dict[str, Any]]:
        context = get_current_context()
        run, params = context["dag_run"], context["params"]
        try:
            return steps.plan_nightly(
                steps.ledger_run_id(run.dag_id, run.run_id, run.run_after),
                steps.trigger_for(run.dag_id),
                interval_start=context["data_interval_start"],
                interval_end=context["data_interval_end"],
                look_back_days=params["look_back_days"],
                categories=params["categories"],
                batch_size=params["batch_size"],
                delay=params["delay"],
            )
        except ValueError as exc:  # parameters that do not go together: no retry helps
            raise AirflowFailException(str(exc)) from exc

    @task(pool=FETCH_POOL)
    def fetch(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.fetch_batch(batch)

    @task
    def parse(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.parse_batch(batch)

    @task
    def stage(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.stage_batch(batch)

    @task
    def validate(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.validate_batch(batch)

    @task(pool=WAREHOUSE_POOL, outlets=WAREHOUSE)
    def publish(batch: dict[str, Any]) -> dict[str, Any]:
        return steps.publish_batch(batch)

    @task_group(group_id="batch", prefix_group_id=False)
    def one_batch(batch: dict[str, Any]) -> Any:
        return publish(validate(stage(parse(fetch(batch)))))

    @task(pool=WAREHOUSE_POOL, trigger_rule=TriggerRule.ALL_DONE)
    def summarize(results: Any) -> dict[str, Any]:
        run = get_current_context()["dag_run"]
        summary = steps.summarize_run(
            steps.ledger_run_id(run.dag_id, run.run_id, run.run_after),
            trigger=steps.trigger_for(run.dag_id),
            results=results,
        )
        if summary["status"] != "succeeded":  # blocked or failed: the run must show it
            raise AirflowFailException(summary["line"])
        return summary

    summarize(one_batch.expand(batch=discover()))


bulletins_nightly()
