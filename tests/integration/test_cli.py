"""The `bulletins` command: parse, ingest and read-only sql, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import main
from tests.conftest import TEXT_SAMPLES

SEED = TEXT_SAMPLES / "003_4067e3c957b2e664.txt"
PARSE_KEYS = [
    "url",
    "source",
    "headline",
    "published_date",
    "dateline",
    "weekday",
    "authors",
    "desk",
    "captions",
    "related",
    "paragraphs",
    "body",
    "warnings",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], capture_output=True, text=True, check=False
    )


def test_parse_json_has_exactly_the_promised_keys() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == PARSE_KEYS
    assert data["url"] == "https://archive.sana.sy/en/?p=185127"
    assert data["published_date"] == "2020-02-18"
    assert data["authors"] == ["Inas Abdulkareem"]
    assert data["body"] == "\n\n".join(data["paragraphs"])


def test_parse_url_option_overrides_the_sidecar() -> None:
    result = CliRunner().invoke(
        main, ["parse", str(SEED), "--json", "--url", "https://sana.sy/en/presidency/2210482/"]
    )
    data = json.loads(result.output)
    assert (data["url"], data["source"]) == ("https://sana.sy/en/presidency/2210482/", "sana")


def test_parse_bad_file_prints_one_line_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("parse", str(empty))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {empty}: empty file\n"


def test_sql_is_read_only_and_formats(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    ingest = run("ingest", str(TEXT_SAMPLES), "--db", str(db))
    assert ingest.returncode == 0, ingest.stderr
    assert ingest.stdout.split(":", 1)[1] == (
        " seen 5, new 5, updated 0, unchanged 0, rejected 0; checks 41, warnings 1\n"
    )

    query = "select weekday, count(*) as n from articles group by weekday order by weekday"
    csv = run("sql", query, "--db", str(db), "--format", "csv")
    assert csv.stdout == "weekday,n\nMonday,1\nSaturday,1\nTuesday,2\n,1\n"
    as_json = run("sql", query, "--db", str(db), "--format", "json")
    assert json.loads(as_json.stdout)[0] == {"weekday": "Monday", "n": 1}
    table = run("sql", query, "--db", str(db))
    assert table.stdout.splitlines() == [
        "weekday   n",
        "--------  -",
        "Monday    1",
        "Saturday  1",
        "Tuesday   2",
        "          1",
        "(4 rows)",
    ]

    for statement in ("delete from articles", "drop table articles"):
        denied = run("sql", statement, "--db", str(db))
        assert denied.returncode == 1
        assert len(denied.stderr.splitlines()) == 1
        assert "read-only mode" in denied.stderr
    for escape in ("select * from read_csv('/etc/passwd')", "attach '/tmp/other.duckdb'"):
        denied = run("sql", escape, "--db", str(db))
        assert denied.returncode == 1
        assert "file system operations are disabled" in denied.stderr
    assert run(
        "sql", "select count(*) from articles", "--db", str(db), "--format", "csv"
    ).stdout == ("count_star()\n5\n")


def test_sql_without_a_warehouse_says_so(tmp_path: Path) -> None:
    result = run("sql", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert result.stderr == (
        f"error: no warehouse at {tmp_path / 'none.duckdb'}: run `bulletins ingest` first\n"
    )


def test_warehouse_location_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("BULLETINS_HOME", str(home))
    assert run("ingest", str(SEED)).returncode == 0
    assert (home / "warehouse.duckdb").is_file()
    elsewhere = tmp_path / "elsewhere.duckdb"
    monkeypatch.setenv("BULLETINS_DB", str(elsewhere))
    assert run("ingest", str(SEED)).returncode == 0
    assert elsewhere.is_file()
    count = "select count(*) from ingest_runs"
    assert run("sql", count, "--format", "csv").stdout == "count_star()\n1\n"
    assert run("sql", count, "--format", "csv", "--db", str(home / "warehouse.duckdb")).stdout == (
        "count_star()\n1\n"
    )
