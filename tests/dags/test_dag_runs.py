"""Whole DAG runs with `dag.test()` (through `airflow dags test`, as the README runs the main
job): SQLite metadata, a temporary warehouse, and for the sites a server on 127.0.0.1
imitating sana.sy, archive.sana.sy and the Wayback Machine."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, TEXT_SAMPLES
from tests.dags.conftest import LEDGER, SCRIPTS, airflow_environment, rows, run_logged, tail
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites, World, running_sites


@pytest.fixture
def sites() -> Iterator[Sites]:
    """The imitated hosts, asking for no Crawl-delay (the DAGs' `delay` is 0 here)."""
    with running_sites(World(crawl_delay={SANA: None, ARCHIVE: None, WAYBACK: None})) as found:
        yield found


def dags_test(
    airflow_home: Path,
    home: Path,
    dag_id: str,
    conf: dict[str, object],
    *,
    logical_date: str | None = None,
    sites: Sites | None = None,
) -> int:
    """`airflow dags test DAG [DATE] --conf JSON` with the project's settings; returns its
    exit status (1 when the DAG run failed)."""
    command = ["bash", str(SCRIPTS / "airflow.sh"), "dags", "test", dag_id]
    if logical_date:
        command.append(logical_date)
    command += ["--conf", json.dumps(conf)]
    env = airflow_environment(airflow_home, home, sites.env() if sites else None)
    log = home.parent / f"{dag_id}-{len(list(home.parent.glob('*.log')))}.log"
    home.mkdir(parents=True, exist_ok=True)
    done = run_logged(command, env, log, timeout=240)
    if done.returncode not in (0, 1) or "DagRun Finished" not in log.read_text():
        pytest.fail(f"airflow dags test {dag_id} did not finish a run:\n{tail(log)}")
    return done.returncode


def test_backfill_over_the_samples_then_again(airflow_home: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "warehouse.duckdb"
    conf = {"source": "path", "path": str(SAMPLES)}
    assert dags_test(airflow_home, home, "bulletins_backfill", conf) == 0
    assert rows(db, LEDGER) == [
        ("airflow:bulletins_backfill", "succeeded", 15, 10, 0, 5, 0, 0, 1, None)
    ]
    assert rows(db, "select source, count(*) from articles group by source order by source") == [
        ("sana", 5),
        ("sana-archive", 5),
    ]
    assert rows(db, "select count(*), count(distinct url) from articles") == [(10, 10)]
    assert rows(db, "select count(*) from documents") == [(15,)]
    assert rows(db, "select count(*) from rejects") == [(0,)]
    assert rows(db, "select suite, expectation, column_name from dq_results where not success") == [
        ("paragraphs", "expect_column_values_to_be_in_set", "is_truncated")
    ]
    # Seed 001's cut paragraph, in its archive and its current-site article.
    assert rows(db, "select count(*) from paragraphs where is_truncated") == [(2,)]
    assert list((home / "staging").iterdir()) == []  # published batches leave nothing behind
    (run_id,) = rows(db, "select run_id from ingest_runs")[0]
    assert (home / "dq" / run_id / "batch-00001" / "index.html").is_file()

    # Triggered again, it skips everything already loaded: only the ledger changes.
    before = rows(db, "select article_id, content_hash, last_run_id from articles order by 1")
    assert dags_test(airflow_home, home, "bulletins_backfill", conf) == 0
    assert rows(db, LEDGER)[1] == (
        "airflow:bulletins_backfill",
        "succeeded",
        15,
        0,
        0,
        15,
        0,
        0,
        0,
        None,
    )
    assert rows(db, "select article_id, content_hash, last_run_id from articles order by 1") == (
        before
    )
    assert rows(db, "select count(*) from documents") == [(15,)]


def test_a_blocked_batch_fails_the_run_after_the_good_ones_are_published(
    airflow_home: Path, tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(TEXT_SAMPLES, inputs)
    for number in range(5):  # the second batch: five empty files, all rejected
        (inputs / f"zz_{number}.txt").write_bytes(b"")
    home = tmp_path / "home"
    db = home / "warehouse.duckdb"
    conf = {"source": "path", "path": str(inputs), "batch_size": 5}
    assert dags_test(airflow_home, home, "bulletins_backfill", conf) == 1
    assert rows(db, LEDGER) == [
        (
            "airflow:bulletins_backfill",
            "blocked",
            10,
            5,
            0,
            0,
            0,
            5,
            1,
            "cross_table.rejected_share",
        )
    ]
    assert rows(db, "select count(*) from articles") == [(5,)]
    assert rows(db, "select count(*) from documents") == [(5,)]
    (run_id,) = rows(db, "select run_id from ingest_runs")[0]
    quarantined = home / "quarantine" / run_id / "batch-00002"
    assert sorted(p.name for p in quarantined.glob("*.parquet"))[:2] == [
        "article_authors.parquet",
        "articles.parquet",
    ]
    assert rows(db, f"select count(*) from read_parquet('{quarantined}/rejects.parquet')") == [(5,)]


def test_nightly_takes_the_data_interval_and_the_look_back(
    airflow_home: Path, tmp_path: Path, sites: Sites
) -> None:
    home = tmp_path / "home"
    db = home / "warehouse.duckdb"
    conf = {"look_back_days": 7, "delay": 0}
    # The run whose data interval is 2025-10-27 (00:00 to 24:00 UTC): with a week's look-back,
    # the articles of 2025-10-20 to 2025-10-27.
    code = dags_test(
        airflow_home, home, "bulletins_nightly", conf, logical_date="2025-10-28", sites=sites
    )
    assert code == 0
    assert rows(db, LEDGER) == [
        ("airflow:bulletins_nightly", "succeeded", 2, 2, 0, 0, 0, 0, 0, None)
    ]
    assert rows(db, "select url, source, published_date::varchar from articles order by url") == [
        ("https://sana.sy/en/politics/2219100/", "sana", "2025-10-27"),
        ("https://sana.sy/en/presidency/2219010/", "sana", "2025-10-20"),
    ]
    assert rows(db, "select fetched_from, http_status from documents") == [
        ("origin", 200),
        ("origin", 200),
    ]
    assert sorted(sites.world.articles_served()) == [
        "sana:/en/politics/2219100/",
        "sana:/en/presidency/2219010/",
    ]
    assert len(list((home / "raw").glob("*.warc.gz"))) >= 1


def test_backfill_of_the_archive_site_falls_back_to_wayback(
    airflow_home: Path, tmp_path: Path, sites: Sites
) -> None:
    home = tmp_path / "home"
    db = home / "warehouse.duckdb"
    conf = {
        "source": "archive-site",
        "to_date": "2019-04-30",
        "categories": ["politics"],
        "batch_size": 2,
        "delay": 0,
    }
    assert dags_test(airflow_home, home, "bulletins_backfill", conf, sites=sites) == 0
    # The newest article is fetched first to date the listing's year-less cards; the oldest
    # (2016) is gone from the archive host and comes from the Wayback Machine.
    assert rows(
        db,
        "select a.url, a.published_date::varchar, d.fetched_from from articles a "
        "join documents d using (document_id) order by a.published_date",
    ) == [
        ("https://archive.sana.sy/en/?p=75412", "2016-04-09", "wayback"),
        ("https://archive.sana.sy/en/?p=157900", "2019-03-26", "origin"),
        ("https://archive.sana.sy/en/?p=160100", "2019-04-30", "origin"),
        ("https://archive.sana.sy/en/?p=201400", "2020-09-03", "origin"),
    ]
    assert rows(db, LEDGER) == [
        ("airflow:bulletins_backfill", "succeeded", 4, 4, 0, 0, 0, 0, 0, None)
    ]
    assert rows(db, "select count(distinct batch_no) from dq_results") == [(2,)]

    # Triggered again: the listings are walked, nothing already stored is fetched again.
    served = sites.world.articles_served()
    assert dags_test(airflow_home, home, "bulletins_backfill", conf, sites=sites) == 0
    assert sites.world.articles_served() == served
    assert rows(db, LEDGER)[1] == (
        "airflow:bulletins_backfill",
        "succeeded",
        3,
        0,
        0,
        3,
        0,
        0,
        0,
        None,
    )
