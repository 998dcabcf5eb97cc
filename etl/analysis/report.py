"""The warehouse as a static HTML report: counts over time as charts, each with its numbers in
a table beside it, and the health of the runs with links to their Data Docs.

One self-contained `index.html` (inline SVG and CSS, no script, nothing fetched), readable
from a file on any machine.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import time
import urllib.parse
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from etl import config, sqlfiles
from etl.analysis import charts
from etl.load.warehouse import connect_read_only

log = logging.getLogger(__name__)

N_ENTITIES = 5
N_HOSTS = 3
N_COUNTRIES = 6
N_RUNS = 30
N_REASONS = 15


@dataclass(frozen=True)
class Section:
    """One part of the report: a heading, a chart (or a note instead) and tables."""

    section_id: str
    title: str
    note: str
    chart: charts.Chart | None
    tables: tuple[str, ...]


def _rows(
    con: duckdb.DuckDBPyConnection, name: str, **params: Any
) -> tuple[list[str], list[tuple[Any, ...]]]:
    cursor = con.execute(sqlfiles.load(f"report/{name}"), params or None)
    return [d[0] for d in cursor.description or []], cursor.fetchall()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return html.escape(str(value))


def _table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, raw: frozenset[int] = frozenset()
) -> str:
    """An HTML table; cells in the `raw` columns are HTML already (links)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{value if i in raw else _cell(value)}</td>" for i, value in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pivot(
    rows: Sequence[tuple[Any, Any, Any]],
) -> tuple[list[Any], dict[str, list[float]]]:
    """(x, series, value) rows as sorted xs and one list of values per series."""
    xs = sorted({row[0] for row in rows})
    position = {x: i for i, x in enumerate(xs)}
    series: dict[str, list[float]] = {}
    for x, name, value in rows:
        series.setdefault(str(name), [0.0] * len(xs))[position[x]] += float(value)
    return xs, series


def _pivot_table(x_name: str, xs: Sequence[Any], series: dict[str, list[float]]) -> str:
    columns = [x_name, *series]
    rows = [
        [
            f"{x:%Y-%m}" if x_name == "month" else x,
            *(
                int(values[i]) if values[i].is_integer() else values[i]
                for values in series.values()
            ),
        ]
        for i, x in enumerate(xs)
    ]
    return _table(columns, rows)


def _bulletins(con: duckdb.DuckDBPyConnection) -> Section:
    _, rows = _rows(con, "bulletins_per_month")
    xs, series = _pivot([(month, source, n) for month, source, n in rows])
    chart = charts.bar_chart(
        "bulletins", [charts.Panel("", xs, series)], axis="month", ylabel="bulletins"
    )
    return Section(
        "bulletins",
        "Bulletins per month, by source",
        "Every bulletin with a publication date, stacked by the site it came from.",
        chart if rows else None,
        (_pivot_table("month", xs, series),),
    )


def _mentions(con: duckdb.DuckDBPyConnection) -> Section:
    _, rows = _rows(con, "top_entity_mentions", n_entities=N_ENTITIES)
    names = list(dict.fromkeys(row[0] for row in rows))
    panels = []
    for name in names:
        xs, series = _pivot([(month, name, n) for entity, month, n, _ in rows if entity == name])
        panels.append(charts.Panel(name, xs, series))
    xs, series = _pivot([(month, name, n) for name, month, n, _ in rows])
    return Section(
        "mentions",
        f"Mentions per month of the {len(names)} entities mentioned most",
        "Every spelling of a person, place or organization counts for its entity; a "
        "near-duplicate bulletin counts once.",
        charts.bar_chart("mentions", panels, axis="month", ylabel="mentions") if rows else None,
        (_pivot_table("month", xs, series),),
    )


def _meetings(con: duckdb.DuckDBPyConnection) -> Section:
    columns, rows = _rows(con, "meetings_by_host", n_hosts=N_HOSTS)
    panels = []
    for host in dict.fromkeys(row[0] for row in rows):
        mine = [(year, country, n) for h, year, country, n in rows if h == host]
        totals: dict[str, int] = {}
        for _, country, n in mine:
            totals[country] = totals.get(country, 0) + int(n)
        kept = sorted(totals, key=lambda c: (-totals[c], c))[:N_COUNTRIES]
        xs, series = _pivot(
            [(year, country if country in kept else "other", n) for year, country, n in mine]
        )
        panels.append(charts.Panel(host, xs, series))
    return Section(
        "meetings",
        f"Meetings per counterpart country and year, for the {len(panels)} hosts with most",
        "The counterpart is the guest's country, or the host's when the guest is Syrian; "
        f"the {N_COUNTRIES} countries met most by each host, the rest as other.",
        charts.bar_chart("meetings", panels, axis="year", ylabel="meetings") if rows else None,
        (_table(columns, rows),),
    )


