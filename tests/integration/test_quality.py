"""Data quality: each expectation is tripped by a deliberately broken batch, and a blocked
batch leaves the published tables exactly as they were."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from etl.load import staging
from etl.load.quality import CheckResult, Validator
from etl.load.rows import Batch
from etl.load.warehouse import Warehouse
from etl.runs.ingest import ingest, stage_document
from etl.sources.files import iter_documents
from tests.conftest import TEXT_SAMPLES

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(docs_dir=None)


@pytest.fixture
def staged_dir(tmp_path: Path) -> Path:
    """The five text samples parsed and staged as Parquet files (nothing published)."""
    batch = Batch()
    for item in iter_documents([TEXT_SAMPLES]):
        stage_document(item, batch)
    return staging.write_batch(batch, tmp_path / "staged")


@pytest.fixture
def staged(staged_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory connection with the staged batch loaded, to be broken by a test."""
    with staging.open_staged(staged_dir) as con:
        yield con


def audit(con: duckdb.DuckDBPyConnection, validator: Validator) -> dict[str, CheckResult]:
    results = staging.audit(con, validator, run_name="test", max_reject_share=0.5, today=TODAY)
    return {result.label: result for result in results}


def failures(results: dict[str, CheckResult]) -> dict[str, str]:
    return {label: r.severity for label, r in results.items() if not r.success}


TRUNCATION = "paragraphs.expect_column_values_to_be_in_set(is_truncated)"


def test_the_samples_pass_with_one_warning(
    staged: duckdb.DuckDBPyConnection, validator: Validator
) -> None:
    results = audit(staged, validator)
    assert len(results) == 45
    assert failures(results) == {TRUNCATION: "warning"}
    assert results[TRUNCATION].unexpected_count == 1  # seed 001's cut paragraph


SEED_001 = "(select article_id from staging.articles where weekday = 'Monday')"


@pytest.mark.parametrize(
    ("corruption", "tripped"),
    [
        (
            "update staging.articles set article_id = null where weekday = 'Saturday'",
            "articles.expect_column_values_to_not_be_null(article_id)",
        ),
        (
            "insert into staging.articles select * from staging.articles where weekday = 'Saturday'",
            "articles.expect_column_values_to_be_unique(article_id)",
        ),
        (
            "update staging.articles set headline = 'Hi' where weekday = 'Saturday'",
            "articles.expect_column_value_lengths_to_be_between(headline)",
        ),
        (
            "update staging.articles set headline = repeat('x', 301) where weekday = 'Saturday'",
            "articles.expect_column_value_lengths_to_be_between(headline)",
        ),
        (
            "update staging.articles set word_count = 19 where weekday = 'Saturday'",
            "articles.expect_column_values_to_be_between(word_count)",
        ),
        (
            "update staging.articles set published_date = date '2010-12-31' where weekday = 'Saturday'",
            "articles.expect_column_values_to_be_between(published_date)",
        ),
        (
            "update staging.articles set published_date = date '2026-11-26' where weekday = 'Saturday'",
            "articles.expect_column_values_to_be_between(published_date)",
        ),
        (
            "update staging.articles set dateline = 'English Bulletin' where weekday = 'Saturday'",
            "articles.expect_column_values_to_not_be_in_set(dateline)",
        ),
        (
            "insert into staging.paragraphs values ('0000000000000000', 1, 'An orphan.', false)",
            "cross_table.no_orphans",
        ),
        (
            "insert into staging.captions values ('0000000000000000', 1, 'An orphan caption 1')",
            "cross_table.no_orphans",
        ),
        (
            f"insert into staging.paragraphs select article_id, 1, 'x', false from {SEED_001}",
            "paragraphs.expect_compound_columns_to_be_unique(article_id,position)",
        ),
        (
            "insert into staging.related_links select article_id, 1, 'related', 't', null, null "
            "from staging.related_links limit 1",
            "related_links.expect_compound_columns_to_be_unique(article_id,position)",
        ),
        (
            "update staging.related_links set url = 'htp:/bad url' where position = 1",
            "related_links.expect_column_values_to_match_regex(url)",
        ),
        (
            "update staging.authors set name = 'English Bulletin' where name = 'Manal'",
            "authors.expect_column_values_to_not_match_regex(name)",
        ),
        (
            "update staging.authors set name = 'the meeting was attended by' where name = 'Manal'",
            "authors.expect_column_values_to_match_regex(name)",
        ),
        (
            "insert into staging.authors select * from staging.authors limit 1",
            "authors.expect_column_values_to_be_unique(author_id)",
        ),
        (
            "insert into staging.rejects select 'file:///a' || i, 'read', 'empty file', null "
            "from range(6) t(i)",
            "cross_table.rejected_share",
        ),
    ],
)
def test_a_broken_batch_trips_its_expectation(
    staged: duckdb.DuckDBPyConnection, validator: Validator, corruption: str, tripped: str
) -> None:
    staged.execute(corruption)
    expected = {TRUNCATION: "warning", tripped: "critical"}
    if "English Bulletin" in corruption and "dateline" in corruption:
        # Not a place either: the known-places warning fires too.
        expected["articles.expect_column_values_to_be_in_set(dateline)"] = "warning"
    assert failures(audit(staged, validator)) == expected


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Check Also",
        "English Bulletin",
        "Share This Article",
        "Tweet Facebook LinkedIn Pinterest",
        "TAGGED: Syria, Iran",
        "Related Articles",
        "Related News",
        "President al-Assad-Kamal Kharrazi-Iran 1",
        "About sana.english",
    ],
)
def test_boilerplate_in_a_paragraph_is_critical(
    staged: duckdb.DuckDBPyConnection, validator: Validator, boilerplate: str
) -> None:
    staged.execute(
        f"insert into staging.paragraphs select article_id, 99, ?, false from {SEED_001}",
        [boilerplate],
    )
    results = audit(staged, validator)
    label = "paragraphs.expect_column_values_to_not_match_regex_list(text)"
    assert failures(results) == {TRUNCATION: "warning", label: "critical"}
    assert results[label].unexpected_sample == f'["{boilerplate}"]'


