"""What a crawl must never do with what it is given: write a credential anywhere (logs, WARC
records, the frontier, the warehouse), or write a file outside its landing zone whatever the
URLs it meets."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.fetch.http import split_credentials
from etl.runs import steps
from etl.sources.warc import WarcWriter, WebResponse, iter_records
from tests.conftest import REPO
from tests.sites.server import ARCHIVE, SANA, WAYBACK, Sites, World, running_sites

SECRET = "S3cret-pw!"


@pytest.fixture
def quiet_sites() -> Iterator[Sites]:
    """The hosts without a Crawl-delay (a subprocess waits for real)."""
    with running_sites(World(crawl_delay={SANA: None, ARCHIVE: None, WAYBACK: None})) as s:
        yield s


def with_credentials(url: str) -> str:
    return url.replace("http://", "http://bulletins:S3cret-pw%21@", 1)


def warehouse_text(db: Path) -> str:
    """Every value of every table of the warehouse, as text."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [row[0] for row in con.execute("show tables").fetchall()]
        return "\n".join(repr(con.execute(f"select * from {t}").fetchall()) for t in tables)


def warc_text(raw: Path) -> str:
    """Every byte of every WARC file of the landing zone, decompressed."""
    return "\n".join(
        gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        for path in sorted(raw.glob("*.warc.gz"))
    )


def test_credentials_from_the_environment_go_to_their_host_and_nowhere_else(
    quiet_sites: Sites, home: Path
) -> None:
    """A mirror behind HTTP Basic auth, its credentials in BULLETINS_SANA_BASE_URL: the
    mirror gets them on every request; the Wayback Machine never does; they appear in no log
    line (debug included), WARC record, frontier row or warehouse value."""
    env = {
        **os.environ,
        **quiet_sites.env(),
        "BULLETINS_HOME": str(home),
        "BULLETINS_SANA_BASE_URL": with_credentials(quiet_sites.sana),
        "BULLETINS_WAYBACK_BASE_URL": with_credentials(quiet_sites.wayback),
    }
    done = subprocess.run(
        [sys.executable, "-m", "etl", "-v", "crawl", "sana", "--categories", "politics",
         "--since", "2025-10-01", "--delay", "0"],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "seen 3, new 3" in done.stdout
    expected = "Basic " + base64.b64encode(f"bulletins:{SECRET}".encode()).decode()
    hits = [hit for hit in quiet_sites.world.hits if hit.host == SANA]
    assert len(hits) == 5
    assert {hit.authorization for hit in hits} == {expected}
    assert all(not hit.authorization for hit in quiet_sites.world.hits if hit.host != SANA)

    assert "DEBUG" in done.stderr  # the most verbose log was written, and holds no secret
    places = {
        "stdout": done.stdout,
        "stderr": done.stderr,
        "WARC records": warc_text(home / "raw"),
        "warehouse": warehouse_text(home / "warehouse.duckdb"),
        "frontier": "\n".join(sqlite3.connect(home / "crawl" / "frontier.sqlite").iterdump()),
    }
    for place, text in places.items():
        assert text, place
        for secret in (SECRET, "S3cret-pw%21", expected.split()[1]):
            assert secret not in text, f"{secret} found in the {place}"


def test_credentials_on_the_command_line_are_refused(quiet_sites: Sites) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "etl", "crawl", "sana", "--base-url",
         with_credentials(quiet_sites.sana)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == (
        "error: --base-url: credentials do not go on the command line; put the URL in "
        "BULLETINS_SANA_BASE_URL, BULLETINS_SANA_ARCHIVE_BASE_URL or "
        "BULLETINS_WAYBACK_BASE_URL instead\n"
    )
    assert quiet_sites.world.hits == []


@pytest.mark.parametrize(
    ("url", "bare", "credentials"),
    [
        ("https://u:p%40ss@mirror.example:8443/en/", "https://mirror.example:8443/en/",
         ("u", "p@ss")),
        ("https://token@mirror.example/en/", "https://mirror.example/en/", ("token", "")),
        ("http://[::1]:8080/en/?p=1", "http://[::1]:8080/en/?p=1", None),
        ("https://u:p@[::1]/en/", "https://[::1]/en/", ("u", "p")),
    ],
)  # fmt: skip
def test_split_credentials(url: str, bare: str, credentials: tuple[str, str] | None) -> None:
    assert split_credentials(url) == (bare, credentials)


WARC_NAME = re.compile(r"bulletins-\d{8}T\d{12}Z-\d+-\d{5}\.warc\.gz")
TRAVERSALS = ["../../../../etc/passwd", "..%2F..%2F", "%2e%2e/%2e%2e/", "..\\..\\",
              "/tmp/evil", "\x00", "a" * 4000, "~root/.ssh/"]  # fmt: skip
# URLs as hostile as a page can make them: traversal, encoded traversal, absolute paths,
# NUL bytes, backslashes, very long names.
HOSTILE_URLS = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda prefix, middle, tail: f"{prefix}{middle}{tail}",
        st.sampled_from(["https://sana.sy/en/", "file:///", "/", "", "http://x/..%2f"]),
        st.sampled_from(TRAVERSALS),
        st.text(max_size=50),
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(urls=st.lists(HOSTILE_URLS, min_size=1, max_size=5))
def test_urls_never_place_a_file_outside_the_landing_zone(
    tmp_path_factory: pytest.TempPathFactory, urls: list[str]
) -> None:
    """Whatever the URLs of the responses, the landing zone's writer creates only its own
    WARC files, named by time, process and serial, in its own directory; the URLs are kept
    in the records, unchanged."""
    root = tmp_path_factory.mktemp("zone")
    raw = root / "raw"
    moment = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    with WarcWriter(raw, fsync=False) as writer:
        for url in urls:
            response = WebResponse(
                url=url, status=200, reason="OK", headers=[("Content-Type", "text/html")],
                body=b"<html></html>", fetched_at=moment, role="article", article_url=url,
            )  # fmt: skip
            writer.write(response)
    created = sorted(p.relative_to(root) for p in root.rglob("*"))
    assert created[0] == Path("raw")
    assert all(p.parent == Path("raw") and WARC_NAME.fullmatch(p.name) for p in created[1:])
    stored = [r.target_uri for p in sorted(raw.iterdir()) for r in iter_records(p)]
    assert len(stored) == len(urls)


@pytest.mark.parametrize(
    "airflow_run_id",
    ["../../../../tmp/evil", "manual__2026-11-24T10:00:00+00:00", "a/b\\c\x00d", "." * 300],
)
def test_airflow_run_ids_never_become_paths(airflow_run_id: str, home: Path) -> None:
    """A run id typed by a user in Airflow's UI reaches the staging directory only as a
    digest."""
    run_id = steps.ledger_run_id("bulletins_backfill", airflow_run_id, dt.datetime(2026, 11, 24))
    assert re.fullmatch(r"20261124T000000Z-[0-9a-f]{6}", run_id)
    batches = steps.plan_backfill(
        run_id, "airflow:test", source="path", path=str(REPO / "samples" / "text"),
        batch_size=5, db=home / "warehouse.duckdb",
    )  # fmt: skip
    assert [Path(b["dir"]).parent for b in batches] == [(home / "staging" / run_id).resolve()]
