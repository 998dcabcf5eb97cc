"""Versioned derived data: the samples' parsed and derived output is recorded per version,
so a rule change that changes it without a new version fails here; and `reprocess_stale`
re-derives exactly what older versions made."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.enrich import derive
from etl.enrich.derive import enrichment_version
from etl.extract import PARSER_VERSION
from etl.runs.ingest import ingest
from etl.runs.reprocess import reprocess_stale
from tests import versions
from tests.conftest import TEXT_SAMPLES

HOW = "record the new version's digests with `uv run python -m tests.versions`"


def test_the_parsed_samples_match_the_parser_version() -> None:
    found = versions.observed()["parsed"]
    known = versions.recorded()["parser"].get(PARSER_VERSION)
    assert known is not None, f"parser version {PARSER_VERSION} has no recorded output: {HOW}"
    changed = sorted(name for name in found if name in known and known[name] != found[name])
    assert changed == [], (
        f"parsed output changed but PARSER_VERSION is still {PARSER_VERSION}: bump it in "
        f"etl/extract/__init__.py, then {HOW}"
    )
    assert sorted(set(found) - set(known)) == [], f"samples without a recorded parse: {HOW}"


def test_the_derived_rows_match_the_enrichment_version() -> None:
    found = versions.observed()["derived"]
    version = enrichment_version()
    known = versions.recorded()["enrichment"].get(version)
    assert known is not None, f"enrichment version {version} has no recorded output: {HOW}"
    changed = sorted(name for name in found if name in known and known[name] != found[name])
    assert changed == [], (
        f"derived rows changed but the enrichment version is still {version}: bump "
        f"EXTRACTOR_VERSION in etl/enrich/__init__.py, then {HOW}"
    )
    assert sorted(set(found) - set(known)) == [], f"samples without recorded rows: {HOW}"


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


def test_a_changed_gazetteer_is_re_derived_without_reading_the_documents(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(TEXT_SAMPLES, inputs)
    ingest([inputs], db)
    before = enrichment_version()
    assert rows(db, "select distinct enrichment_version from articles") == [(before,)]
    alias = "select count(*) from entity_aliases where alias = 'Dr. Kamal Kharrazi of Iran'"
    assert rows(db, alias) == [(0,)]
    # A gazetteer of the user's own, giving a person the samples mention a new spelling.
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[person]]\nname = "Kamal Kharrazi"\ncountry = "IR"\n'
        'aliases = ["Dr. Kamal Kharrazi of Iran"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BULLETINS_GAZETTEER", str(extra))
    derive._enrichment_version.cache_clear()
    after = enrichment_version()
    assert after != before and after.split("+")[0] == before.split("+")[0]
    shutil.rmtree(inputs)  # re-deriving reads no document
    summary = reprocess_stale(db)
    assert (summary.n_seen, summary.n_updated, summary.n_new, summary.n_rejected) == (5, 5, 0, 0)
    assert rows(db, "select distinct enrichment_version from articles") == [(after,)]
    assert rows(db, alias) == [(1,)]
    # Nothing else of the articles changed, and what is current is left alone.
    again = reprocess_stale(db)
    assert (again.n_seen, again.n_updated) == (0, 0)


def test_what_an_older_parser_made_is_parsed_again(db: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(TEXT_SAMPLES, inputs)
    ingest([inputs], db)
    with duckdb.connect(str(db)) as con:  # two articles as an older parser wrote them
        con.execute(
            "update articles set parser_version = '0' where article_id in "
            "(select article_id from articles order by article_id limit 2)"
        )
    summary = reprocess_stale(db)
    assert (summary.n_seen, summary.n_updated, summary.n_rejected) == (2, 2, 0)
    assert rows(db, "select parser_version, count(*) from articles group by all") == [
        (PARSER_VERSION, 5)
    ]
    # A document whose file is gone cannot be parsed again: a reject says so, and the
    # article stays as the older parser wrote it.
    with duckdb.connect(str(db)) as con:
        con.execute(
            "update articles set parser_version = '0' where article_id in "
            "(select article_id from articles order by article_id limit 3)"
        )
        (location,) = con.execute(
            "select raw_location from documents join articles using (document_id) "
            "where parser_version = '0' order by article_id limit 1"
        ).fetchone() or ("",)
    Path(str(location)).unlink()
    summary = reprocess_stale(db)
    assert (summary.n_seen, summary.n_updated, summary.n_rejected) == (3, 2, 1)
    assert summary.rejects[0][1:] == (
        "read",
        "stored document: cannot read file (No such file or directory)",
    )
    assert rows(db, "select parser_version, count(*) from articles group by all order by 1") == [
        ("0", 1),
        (PARSER_VERSION, 4),
    ]
