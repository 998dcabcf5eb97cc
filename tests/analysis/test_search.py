"""Full-text search on the samples: exact hits for known queries, spelling variants through
entity_aliases, digits and accented letters, the index kept current, and the search from
`bulletins sql` and from a notebook's read-only connection."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from etl.analysis.search import (
    IndexState,
    SearchResult,
    refresh_search_index,
    refresh_warehouse_index,
    search,
)
from etl.cli import main
from etl.load.fts import load_fts
from etl.load.warehouse import Warehouse, connect_read_only
from etl.runs.ingest import ingest
from tests.analysis.conftest import write_bulletin
from tests.conftest import TEXT_SAMPLES

ARCHIVE = "https://archive.sana.sy/en/?p="
# The samples' bulletins by the post id of their URL.
IDLIB = "185127"  # "The battle of Idlib ...": Idlib twice in the body, once in the headline
KHAJI_2019 = "171254"  # Idleb once in the body
KHAJI_JULY = "166342"  # Idleb once
BLOCKADE = "199835"  # Idleb once; "blockade" in the headline
VICTORY = "75412"  # the one that mentions neither Idlib nor Khaji


@pytest.fixture(scope="module")
def indexed(samples_home: Path) -> Path:
    """The samples' warehouse: its ingest run built the search index before publishing."""
    return samples_home / "warehouse.duckdb"


def _index_sizes(db: Path) -> tuple[int, int]:
    with closing(duckdb.connect(str(db), read_only=True)) as con:
        row = con.execute(
            "select (select count(*) from search_indexed), (select count(*) from search_recent)"
        ).fetchone()
    return (int(row[0]), int(row[1])) if row else (-1, -1)


def _search(db: Path, query: str, **options: Any) -> SearchResult:
    # Each search on its own connection, closed at once: DuckDB shares one database instance
    # between a process's connections, and the notebook test opens the file differently.
    with closing(connect_read_only(db)) as con:
        return search(con, query, **options)


def _post_ids(db: Path, query: str, **options: Any) -> list[str]:
    return [str(hit.url).removeprefix(ARCHIVE) for hit in _search(db, query, **options).hits]


def test_a_spelling_variant_finds_every_spelling_and_says_so(indexed: Path) -> None:
    result = _search(indexed, "Idleb")
    assert [hit.url for hit in result.hits] == [
        ARCHIVE + IDLIB,
        ARCHIVE + KHAJI_2019,
        ARCHIVE + KHAJI_JULY,
        ARCHIVE + BLOCKADE,
    ]
    assert result.expansions() == ["Idlib: searched every spelling: Idleb, Idlib"]
    # the bulletin that spells it Idlib (found through the alias) has it in its headline
    assert "Idlib" in result.hits[0].headline
    assert "«Idlib»" in result.hits[0].snippet
    assert "«Idleb»" in result.hits[1].snippet
    assert _post_ids(indexed, "Idlib") == [IDLIB, KHAJI_2019, KHAJI_JULY, BLOCKADE]


def test_a_word_alone_and_the_snippet_around_it(indexed: Path) -> None:
    result = _search(indexed, "blockade")
    assert [(hit.rank, hit.url, hit.published_date) for hit in result.hits] == [
        (1, ARCHIVE + BLOCKADE, dt.date(2020, 8, 17))
    ]
    assert result.expansions() == []
    assert result.hits[0].snippet.count("«blockade»") == 1


def test_every_word_of_the_query_is_required(indexed: Path) -> None:
    assert _post_ids(indexed, "Idlib blockade") == [BLOCKADE]
    assert _post_ids(indexed, "Idlib Kharrazi") == []
    assert _post_ids(indexed, "Kharrazi") == [VICTORY]
    # a query of stopwords only searches nothing
    assert _post_ids(indexed, "the of and") == []


