"""The report's charts: bar charts drawn by matplotlib as SVG, each bar carrying its numbers.

Every bar is an SVG group `<g class="mark">` with `data-panel`, `data-series`, `data-x` and
`data-value` attributes and a `<title>` (the tooltip a browser shows on hover), so that a
reader, a screen reader and a test can all read the counts a chart was drawn from.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.typing import RcKeyType

# 8 December 2024: the government of Bashar al-Assad falls; SANA's voice changes with it.
BREAK_DATE = dt.date(2024, 12, 8)
BREAK_LABEL = "8 Dec 2024"
_COLOURS = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
]  # fmt: skip
_STYLE: dict[RcKeyType, object] = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, searchable
    "svg.hashsalt": "bulletins",  # the same data gives the same file
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Panel:
    """One plot of a chart: bars at `xs`, one series of values per name (aligned to xs)."""

    title: str
    xs: Sequence[object]
    series: Mapping[str, Sequence[float]]


@dataclass
class Chart:
    """A chart as SVG text, with the marks it drew."""

    chart_id: str
    svg: str = ""
    marks: list[dict[str, str]] = field(default_factory=list)


def _x_label(x: object, axis: str) -> str:
    if axis == "month" and isinstance(x, dt.date):
        return f"{x:%Y-%m}"
    return str(x)


def _days(day: dt.date) -> float:
    """A date as matplotlib's date number (days since its epoch, 1970-01-01)."""
    return float((day - dt.date(1970, 1, 1)).days)


def _break_position(axis: str) -> float | None:
    if axis == "month":
        return _days(BREAK_DATE)
    if axis == "year":
        # a year's bar stands for the year from x - 0.5 to x + 0.5
        start = dt.date(BREAK_DATE.year, 1, 1)
        days = (dt.date(BREAK_DATE.year + 1, 1, 1) - start).days
        return BREAK_DATE.year - 0.5 + ((BREAK_DATE - start).days + 0.5) / days
    return None


def bar_chart(
    chart_id: str,
    panels: Sequence[Panel],
    *,
    axis: str,
    ylabel: str,
    stacked: bool = True,
    mark_break: bool = True,
) -> Chart:
    """Bars per x (`axis`: "month" for dates, "year" for integers, "category" for labels),
    stacked or side by side, one plot per panel; a dashed line at 8 December 2024 on time
    axes when `mark_break`."""
    chart = Chart(chart_id)
    colours: dict[str, str] = {}
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.6, 0.6 + 2.1 * max(len(panels), 1)), layout="constrained")
        axes = figure.subplots(max(len(panels), 1), 1, squeeze=False, sharex=axis != "category")
        for panel, ax in zip(panels, axes[:, 0], strict=False):
            _draw_panel(chart, ax, panel, axis=axis, stacked=stacked, colours=colours)
            ax.set_title(panel.title, loc="left", fontsize=9)
            ax.set_ylabel(ylabel)
            where = _break_position(axis) if mark_break else None
            if where is not None:
                ax.axvline(where, color="#b00", linestyle="--", linewidth=1)
                ax.annotate(
                    BREAK_LABEL,
                    xy=(where, 1),
                    xycoords=("data", "axes fraction"),
                    xytext=(3, -10),
                    textcoords="offset points",
                    color="#b00",
                    fontsize=8,
                )
        if colours:
            handles = [Patch(color=colour, label=name) for name, colour in colours.items()]
            figure.legend(handles=handles, loc="outside upper right", ncols=min(len(handles), 5))
        xs = [x for panel in panels for x in panel.xs]
        if axis == "month":
            _year_ticks(axes[-1, 0], [x.year for x in xs if isinstance(x, dt.date)], _days)
        elif axis == "year":
            _year_ticks(axes[-1, 0], [int(x) for x in xs if isinstance(x, int)], float)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    chart.svg = _label_marks(buffer.getvalue(), chart)
    return chart


