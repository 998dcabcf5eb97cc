"""The report in a real browser: Debian's chromium, headless, driven by Playwright.

Builds a warehouse (the samples, a run with a refused input, a run held back by its checks,
a few events), writes the report, and checks in the browser that every chart drew the counts
of that warehouse, that the page asked for nothing but local files and logged no error, and
that a run's Data Docs open from it. Saves a screenshot (`$BULLETINS_REPORT_SCREENSHOT`
chooses where, for the README's picture).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.analysis.report import write_report
from etl.runs.ingest import ingest
from tests.analysis.conftest import write_bulletin
from tests.conftest import TEXT_SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
# The flags Debian's chromium needs to run headless as root in a container, and those that
# stop it from calling home (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_or_reason() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
    return None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A warehouse of three runs and some events, and its report."""
    root = tmp_path_factory.mktemp("report")
    home, db = root / "home", root / "home" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BULLETINS_HOME", str(home))
        assert ingest([TEXT_SAMPLES], db).status == "succeeded"
        second = root / "second"
        write_bulletin(
            second,
            "homs",
            "President al-Assad receives a delegation of notables from Homs\n\n"
            "Damascus, SANA – President Bashar al-Assad on Sunday received a delegation of "
            "notables from Homs province and discussed with them the reconstruction of the "
            "schools, hospitals and roads of the province after the return of its people.\n",
            "https://sana.sy/en/politics/9000003/",
            "2025-01-12T12:00:00+02:00",
        )
        (second / "empty.txt").write_bytes(b"")
        assert ingest([second], db).n_rejected == 1
        third = root / "third"
        third.mkdir()
        (third / "a.txt").write_bytes(b"")
        (third / "b.txt").write_bytes(b"\x00\x01binary")
        assert ingest([third], db).status == "blocked"
        index = write_report(db, root / "report")
        yield {"home": home, "db": db, "index": index}


def _expected(db: Path) -> dict[str, set[tuple[str, str, str, str]]]:
    """What each chart must show, read from the warehouse's tables (not the report's SQL)."""
    with closing(duckdb.connect(str(db), read_only=True)) as con:

        def rows(sql: str) -> set[tuple[str, str, str, str]]:
            return {tuple(str(v) for v in row) for row in con.execute(sql).fetchall()}  # type: ignore[misc]

        return {
            "bulletins": rows(
                "select '', source, strftime(published_date, '%Y-%m'), count(*) from articles "
                "where published_date is not null group by all"
            ),
            "mentions": rows(
                "with top as (select entity_id from mentions join articles using (article_id) "
                "where duplicate_of is null group by entity_id order by count(*) desc, "
                "entity_id limit 5) select e.name, e.name, strftime(a.published_date, '%Y-%m'), "
                "count(*) from mentions m join articles a using (article_id) join entities e "
                "using (entity_id) where m.entity_id in (select entity_id from top) "
                "and a.duplicate_of is null group by all"
            ),
            "meetings": rows(
                "with counted as (select h.name as host, coalesce(case when "
                "coalesce(g.country, m.guest_country) = 'SY' then h.country else "
                "coalesce(g.country, m.guest_country) end, '?') as country, "
                "year(m.meeting_date) as year from meetings m join entities h "
                "on h.entity_id = m.host_id left join entities g on g.entity_id = m.guest_id "
                "join articles a using (article_id) where a.duplicate_of is null "
                "and m.meeting_date is not null), "
                "top as (select host from counted group by host "
                "order by count(*) desc, host limit 3) select host, country, year, count(*) "
                "from counted where host in (select host from top) group by all"
            ),
            "events": rows("select '', kind, year(event_date), count(*) from events group by all"),
            "runs": rows(
                "select '', series, run_id, n from (unpivot (select run_id, n_seen as seen, "
                "n_new as new, n_rejected as rejected, n_warnings as warnings "
                "from ingest_runs) on seen, new, rejected, warnings into name series value n) "
                "where n <> 0"
            ),
            "rejects": rows(
                "select '', '', stage || ': ' || reason, count(*) from rejects group by all"
            ),
        }


def test_every_chart_shows_the_warehouse_in_a_browser(
    built: dict[str, Any], tmp_path: Path
) -> None:
    missing = _browser_or_reason()
    if missing:  # `make test` installs Debian's chromium: never skipped
        pytest.fail(f"{missing} (`make browser` installs it)")
    from playwright.sync_api import sync_playwright

    expected = _expected(built["db"])
    assert len(expected["bulletins"]) == 6  # five months of samples, January 2025
    # The events the samples hold, per kind and year (etl/enrich/events.py)
    assert expected["events"] == {
        ("", "congratulated", "2020", "2"),
        ("", "discussed", "2020", "2"),
        ("", "met", "2016", "3"),
        ("", "met", "2019", "1"),
        ("", "received", "2019", "2"),
        ("", "received", "2020", "2"),
        ("", "received", "2025", "1"),
    }
    assert len(expected["runs"]) >= 6 and len(expected["rejects"]) == 1
    assert all(expected.values())

    requests: list[str] = []
    errors: list[str] = []
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})

        def only_local(route: Any) -> None:
            # Nothing leaves this machine: what a page asks of the network is noted, refused.
            if route.request.url.startswith(("file://", "data:")):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", only_local)
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(built["index"].as_uri())
        page.wait_for_load_state("load")

        for chart, wanted in expected.items():
            marks = page.eval_on_selector_all(
                f"#chart-{chart} g.mark",
                """marks => marks.map(mark => {
                    const box = mark.getBBox();
                    return [mark.dataset.panel, mark.dataset.series, mark.dataset.x,
                            mark.dataset.value, box.width, box.height];
                })""",
            )
            drawn = {(p, s, x, v) for p, s, x, v, _, _ in marks}
            assert drawn == wanted, chart
            assert len(marks) == len(wanted), chart
            assert all(w > 0 and h > 0 for *_, w, h in marks), f"{chart}: a bar was not drawn"
        # the numbers beside the chart
        cells = page.eval_on_selector_all(
            "#bulletins .numbers tbody tr", "rows => rows.map(r => r.innerText.split('\\t'))"
        )
        assert cells[0] == ["2016-04", "1", "0"] and cells[-1] == ["2025-01", "0", "1"]
        assert page.locator("#failed").inner_text().count("rejected_share") == 1
        screenshot = Path(os.environ.get("BULLETINS_REPORT_SCREENSHOT") or tmp_path / "report.png")
        page.screenshot(path=str(screenshot), full_page=False)
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        report_requests, report_errors = list(requests), list(errors)

        # A run's Data Docs, from its link in the report
        with closing(duckdb.connect(str(built["db"]), read_only=True)) as con:
            row = con.execute("select min(run_id) from ingest_runs").fetchone()
        first_run = str(row[0]) if row else ""
        link = page.locator(f"#runs tr:has-text('{first_run}') a")
        assert link.inner_text() == "Data Docs"
        link.click()
        page.wait_for_load_state("load")
        assert page.url == (built["home"] / "dq" / first_run / "index.html").resolve().as_uri()
        assert page.title() == "Data Docs created by Great Expectations"
        text = page.locator("body").inner_text()
        assert "Validation Results" in text and "Expectation Suites" in text
        # its results table is filled by a script from a CDN; the data is in the page
        assert first_run in page.content()
        browser.close()

    assert [url for url in report_requests if not url.startswith(("file://", "data:"))] == []
    assert report_errors == []
    # GX's Data Docs ask CDNs for their CSS and scripts: refused by the route above, so that
    # nothing leaves the machine (offline they show unstyled, with every result)
    assert blocked and all(url.startswith("https://") for url in blocked)
