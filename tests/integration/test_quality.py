"""Data quality: each expectation is tripped by a deliberately broken batch. An expectation
about single rows holds back the articles that fail it and the rest publishes; a check about
the whole batch holds it back and leaves the published tables exactly as they were."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from etl.load import staging
from etl.load.quality import CheckResult, Validator
from etl.load.warehouse import Warehouse
from etl.runs.engine import parse_one, stage
from etl.runs.ingest import ingest
from etl.sources.files import iter_documents
from tests.conftest import TEXT_SAMPLES

TODAY = dt.date(2026, 11, 24)
RUN = "20261124T000000Z-abcdef"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(docs_dir=None)


@pytest.fixture
def staged_dir(tmp_path: Path) -> Path:
    """The five text samples parsed and staged as Parquet files (nothing published)."""
    items = [parse_one(item) for item in iter_documents([TEXT_SAMPLES])]  # type: ignore[arg-type]
    directory = tmp_path / "staged" / "batch-00001"
    stage(items, directory, run_id=RUN, batch_no=1)
    return directory


def corrupt(directory: Path, *statements: str) -> None:
    """Break the staged batch: run SQL on its tables, then write them back."""
    with staging.open_staged(directory) as con:
        for statement in statements:
            con.execute(statement)
        for name in staging.STAGED_TABLES:
            table = con.table(f"staging.{name}").fetch_arrow_table()
            pq.write_table(table, directory / f"{name}.parquet")


def audit(directory: Path, validator: Validator) -> staging.Audit:
    return staging.audit(
        directory, validator, run_id=RUN, run_name="test", max_reject_share=0.5, today=TODAY
    )


def failures(found: staging.Audit) -> dict[str, str]:
    return {r.label: r.severity for r in found.results if not r.success}


def article_of(directory: Path, weekday: str) -> str:
    with staging.open_staged(directory) as con:
        row = con.execute(
            "select article_id from staging.articles where weekday = ?", [weekday]
        ).fetchone()
    assert row is not None
    return str(row[0])


def staged_ids(directory: Path, table: str = "articles") -> list[str]:
    return sorted(pq.read_table(directory / f"{table}.parquet")["article_id"].to_pylist())


TRUNCATION = "paragraphs.expect_column_values_to_be_in_set(is_truncated)"


def test_the_samples_pass_with_one_warning(staged_dir: Path, validator: Validator) -> None:
    found = audit(staged_dir, validator)
    assert len(found.results) == 40
    assert failures(found) == {TRUNCATION: "warning"}
    assert (found.held, found.blocking) == ([], [])
    results = {r.label: r for r in found.results}
    assert results[TRUNCATION].unexpected_count == 1  # seed 001's cut paragraph


SATURDAY = "where weekday = 'Saturday'"

# Expectations about single rows: the Saturday bulletin fails, is held back, and the other
# four stay staged. (corruption, expectation, observed value in its reject)
ROW_FAILURES = [
    (
        f"update staging.articles set headline = 'Hi' {SATURDAY}",
        "articles.expect_column_value_lengths_to_be_between(headline)",
        "Hi",
    ),
    (
        f"update staging.articles set headline = repeat('x', 301) {SATURDAY}",
        "articles.expect_column_value_lengths_to_be_between(headline)",
        "x" * 301,
    ),
    (
        f"update staging.articles set body = '' {SATURDAY}",
        "articles.expect_column_value_lengths_to_be_between(body)",
        "",
    ),
    (
        f"update staging.articles set published_date = date '2010-12-31' {SATURDAY}",
        "articles.expect_column_values_to_be_between(published_date)",
        "2010-12-31",
    ),
    (
        f"update staging.articles set published_date = date '2099-01-01' {SATURDAY}",
        "articles.expect_column_values_to_be_between(published_date)",
        "2099-01-01",
    ),
    (
        f"update staging.articles set dateline = 'English Bulletin' {SATURDAY}",
        "articles.expect_column_values_to_not_be_in_set(dateline)",
        "English Bulletin",
    ),
    (
        f"update staging.articles set source = 'elsewhere' {SATURDAY}",
        "articles.expect_column_values_to_be_in_set(source)",
        "elsewhere",
    ),
    (
        "insert into staging.paragraphs select article_id, 99, 'Share This Article', false "
        f"from staging.articles {SATURDAY}",
        "paragraphs.expect_column_values_to_not_match_regex_list(text)",
        "Share This Article",
    ),
    (
        "insert into staging.paragraphs select article_id, 1, 'x', false "
        f"from staging.articles {SATURDAY}",
        "paragraphs.expect_compound_columns_to_be_unique(article_id,position)",
        "position=1",
    ),
]


@pytest.mark.parametrize(("corruption", "tripped", "observed"), ROW_FAILURES)
def test_a_row_that_fails_holds_back_its_article_alone(
    staged_dir: Path, validator: Validator, corruption: str, tripped: str, observed: str
) -> None:
    bad = article_of(staged_dir, "Saturday")
    everyone = staged_ids(staged_dir)
    corrupt(staged_dir, corruption)
    found = audit(staged_dir, validator)
    assert found.blocking == []
    assert [(h.article_id, h.check.label) for h in found.held] == [(bad, tripped)]
    assert failures(found)[tripped] == "critical"
    # The held article and its child rows left the staged batch for the quarantine.
    assert staged_ids(staged_dir) == sorted(set(everyone) - {bad})
    assert bad not in staged_ids(staged_dir, "paragraphs")
    held = staging.held_dir(staged_dir, RUN)
    assert staged_ids(held) == [bad]
    assert set(staged_ids(held, "paragraphs")) == {bad}
    # Its document stays (the input was seen), with a reject naming the expectation.
    rejects = pq.read_table(staged_dir / "rejects.parquet").to_pylist()
    assert [(r["stage"], r["expectation"], r["observed_value"]) for r in rejects] == [
        ("validate", tripped, observed)
    ]
    assert rejects[0]["uri"].endswith(".txt")
    assert len(pq.read_table(staged_dir / "documents.parquet")) == 5


def test_the_reject_reason_is_one_line_naming_the_expectation(
    staged_dir: Path, validator: Validator
) -> None:
    corrupt(
        staged_dir, f"update staging.articles set published_date = date '2099-01-01' {SATURDAY}"
    )
    audit(staged_dir, validator)
    (reject,) = pq.read_table(staged_dir / "rejects.parquet").to_pylist()
    assert reject["reason"] == (
        "published_date, when present, between 2011-01-01 and tomorrow: published_date "
        "'2099-01-01' (articles.expect_column_values_to_be_between(published_date))"
    )


def test_a_shared_author_that_fails_holds_back_every_article_it_signed(
    staged_dir: Path, validator: Validator
) -> None:
    corrupt(staged_dir, "update staging.authors set name = 'English Bulletin' where name = 'Manal'")
    with staging.open_staged(staged_dir) as con:
        signed = sorted(
            str(r[0])
            for r in con.execute(
                "select article_id from staging.article_authors join staging.authors "
                "using (author_id) where name = 'English Bulletin'"
            ).fetchall()
        )
    found = audit(staged_dir, validator)
    assert found.blocking == []
    assert sorted(h.article_id for h in found.held) == signed
    assert len(signed) >= 1
    with staging.open_staged(staged_dir) as con:
        assert con.execute(
            "select count(*) from staging.authors where name = 'English Bulletin'"
        ).fetchall() == [(0,)]


# Checks about the batch as a whole: the batch is blocked.
BATCH_FAILURES = [
    (
        "insert into staging.paragraphs values ('0000000000000000', 1, 'An orphan.', false)",
        "cross_table.no_orphans",
    ),
    (
        "insert into staging.captions values ('0000000000000000', 1, 'An orphan caption 1')",
        "cross_table.no_orphans",
    ),
    (
        "insert into staging.rejects select 'file:///a' || i, 'read', 'empty file', null, "
        "null, null from range(6) t(i)",
        "cross_table.rejected_share",
    ),
    (
        f"update staging.articles set article_id = null {SATURDAY}",
        "articles.expect_column_values_to_not_be_null(article_id)",
    ),
]


@pytest.mark.parametrize(("corruption", "tripped"), BATCH_FAILURES)
def test_a_batch_that_fails_a_check_about_the_whole_batch_is_blocked(
    staged_dir: Path, validator: Validator, corruption: str, tripped: str
) -> None:
    everyone = staged_ids(staged_dir)
    corrupt(staged_dir, corruption)
    found = audit(staged_dir, validator)
    assert found.blocking == [tripped]
    assert found.held == []
    if "article_id = null" not in corruption:
        assert staged_ids(staged_dir) == everyone


def test_an_unknown_dateline_is_only_a_warning(staged_dir: Path, validator: Validator) -> None:
    corrupt(staged_dir, f"update staging.articles set dateline = 'Atlantis' {SATURDAY}")
    found = audit(staged_dir, validator)
    assert failures(found) == {
        TRUNCATION: "warning",
        "articles.expect_column_values_to_be_in_set(dateline)": "warning",
    }
    assert (found.held, found.blocking) == ([], [])


def test_a_short_body_is_only_a_warning(staged_dir: Path, validator: Validator) -> None:
    corrupt(staged_dir, f"update staging.articles set word_count = 15 {SATURDAY}")
    found = audit(staged_dir, validator)
    assert failures(found) == {
        TRUNCATION: "warning",
        "articles.expect_column_values_to_be_between(word_count)": "warning",
    }
    assert (found.held, found.blocking) == ([], [])


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


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], capture_output=True, text=True, check=False
    )


def test_good_short_and_future_dated_bulletins(
    db: Path, tmp_path: Path, bulletins_home: Path
) -> None:
    """The issue's case: the good ones and the 15-word one publish, the one dated 2099 is a
    reject naming its expectation, and the run succeeds."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in ("000_91593a2357d0ac3e", "002_22b12b3928bf7f46"):
        for suffix in (".txt", ".json"):
            shutil.copy(TEXT_SAMPLES / f"{seed}{suffix}", inputs / f"{seed}{suffix}")
    (inputs / "brief.txt").write_text(
        "Al-Mikdad receives Iranian ambassador\n\n"
        "Damascus, SANA – Foreign and Expatriates Minister Faisal al-Mikdad received on Sunday "
        "the new Iranian ambassador, Hossein Akbari.\n",
        encoding="utf-8",
    )
    (inputs / "future.txt").write_text(
        (TEXT_SAMPLES / "003_4067e3c957b2e664.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (inputs / "future.json").write_text(json.dumps({"published": "2099-03-01"}), encoding="utf-8")
    result = run_cli("ingest", str(inputs), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "succeeded: seen 4, new 3, updated 0, unchanged 0, rejected 1" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select min(word_count) from articles").fetchall() == [(15,)]
        assert con.execute("select count(*) from articles").fetchall() == [(3,)]
        (reject,) = con.execute(
            "select uri, stage, expectation, observed_value from rejects"
        ).fetchall()
        assert reject[0].endswith("future.txt")
        assert reject[1:] == (
            "validate",
            "articles.expect_column_values_to_be_between(published_date)",
            "2099-03-01",
        )
        assert con.execute(
            "select status, n_rejected, n_quarantined, failed_checks from ingest_runs"
        ).fetchall() == [("succeeded", 1, 0, None)]
        (run_id,) = con.execute("select run_id from ingest_runs").fetchone() or ("",)
        held = bulletins_home / "quarantine" / run_id / "batch-00001" / "held" / "articles.parquet"
        assert con.execute(
            "select published_date::varchar from read_parquet(?)", [str(held)]
        ).fetchall() == [("2099-03-01",)]
        assert con.execute(
            "select severity, success, unexpected_count from dq_results "
            "where expectation = 'expect_column_values_to_be_between' "
            "and column_name = 'word_count'"
        ).fetchall() == [("warning", False, 1)]
    assert "rejected " in result.stderr and "future.txt (validate)" in result.stderr


def test_a_blocked_batch_publishes_nothing_and_is_quarantined(
    db: Path, tmp_path: Path, bulletins_home: Path
) -> None:
    ingest([TEXT_SAMPLES / "000_91593a2357d0ac3e.txt"], db)
    before = snapshot(db)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "good.txt").write_bytes((TEXT_SAMPLES / "002_22b12b3928bf7f46.txt").read_bytes())
    for name in ("a.txt", "b.txt"):
        (bad / name).write_bytes(b"")
    result = run_cli("ingest", str(bad), "--db", str(db))
    assert result.returncode == 2
    assert result.stdout.endswith(
        "blocked: seen 3, new 0, updated 0, unchanged 0, rejected 0; checks 40, warnings 0; "
        "3 documents quarantined, failed: cross_table.rejected_share\n"
    )
    assert snapshot(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(
            "select status, n_seen, n_quarantined, n_checks, n_checks_failed, failed_checks "
            "from ingest_runs order by started_at"
        ).fetchall() == [
            ("succeeded", 1, 0, 41, 0, None),
            ("blocked", 3, 3, 40, 1, "cross_table.rejected_share"),
        ]
        (run_id,) = con.execute("select max(run_id) from ingest_runs").fetchone() or ("",)
        quarantined = bulletins_home / "quarantine" / run_id / "batch-00001"
        assert con.execute(
            "select headline from read_parquet(?)", [str(quarantined / "articles.parquet")]
        ).fetchall() == [("President al-Assad receives Ali Asghar Khaji",)]
        assert con.execute(
            "select reason from read_parquet(?) order by uri",
            [str(quarantined / "rejects.parquet")],
        ).fetchall() == [("empty file",), ("empty file",)]
        assert con.execute(
            "select severity, observed_value from dq_results "
            "where not success and run_id = (select max(run_id) from dq_results)"
        ).fetchall() == [("critical", "2 of 3 rejected (66.7%, limit 50.0%)")]
    docs = sorted(p.name for p in (bulletins_home / "dq").iterdir())
    assert len(docs) == 2
    assert (bulletins_home / "dq" / docs[1] / "index.html").is_file()
    report = run_cli("dq", "--db", str(db), "--failed", "--format", "csv")
    assert report.returncode == 0
    assert report.stdout.splitlines()[1].split(",")[2:7] == [
        "cross_table",
        "rejected_share",
        "",
        "critical",
        "False",
    ]


def test_check_results_round_trip_through_json() -> None:
    """What the audit hands to the publish step (as JSON) is what it found."""
    result = CheckResult("articles", "expect_x", "headline", "critical", False, None, 1, '["Hi"]')
    assert CheckResult(**json.loads(json.dumps(result.row()))) == result