def _events(con: duckdb.DuckDBPyConnection) -> Section:
    _, has = _rows(con, "has_events")
    if not has[0][0]:
        return Section(
            "events",
            "Events per kind and year",
            "This warehouse has no events table yet: event extraction has not run on it.",
            None,
            (),
        )
    _, rows = _rows(con, "events_per_kind_year")
    xs, series = _pivot([(year, kind, n) for year, kind, n in rows])
    return Section(
        "events",
        "Events per kind and year",
        "Events read from the bulletins' sentences; a near-duplicate bulletin counts once.",
        charts.bar_chart("events", [charts.Panel("", xs, series)], axis="year", ylabel="events")
        if rows
        else None,
        (_pivot_table("year", xs, series),),
    )


def _docs_link(run_id: str, out: Path, home: Path) -> str:
    index = home / "dq" / run_id / "index.html"
    if not index.is_file():
        return "—"
    href = urllib.parse.quote(os.path.relpath(index, out))
    return f'<a href="{html.escape(href)}">Data Docs</a>'


def _runs(con: duckdb.DuckDBPyConnection, out: Path, home: Path) -> list[Section]:
    columns, rows = _rows(con, "runs", n_runs=N_RUNS)
    oldest_first = list(reversed(rows))
    labels = [str(row[0]) for row in oldest_first]
    series = {
        name: [float(row[columns.index(f"n_{name}")] or 0) for row in oldest_first]
        for name in ("seen", "new", "rejected", "warnings")
    }
    chart = charts.bar_chart(
        "runs",
        [charts.Panel("", labels, series)],
        axis="category",
        ylabel="documents / warnings",
        stacked=False,
        mark_break=False,
    )
    linked = [[*row, _docs_link(str(row[0]), out, home)] for row in rows]
    runs = Section(
        "runs",
        f"Run health: the last {len(rows)} runs",
        "Documents seen, new and rejected by each run, and the warnings of its checks; the "
        "Data Docs show every expectation of the run.",
        chart if rows else None,
        (_table([*columns, "data_docs"], linked, raw=frozenset({len(columns)})),),
    )
    failed_columns, failed = _rows(con, "failed_expectations", run_ids=[str(r[0]) for r in rows])
    expectations = Section(
        "failed",
        "Failed expectations",
        "Expectations that failed in those runs (critical ones held their batch back).",
        None,
        (_table(failed_columns, failed) if failed else "<p>None failed.</p>",),
    )
    reason_columns, reasons = _rows(con, "rejects_by_reason", n_reasons=N_REASONS)
    rejects = Section(
        "rejects",
        "Rejects by reason",
        "Inputs refused over every run, by the stage and the one-line reason.",
        charts.horizontal_bars(
            "rejects",
            [f"{stage}: {reason}" for stage, reason, _ in reasons],
            [n for *_, n in reasons],
        )
        if reasons
        else None,
        (_table(reason_columns, reasons) if reasons else "<p>No input was refused.</p>",),
    )
    return [runs, expectations, rejects]


_CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.figure { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem;
  align-items: start; }
.chart svg { width: 100%; height: auto; }
.numbers { max-height: 32rem; overflow: auto; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: 12px; }
th, td { padding: 2px 6px; border-bottom: 1px solid #eee; text-align: right; }
th { position: sticky; top: 0; background: #f6f6f6; }
td:first-child, th:first-child { text-align: left; white-space: nowrap; }
.note { color: #555; } .mark:hover path { opacity: 0.7; }
"""


def _section_html(section: Section) -> str:
    chart = (
        f'<div class="chart" id="chart-{section.section_id}" data-chart="{section.section_id}">'
        f"{section.chart.svg}</div>"
        if section.chart is not None
        else ""
    )
    tables = "".join(f'<div class="numbers">{table}</div>' for table in section.tables)
    body = f'<div class="figure">{chart}{tables}</div>' if chart else tables
    return (
        f'<section id="{section.section_id}"><h2>{html.escape(section.title)}</h2>'
        f'<p class="note">{html.escape(section.note)}</p>{body}</section>'
    )


def write_report(db: Path, out: Path | None = None) -> Path:
    """Write the report of the warehouse `db` to `out` (default `$BULLETINS_HOME/report`) as
    `index.html`, replacing any earlier one whole; returns its path."""
    started = time.perf_counter()
    home = config.home().resolve()
    out = (out or home / "report").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with closing(connect_read_only(db)) as con:
        summary = con.execute(
            "select count(*), min(published_date), max(published_date) from articles"
        ).fetchone()
        sections = [_bulletins(con), _mentions(con), _meetings(con), _events(con)]
        sections += _runs(con, out, home)
    n_articles, first, last = summary or (0, None, None)
    generated = dt.datetime.now(dt.UTC)
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>SANA bulletins: report</title><style>{_CSS}</style></head><body>"
        "<header><h1>SANA bulletins</h1>"
        f'<p class="note">{n_articles} bulletins from {_cell(first)} to {_cell(last)} in '
        f"{html.escape(str(db))}; report of {generated:%Y-%m-%d %H:%M} UTC. The dashed line marks "
        "8 December 2024, when the Assad government fell.</p></header>"
        + "".join(_section_html(section) for section in sections)
        + "</body></html>\n"
    )
    index = out / "index.html"
    partial = out / f".index.html.{os.getpid()}"
    partial.write_text(page, encoding="utf-8")
    partial.replace(index)
    log.info("report written to %s in %.1f s", index, time.perf_counter() - started)
    return index