def test_an_unknown_dateline_is_only_a_warning(
    staged: duckdb.DuckDBPyConnection, validator: Validator
) -> None:
    staged.execute("update staging.articles set dateline = 'Atlantis' where weekday = 'Saturday'")
    assert failures(audit(staged, validator)) == {
        TRUNCATION: "warning",
        "articles.expect_column_values_to_be_in_set(dateline)": "warning",
    }


def test_publish_refuses_when_published_does_not_match_parsed(staged_dir: Path, db: Path) -> None:
    articles = pq.read_table(staged_dir / "articles.parquet")
    pq.write_table(
        pa.concat_tables([articles, articles.slice(0, 1)]), staged_dir / "articles.parquet"
    )
    with Warehouse(db) as warehouse:
        _, verdict = warehouse.publish("run-x", staged_dir)
        assert (verdict.label, verdict.success, verdict.observed_value) == (
            "cross_table.published_matches_parsed",
            False,
            "12 published of 6 parsed",
        )
        assert warehouse.con.execute("select count(*) from main.articles").fetchall() == [(0,)]
        assert warehouse.con.execute("select count(*) from main.paragraphs").fetchall() == [(0,)]


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        "articles",
        "paragraphs",
        "authors",
        "article_authors",
        "related_links",
        "captions",
        "documents",
        "rejects",
    ]
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: sorted(con.execute(f"select * from main.{t}").fetchall(), key=repr) for t in tables
        }


def test_a_blocked_run_publishes_nothing_and_quarantines_the_batch(
    db: Path, tmp_path: Path, bulletins_home: Path
) -> None:
    ingest([TEXT_SAMPLES / "000_91593a2357d0ac3e.txt"], db)
    before = snapshot(db)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "short.txt").write_text(
        "Hi\n\nDamascus, SANA – The headline of this bulletin is far too short to be real, "
        "which the data-quality gate must notice before anything is published.\n",
        encoding="utf-8",
    )
    (bad / "good.txt").write_bytes((TEXT_SAMPLES / "002_22b12b3928bf7f46.txt").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "etl", "ingest", str(bad), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout.endswith(
        "blocked: seen 2, new 0, updated 0, unchanged 0, rejected 0; checks 45, warnings 0; "
        "2 documents quarantined, failed: "
        "articles.expect_column_value_lengths_to_be_between(headline)\n"
    )
    assert snapshot(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(
            "select status, n_seen, n_quarantined, n_checks, n_checks_failed, failed_checks "
            "from ingest_runs order by started_at"
        ).fetchall() == [
            ("succeeded", 1, 0, 46, 0, None),
            (
                "blocked",
                2,
                2,
                45,
                1,
                "articles.expect_column_value_lengths_to_be_between(headline)",
            ),
        ]
        (run_id,) = con.execute("select max(run_id) from ingest_runs").fetchone() or ("",)
        quarantined = bulletins_home / "quarantine" / run_id / "batch-00001" / "articles.parquet"
        assert con.execute(
            "select headline from read_parquet(?) order by headline", [str(quarantined)]
        ).fetchall() == [("Hi",), ("President al-Assad receives Ali Asghar Khaji",)]
        assert con.execute(
            "select severity, unexpected_count, unexpected_sample from dq_results "
            "where not success and run_id = (select max(run_id) from dq_results)"
        ).fetchall() == [("critical", 1, '["Hi"]')]
    docs = sorted(p.name for p in (bulletins_home / "dq").iterdir())
    assert len(docs) == 2
    assert (bulletins_home / "dq" / docs[1] / "index.html").is_file()
    report = subprocess.run(
        [sys.executable, "-m", "etl", "dq", "--db", str(db), "--failed", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert report.stdout.splitlines()[1].split(",")[2:7] == [
        "articles",
        "expect_column_value_lengths_to_be_between",
        "headline",
        "critical",
        "False",
    ]
