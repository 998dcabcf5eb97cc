"""Ingest end to end into a temporary DuckDB file: idempotence, updates, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.runs.ingest import ingest
from tests.conftest import PAGES, SAMPLES, TEXT_SAMPLES


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query).fetchall()


def table_contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
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
    return {t: sorted(rows(db, f"select * from {t}"), key=repr) for t in tables}


def test_ingest_text_samples(db: Path, bulletins_home: Path) -> None:
    summary = ingest([TEXT_SAMPLES], db)
    assert list((bulletins_home / "staging").iterdir()) == []  # published batches are removed
    assert (
        summary.n_seen,
        summary.n_new,
        summary.n_updated,
        summary.n_unchanged,
        summary.n_rejected,
    ) == (5, 5, 0, 0, 0)
    assert rows(db, "select count(*) from paragraphs") == [(53,)]
    assert rows(db, "select name from authors order by name") == [
        ("H. Said",),
        ("Hazem Sabbagh",),
        ("Inas Abdulkareem",),
        ("Manal",),
    ]
    assert rows(
        db,
        "select a.name, aa.position from article_authors aa join authors a using (author_id) "
        "join articles using (article_id) where weekday = 'Saturday' order by aa.position",
    ) == [("H. Said", 1), ("Manal", 2), ("Hazem Sabbagh", 3)]
    assert rows(db, "select count(*), count(distinct article_id) from related_links") == [(4, 4)]
    assert rows(db, "select text from captions order by position") == [
        ("President al-Assad-Kamal Kharrazi-Iran 1",),
        ("President al-Assad-Kamal Kharrazi-Iran 2",),
    ]
    assert rows(db, "select count(*) from paragraphs where is_truncated") == [(1,)]
    assert rows(db, "select status, n_seen, n_new from ingest_runs") == [("succeeded", 5, 5)]


def test_ingest_twice_changes_only_the_ledger(db: Path) -> None:
    ingest([TEXT_SAMPLES], db)
    before = table_contents(db)
    summary = ingest([TEXT_SAMPLES], db)
    assert (summary.n_seen, summary.n_new, summary.n_updated, summary.n_unchanged) == (5, 0, 0, 5)
    assert table_contents(db) == before
    assert rows(db, "select n_new, n_unchanged from ingest_runs order by started_at") == [
        (5, 0),
        (0, 5),
    ]


def test_changed_body_updates_the_row_and_its_children(db: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = "002_22b12b3928bf7f46"
    for suffix in (".txt", ".json"):
        shutil.copy(TEXT_SAMPLES / f"{seed}{suffix}", inputs / f"{seed}{suffix}")
    first = ingest([inputs], db)
    ((article_id, first_run, body_before),) = rows(
        db, "select article_id, first_run_id, body from articles"
    )
    text = (inputs / f"{seed}.txt").read_text(encoding="utf-8")
    edited = text.replace(
        "and to continue fighting terrorism.",
        "and to continue fighting terrorism.\n\nA new closing paragraph was added.",
    )
    (inputs / f"{seed}.txt").write_text(edited, encoding="utf-8")
    second = ingest([inputs], db)
    assert (second.n_new, second.n_updated, second.n_unchanged) == (0, 1, 0)
    assert rows(db, "select article_id, first_run_id, last_run_id from articles") == [
        (article_id, first.run_id, second.run_id)
    ]
    assert first_run == first.run_id
    assert rows(db, "select count(*), max(position) from paragraphs") == [(9, 9)]
    assert rows(db, "select text from paragraphs where position = 8") == [
        ("A new closing paragraph was added.",)
    ]
    assert rows(db, "select count(*) from article_authors") == [(1,)]
    assert rows(db, "select count(*) from related_links") == [(1,)]
    assert body_before != rows(db, "select body from articles")[0][0]
    assert rows(db, "select count(*) from documents") == [(2,)]


def test_bad_inputs_are_rejected_and_the_rest_loaded(db: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(TEXT_SAMPLES / "000_91593a2357d0ac3e.txt", inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (inputs / "footer.txt").write_text(
        "Check Also\n\nSyria condemns Israeli occupation massacre in Jenin\n\n"
        "Damascus, SANA- Syria condemned the Israeli occupation forces’ storming …\n",
        encoding="utf-8",
    )
    (inputs / "bad-sidecar.txt").write_text("Headline\n\nSome body text here.\n", encoding="utf-8")
    (inputs / "bad-sidecar.json").write_text("{not json", encoding="utf-8")
    summary = ingest(
        [inputs, tmp_path / "missing.txt", tmp_path / "notes.pdf"], db, max_reject_share=1.0
    )
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (7, 1, 6)
    reasons = {Path(uri).name: (stage, reason) for uri, stage, reason in summary.rejects}
    assert reasons == {
        "empty.txt": ("read", "empty file"),
        "binary.txt": ("read", "binary data, not text (control bytes found)"),
        "footer.txt": ("parse", "no body text: only a headline, byline or Check Also footer"),
        "bad-sidecar.txt": (
            "read",
            "sidecar bad-sidecar.json is not valid JSON (Expecting property name enclosed in "
            "double quotes: line 1 column 2 (char 1))",
        ),
        "missing.txt": ("read", "cannot read file (No such file or directory)"),
        "notes.pdf": ("read", "unsupported file type .pdf"),
    }
    assert rows(db, "select count(*) from rejects") == [(6,)]
    assert rows(db, "select count(*) from articles") == [(1,)]
    assert rows(db, "select n_rejected, status from ingest_runs") == [(6, "succeeded")]


def test_pages_that_are_not_articles_are_rejected(db: Path) -> None:
    summary = ingest([PAGES, TEXT_SAMPLES], db)
    assert (summary.n_seen, summary.n_new, summary.n_rejected) == (9, 5, 4)
    assert sorted((Path(uri).name, stage, reason) for uri, stage, reason in summary.rejects) == [
        ("sana-404.html", "extract", "not an article: a 404 page"),
        ("sana-archive-404.html", "extract", "not an article: a 404 page"),
        ("sana-archive-listing.html", "extract", "not an article: a listing page"),
        ("sana-listing.html", "extract", "not an article: a listing page"),
    ]
    assert rows(db, "select count(*) from documents") == [(9,)]


def test_samples_text_and_archive_pages_are_the_same_articles(db: Path) -> None:
    summary = ingest([SAMPLES], db)
    # Each seed's text and archive page share a URL: one article; the current site's pages
    # have their own URLs.
    assert (summary.n_seen, summary.n_new, summary.n_unchanged, summary.n_rejected) == (
        15,
        10,
        5,
        0,
    )
    assert rows(db, "select source, count(*) from articles group by source order by source") == [
        ("sana", 5),
        ("sana-archive", 5),
    ]


def test_unchanged_documents_are_not_parsed_again(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import etl.runs.ingest

    ingest([TEXT_SAMPLES], db)
    calls: list[str] = []
    real = etl.runs.ingest.parse_one

    def counting(item):  # type: ignore[no-untyped-def]
        calls.append(item.uri)
        return real(item)

    monkeypatch.setattr(etl.runs.ingest, "parse_one", counting)
    summary = ingest([TEXT_SAMPLES], db)
    assert (summary.n_seen, summary.n_unchanged, summary.n_checks) == (5, 5, 0)
    assert calls == []


def test_two_workers_load_the_same_rows_as_one(tmp_path: Path) -> None:
    # Batches of 4: the workers parse a batch while the main process publishes the one before.
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    first = ingest([SAMPLES], one, workers=1, batch_size=4)
    second = ingest([SAMPLES], two, workers=2, batch_size=4)
    assert first.line().split(": ", 1)[1] == second.line().split(": ", 1)[1]
    # Each seed's three renderings share an article id: in batches of 4 the later renderings
    # update it; seed 001's cut paragraph warns in each of the 3 batches where it appears.
    counts = (second.n_seen, second.n_new, second.n_updated, second.n_unchanged)
    assert (*counts, second.n_warnings) == (15, 10, 5, 0, 3)
    batches = "select distinct batch_no from dq_results order by 1"
    assert rows(two, batches) == rows(one, batches) == [(1,), (2,), (3,), (4,)]
    tables = ["articles", "paragraphs", "mentions", "meetings", "meeting_participants", "entities"]
    for table in tables:
        columns = "* exclude (first_run_id, last_run_id)" if table == "articles" else "*"
        query = f"select {columns} from {table}"
        assert sorted(rows(one, query), key=repr) == sorted(rows(two, query), key=repr), table