def test_dates_and_source_narrow_the_hits(indexed: Path) -> None:
    assert _post_ids(indexed, "Idlib", since=dt.date(2020, 1, 1)) == [IDLIB, BLOCKADE]
    assert _post_ids(indexed, "Idlib", until=dt.date(2019, 12, 31)) == [KHAJI_2019, KHAJI_JULY]
    assert _post_ids(indexed, "Idlib", source="sana") == []
    assert _post_ids(indexed, "Idlib", limit=2) == [IDLIB, KHAJI_2019]


def test_a_multi_word_name_finds_its_other_spellings(indexed: Path) -> None:
    result = _search(indexed, "Mekdad")
    assert result.expansions() == [
        "Fayssal Mikdad: searched every spelling: Faisal Mekdad, Faisal al-Miqdad, "
        "Fayssal Mikdad, Mekdad, Mikdad, al-Mikdad, al-Miqdad"
    ]
    assert [hit.url for hit in result.hits] == [ARCHIVE + IDLIB, ARCHIVE + KHAJI_JULY]
    # the body spells him "Faisal al-Miqdad" in one, "Fayssal Mikdad" in the other
    assert "«Faisal» al-«Miqdad»" in result.hits[0].snippet
    assert "«Fayssal» «Mikdad»" in result.hits[1].snippet


