"""Precision and recall of meeting extraction on the samples against hand-read gold.

A meeting counts as found when kind, host, guest and date all match; attendees are scored
separately, per (meeting, attendee) pair.

    uv run python -m benchmarks.meetings
"""

from __future__ import annotations

from pathlib import Path

from etl.enrich.entities import analyze
from etl.enrich.meetings import extract_meetings
from etl.extract.parse import parse_document
from etl.sources.files import read_file
from tests.golden import GOLDEN_MEETINGS

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"

Key = tuple[str, str, str, str]


def extracted(seed: str) -> list[tuple[Key, list[str]]]:
    """The meetings the pipeline finds in one seed, as (key, attendees)."""
    bulletin = parse_document(read_file(SAMPLES / f"{seed}.txt"))
    analysis = analyze(bulletin.body, bulletin.published_date, bulletin.authors)
    meetings = extract_meetings(
        bulletin.body,
        analysis.mentions,
        published=bulletin.published_date,
        lead_weekday=bulletin.weekday,
        place=bulletin.dateline,
    )
    return [
        (
            (m.kind, m.host.name, m.guest.name, str(m.meeting_date)),
            [a.name for a in m.attendees],
        )
        for m in meetings
    ]


def scores() -> dict[str, tuple[float, float, int, int, int]]:
    """(precision, recall, true positives, predicted, expected) for meetings and attendees."""
    found: dict[str, set[tuple[object, ...]]] = {"meetings": set(), "attendees": set()}
    gold: dict[str, set[tuple[object, ...]]] = {"meetings": set(), "attendees": set()}
    for seed, expected in GOLDEN_MEETINGS.items():
        for key, attendees in extracted(seed):
            found["meetings"].add((seed, *key))
            found["attendees"].update((seed, *key, a) for a in attendees)
        for kind, host, guest, date, attendees in expected:
            gold["meetings"].add((seed, kind, host, guest, date))
            gold["attendees"].update((seed, kind, host, guest, date, a) for a in attendees)
    result = {}
    for name in found:
        tp = len(found[name] & gold[name])
        precision = tp / len(found[name]) if found[name] else 0.0
        recall = tp / len(gold[name]) if gold[name] else 0.0
        result[name] = (precision, recall, tp, len(found[name]), len(gold[name]))
    return result


def main() -> None:
    print(f"{'':<10} {'precision':>9} {'recall':>7} {'tp':>4} {'found':>6} {'gold':>5}")
    for name, (precision, recall, tp, n_found, n_gold) in scores().items():
        print(f"{name:<10} {precision:>9.3f} {recall:>7.3f} {tp:>4} {n_found:>6} {n_gold:>5}")


if __name__ == "__main__":
    main()