def _draw_panel(
    chart: Chart,
    ax: Axes,
    panel: Panel,
    *,
    axis: str,
    stacked: bool,
    colours: dict[str, str],
) -> None:
    n_series = max(len(panel.series), 1)
    if axis == "month":
        positions = [_days(x) for x in panel.xs]  # type: ignore[arg-type]
        width = 26.0
    elif axis == "year":
        positions = [float(x) for x in panel.xs]  # type: ignore[arg-type]
        width = 0.8
    else:
        positions = [float(i) for i in range(len(panel.xs))]
        width = 0.8
        ax.set_xticks(positions, [str(x) for x in panel.xs], rotation=60, ha="right", fontsize=7)
    bottoms = [0.0] * len(positions)
    for number, (name, values) in enumerate(panel.series.items()):
        colour = colours.setdefault(name, _COLOURS[len(colours) % len(_COLOURS)])
        for i, value in enumerate(values):
            if not value:
                continue
            if stacked:
                left, bar_width, bottom = positions[i], width, bottoms[i]
                bottoms[i] += value
            else:
                bar_width = width / n_series
                left = positions[i] - width / 2 + bar_width * (number + 0.5)
                bottom = 0.0
            gid = f"{chart.chart_id}-m{len(chart.marks)}"
            ax.bar(left, value, width=bar_width, bottom=bottom, color=colour, gid=gid)
            chart.marks.append(
                {
                    "id": gid,
                    "panel": panel.title,
                    "series": name,
                    "x": _x_label(panel.xs[i], axis),
                    "value": f"{value:g}",
                }
            )


def _year_ticks(ax: Axes, years: Sequence[int], position: Callable[[Any], float]) -> None:
    """Ticks labelled with the years, from the first of the data to the break (at most 13):
    at each 1 January on a month axis (`position` = `_days`), at each bar on a year axis."""
    years = [*years, BREAK_DATE.year]
    first, last = min(years), max(years) + (1 if position is _days else 0)
    step = max(1, (last - first) // 12)
    ticks = list(range(first, last + 1, step))
    places = [position(dt.date(y, 1, 1)) if position is _days else position(y) for y in ticks]
    ax.set_xticks(places, [str(y) for y in ticks])


def horizontal_bars(chart_id: str, labels: Sequence[str], values: Sequence[float]) -> Chart:
    """One bar per label, longest first, for counts by category (rejects by reason)."""
    chart = Chart(chart_id)
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.6, 0.8 + 0.3 * max(len(labels), 1)), layout="constrained")
        ax = figure.subplots()
        for i, (label, value) in enumerate(zip(labels, values, strict=True)):
            gid = f"{chart_id}-m{len(chart.marks)}"
            ax.barh(i, value, color=_COLOURS[0], gid=gid)
            chart.marks.append(
                {"id": gid, "panel": "", "series": "", "x": label, "value": f"{value:g}"}
            )
        ax.set_yticks(range(len(labels)), [_short(label) for label in labels], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel("inputs refused")
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    chart.svg = _label_marks(buffer.getvalue(), chart)
    return chart


def _short(label: str, width: int = 70) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _label_marks(svg: str, chart: Chart) -> str:
    """The SVG without its XML prologue, each bar's group given its numbers and a title."""
    svg = svg[svg.index("<svg") :]
    by_id = {mark["id"]: mark for mark in chart.marks}

    def label(match: re.Match[str]) -> str:
        mark = by_id[match[1]]
        title = " · ".join(p for p in (mark["panel"], mark["series"], mark["x"]) if p)
        attributes = " ".join(
            f'data-{key}="{html.escape(mark[key])}"' for key in ("panel", "series", "x", "value")
        )
        return (
            f'<g id="{match[1]}" class="mark" {attributes}>'
            f"<title>{html.escape(title)}: {mark['value']}</title>"
        )

    return re.sub(rf'<g id="({re.escape(chart.chart_id)}-m\d+)">', label, svg)