def test_digits_and_accented_letters_are_words(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    inputs = tmp_path / "inputs"
    write_bulletin(
        inputs,
        "resolution",
        "Security Council resolution 2254 discussed in Damascus\n\n"
        "Damascus, SANA – Foreign Minister Faisal al-Miqdad discussed on Monday resolution "
        "2254 with the UN envoy, and the return of the displaced to Ḥamā and Deir ez-Zōr.\n",
        "https://sana.sy/en/politics/2254001/",
        "2021-03-01T10:00:00+02:00",
    )
    assert ingest([inputs], db).n_new == 1
    for query, marked in [
        ("2254", "«2254»"),
        ("Hama", "«Ḥamā»"),
        ("Ḥamā", "«Ḥamā»"),
        ("Zor", "«Zōr»"),
    ]:
        hits = _search(db, query).hits
        assert [hit.url for hit in hits] == ["https://sana.sy/en/politics/2254001/"], query
        assert marked in hits[0].snippet, query
    assert _search(db, "2255").hits == ()


def test_the_index_follows_new_and_changed_bulletins(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    assert ingest([TEXT_SAMPLES], db).n_new == 5
    # the run built the index of its small warehouse before publishing
    assert _index_sizes(db) == (5, 0)
    assert _post_ids(db, "Kharrazi") == [VICTORY]
    # A new bulletin, and a sample republished with a word changed (same URL, new content).
    later = tmp_path / "later"
    write_bulletin(
        later,
        "new",
        "President al-Assad receives a delegation from Idleb\n\n"
        "Damascus, SANA – President Bashar al-Assad on Sunday received a delegation of "
        "notables from Idleb province and discussed with them the reconstruction of "
        "the schools, hospitals and roads of the province after the return of its people.\n",
        "https://sana.sy/en/politics/9000001/",
        "2024-11-03T12:00:00+02:00",
    )
    seed = next(TEXT_SAMPLES.glob("004_*.txt"))
    text = seed.read_text(encoding="utf-8").replace("imperialist West", "colonialist West")
    shutil.copy(seed.with_suffix(".json"), later / "004.json")
    (later / "004.txt").write_text(text, encoding="utf-8")
    summary = ingest([later], db)
    assert (summary.n_new, summary.n_updated) == (1, 1)

    # the run indexed its two bulletins in the small index beside the full one
    assert _index_sizes(db) == (5, 2)
    assert _post_ids(db, "reconstruction") == ["https://sana.sy/en/politics/9000001/"]
    assert _post_ids(db, "Idlib notables") == ["https://sana.sy/en/politics/9000001/"]
    # the changed bulletin is found by its new text only
    assert _post_ids(db, "colonialist") == [VICTORY]
    assert _post_ids(db, "imperialist") == []
    # and a full rebuild gives the same hits
    rebuilt = refresh_warehouse_index(db, rebuild=True)
    assert (rebuilt.rebuilt, rebuilt.n_indexed, rebuilt.n_recent) == (True, 6, 0)
    assert _post_ids(db, "colonialist") == [VICTORY]
    assert _post_ids(db, "imperialist") == []


def test_search_from_bulletins_sql_which_still_reaches_nothing_else(indexed: Path) -> None:
    runner = CliRunner()
    query = "select rank, url from search_bulletins('Idleb', max_hits := 2) order by rank"
    result = runner.invoke(main, ["sql", query, "--db", str(indexed), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {"rank": 1, "url": ARCHIVE + IDLIB},
        {"rank": 2, "url": ARCHIVE + KHAJI_2019},
    ]
    for forbidden in (
        "select * from read_text('/etc/hostname')",
        "set enable_external_access = true",
        "install fts",
        "create table t (x int)",
    ):
        result = runner.invoke(main, ["sql", forbidden, "--db", str(indexed)])
        assert result.exit_code == 1, forbidden
        assert result.output.startswith("error: "), forbidden


def test_search_from_a_notebook_opening_the_file_read_only(indexed: Path) -> None:
    with closing(duckdb.connect(str(indexed), read_only=True)) as con:
        load_fts(con)
        rows = con.execute(
            "select url from search_bulletins('Khaji blockade') order by rank"
        ).fetchall()
        groups = con.execute("select kind, label, spellings from search_query('Khaji')").fetchall()
    assert rows == [(ARCHIVE + BLOCKADE,)]
    assert groups == [
        (
            "entity",
            "Ali Asghar Khaji",
            ["Ali Asghar Hajji", "Ali Asghar Khaji", "Asghar Khaji", "Khaji"],
        )
    ]


def test_bulletins_search_prints_hits_and_the_spellings_it_searched(indexed: Path) -> None:
    runner = CliRunner()
    args = ["search", "Idleb", "--db", str(indexed), "--since", "2020-01-01"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Idlib: searched every spelling: Idleb, Idlib"
    assert lines[2].startswith(
        "  1. 2020-02-18  sana-archive  President al-Assad to Khaji: The battle"
    )
    assert lines[3] == f"     {ARCHIVE}{IDLIB}"
    assert lines[-1] == "(2 hits)"

    result = runner.invoke(main, [*args, "--format", "json"])
    payload = json.loads(result.output)
    assert payload["expanded"] == ["Idlib: searched every spelling: Idleb, Idlib"]
    assert [hit["url"] for hit in payload["hits"]] == [ARCHIVE + IDLIB, ARCHIVE + BLOCKADE]

    result = runner.invoke(main, [*args, "--format", "csv"])
    assert result.stdout.splitlines()[0] == (
        "rank,published_date,source,headline,url,score,snippet,article_id"
    )
    assert len(result.stdout.splitlines()) == 3
    assert "note: Idlib: searched every spelling: Idleb, Idlib" in result.stderr


def test_search_without_an_index_says_how_to_build_it(samples_home: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table articles (article_id varchar)")
    con.close()
    result = CliRunner().invoke(main, ["search", "Idlib", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == ("error: the warehouse has no search index: run `bulletins reindex`\n")


def test_a_big_warehouse_without_an_index_waits_for_a_full_rebuild(
    samples_home: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(samples_home / "warehouse.duckdb", db)
    with closing(duckdb.connect(str(db))) as con:
        con.execute("drop table search_indexed")
    # the publish path never builds a big index: here "big" is more than 3 bulletins
    with Warehouse(db) as warehouse:
        state = refresh_search_index(warehouse.con, max_recent=3)
    assert state == IndexState(rebuilt=False, n_indexed=0, n_recent=0, seconds=0.0)
    assert "no search index over 5 bulletins: run `bulletins reindex --full`" in caplog.text
    result = CliRunner().invoke(main, ["reindex", "--full", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("search index rebuilt in ")
    assert result.stdout.endswith(": 5 bulletins in the full index, 0 in the recent one\n")
    assert _post_ids(db, "Kharrazi") == [VICTORY]
