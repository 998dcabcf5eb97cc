"""Export: the manifest against the warehouse, both formats, and a run writing meanwhile."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.analysis.export import ExportedRelation, ExportRefused, export_warehouse
from etl.cli import main
from tests.analysis.conftest import write_bulletin
from tests.conftest import REPO

# At least these; the warehouse's catalog says which others (a schema grows).
TABLES = {
    "article_authors", "articles", "authors", "captions", "documents", "dq_results",
    "entities", "entity_aliases", "ingest_runs", "meeting_participants", "meetings",
    "mentions", "paragraphs", "person_roles", "rejects", "related_links", "run_batches",
}  # fmt: skip
VIEWS = {
    "bulletins_per_month", "meeting_attendance", "meetings_per_country_year",
    "mentions_per_entity_month", "output_per_author", "related_link_graph",
}  # fmt: skip
SEARCH_TABLES = {"search_indexed", "search_recent", "search_spellings"}


def _relations(db: Path) -> dict[str, str]:
    """Every table and view of the main schema but the search index's, by DuckDB's catalog."""
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        tables = con.execute(
            "select table_name, 'table' from duckdb_tables() where schema_name = 'main' "
            "and database_name = current_database() union all "
            "select view_name, 'view' from duckdb_views() where schema_name = 'main' "
            "and database_name = current_database() and not internal"
        ).fetchall()
    return {name: kind for name, kind in tables if name not in SEARCH_TABLES}


def _warehouse_facts(db: Path) -> dict[str, tuple[int, list[dict[str, str]]]]:
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        facts = {}
        for name in _relations(db):
            row = con.execute(f'select count(*) from "{name}"').fetchone()
            columns = [
                {"name": column, "type": type_}
                for column, type_, *_ in con.execute(f'describe "{name}"').fetchall()
            ]
            facts[name] = (int(row[0]) if row else -1, columns)
        return facts


def test_the_manifest_matches_the_warehouse_and_the_files(
    samples_home: Path, tmp_path: Path
) -> None:
    db = samples_home / "warehouse.duckdb"
    out = tmp_path / "export"
    manifest = export_warehouse(db, out)

    with closing(duckdb.connect(str(db), read_only=True)) as con:
        last_run = con.execute("select run_id, parser_version from ingest_runs").fetchall()
    assert len(last_run) == 1
    assert (manifest["last_run_id"], manifest["parser_version"]) == last_run[0]
    assert manifest["format"] == "parquet"
    kinds = {entry["name"]: entry["kind"] for entry in manifest["tables"]}
    assert kinds == _relations(db)
    assert {
        **dict.fromkeys(TABLES, "table"),
        **dict.fromkeys(VIEWS, "view"),
    }.items() <= kinds.items()
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [f"{name}.parquet" for name in kinds] + ["manifest.json"]
    )
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == manifest

    facts = _warehouse_facts(db)
    assert facts["articles"][0] == 5
    with closing(duckdb.connect()) as reader:
        for entry in manifest["tables"]:
            path = out / entry["file"]
            assert (entry["rows"], entry["columns"]) == facts[entry["name"]], entry["name"]
            assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            assert entry["bytes"] == path.stat().st_size
            row = reader.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()
            assert row == (entry["rows"],), entry["name"]
        # the rows themselves, both ways
        reader.execute(f"attach '{db}' as warehouse (read_only)")
        for name in ("articles", "mentions", "meetings_per_country_year"):
            for left, right in (
                (f"read_parquet('{out / name}.parquet')", f"warehouse.{name}"),
                (f"warehouse.{name}", f"read_parquet('{out / name}.parquet')"),
            ):
                differing = reader.execute(
                    f"select count(*) from (select * from {left} except all select * from {right})"
                ).fetchone()
                assert differing == (0,), name


def test_csv_files_and_the_command_line(samples_home: Path, tmp_path: Path) -> None:
    db = samples_home / "warehouse.duckdb"
    out = tmp_path / "csv"
    result = CliRunner().invoke(main, ["export", str(out), "--format", "csv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    n = len(_relations(db))
    assert result.stdout.startswith(f"exported {n} tables and views to {out} (last run ")
    assert "articles.csv: 5 rows" in result.stderr.splitlines()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    articles = next(entry for entry in manifest["tables"] if entry["name"] == "articles")
    lines = (out / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",")[:3] == ["article_id", "url", "source"]
    assert articles["rows"] == 5

    again = CliRunner().invoke(main, ["export", str(out), "--db", str(db)])
    assert again.exit_code == 1
    assert again.output == f"error: {out} exists and is not an empty directory\n"
    with pytest.raises(ExportRefused):
        export_warehouse(db, tmp_path / "x", fmt="xlsx")


def test_a_run_writing_during_the_export_changes_nothing_in_it(
    samples_home: Path, tmp_path: Path
) -> None:
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes((samples_home / "warehouse.duckdb").read_bytes())
    new = write_bulletin(
        tmp_path / "new",
        "new",
        "President al-Assad receives a delegation of notables from Homs\n\n"
        "Damascus, SANA – President Bashar al-Assad on Sunday received a delegation of "
        "notables from Homs province and discussed with them the reconstruction of the "
        "schools, hospitals and roads of the province after the return of its people.\n",
        "https://sana.sy/en/politics/9000002/",
        "2024-11-03T12:00:00+02:00",
    )
    runs: list[subprocess.Popen[str]] = []

    def run_an_ingest(relation: ExportedRelation) -> None:
        if runs:
            return
        # After the first file, a whole ingest run of a new bulletin, in another process: it
        # parses and audits meanwhile, and publishes once the export lets go of the file.
        runs.append(
            subprocess.Popen(
                [sys.executable, "-m", "etl", "ingest", str(new), "--db", str(db)],
                cwd=REPO,
                env={**os.environ, "BULLETINS_HOME": str(tmp_path / "home")},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        time.sleep(8)  # the run is under way before the export goes on

    manifest = export_warehouse(db, tmp_path / "export", on_table=run_an_ingest)
    out, err = runs[0].communicate(timeout=300)
    assert runs[0].returncode == 0, err
    assert "new 1" in out
    rows = {entry["name"]: entry["rows"] for entry in manifest["tables"]}
    assert (rows["articles"], rows["documents"], rows["ingest_runs"]) == (5, 5, 1)
    with closing(duckdb.connect()) as reader:
        urls = reader.execute(
            "select count(*) from read_parquet(?) where url = 'https://sana.sy/en/politics/9000002/'",
            [str(tmp_path / "export" / "articles.parquet")],
        ).fetchone()
    assert urls == (0,)
    # ... while the warehouse has the run's rows
    assert _warehouse_facts(db)["articles"][0] == 6
