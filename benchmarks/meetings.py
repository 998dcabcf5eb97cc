"""Precision and recall of meetings and events, on real SANA leads and on the samples.

`../shared/benchmarks/sana-leads/leads.jsonl` holds real SANA English leads, each labelled by
hand with its meetings (kind, host, guest) and events (kind, actor, target). Each lead goes
through the pipeline as a text bulletin (its headline, then the lead with its dateline) and
`enrich`. A found meeting matches a labelled one when the kind is the same and host and guest
each match: the label, folded (`etl.enrich.names.fold`, a leading article dropped), equals
the fold of the party as written, of the person's name as written, or of the entity's name or
an alias; a label of no guest (an unnamed delegation) matches only a guest the bulletin does
not name. Events match the same way on (kind, actor, target). Each label is matched at most
once. Also counted: false meetings (events) in the leads that have none.

The samples' meetings are scored against `tests/golden.py` (kind, host, guest and date, and
attendees per pair).

    uv run python -m benchmarks.meetings
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.enrich.derive import Enrichment, enrich
from etl.enrich.gazetteer import Entity
from etl.enrich.names import fold
from etl.enrich.phrases import Party
from etl.extract.parse import parse_document, parse_text
from etl.model import Bulletin
from etl.sources.files import read_file
from tests.golden import GOLDEN_MEETINGS

SHARED = Path(os.environ.get("BULLETINS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
LEADS = SHARED / "benchmarks" / "sana-leads" / "leads.jsonl"
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"

Names = frozenset[str | None]  # the folded names a party answers to; {None}: no one named
Found = tuple[str, Names, Names]


def lead_records() -> Iterator[dict[str, Any]]:
    """The labelled leads, one dict each (see the benchmark's README)."""
    with LEADS.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def lead_bulletin(record: dict[str, Any], published: str | None = None) -> Bulletin:
    """A lead as the pipeline reads a text bulletin: the headline, a blank line, the lead."""
    headline = record["headline"] or "(no headline)"
    return parse_text(
        f"{headline}\n\n{record['lead']}", url=record["source_url"], published=published
    )


def key(name: str) -> str:
    """A label or name folded for comparison, without a leading article."""
    return fold(re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE))


def names(party: Party | None, entity: Entity | None) -> Names:
    """The folded names a party answers to ({None} for none: an unnamed guest)."""
    if party is None:
        return frozenset({None})
    written = [party.text, party.name or ""]
    known = [entity.name, *entity.aliases] if entity is not None else []
    return frozenset(key(n) for n in [*written, *known] if n)


def found_meetings(result: Enrichment) -> list[Found]:
    """(kind, host names, guest names) of the meetings found."""
    return [
        (m.kind, names(m.host, m.host_entity), names(m.guest, m.guest_entity))
        for m in result.meetings
    ]


def found_events(result: Enrichment) -> list[Found]:
    """(kind, actor names, target names) of the events found (meetings aside)."""
    return [
        (e.kind, names(e.actor, e.actor_entity), names(e.target, e.target_entity))
        for e in result.events
    ]


@dataclass
class Score:
    """Matches per kind, the misses and false finds, and false finds in unlabelled leads."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    n_empty: int = 0  # leads labelled with none
    false_in_empty: int = 0

    def precision(self, kind: str | None = None) -> float:
        tp, fp = self._sums(kind)[:2]
        return tp / (tp + fp) if tp + fp else 0.0

    def recall(self, kind: str | None = None) -> float:
        tp, _, fn = self._sums(kind)
        return tp / (tp + fn) if tp + fn else 0.0

    def _sums(self, kind: str | None) -> tuple[int, int, int]:
        if kind is None:
            return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return self.tp[kind], self.fp[kind], self.fn[kind]

    @property
    def kinds(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def add(
        self, lead_id: str, labels: list[tuple[str, str | None, str | None]], found: list[Found]
    ) -> None:
        """Match one lead's labels with what was found in it."""
        free = list(range(len(found)))
        for kind, one, other in labels:
            match = next(
                (
                    i
                    for i in free
                    if found[i][0] == kind
                    and (key(one) if one else None) in found[i][1]
                    and (key(other) if other else None) in found[i][2]
                ),
                None,
            )
            if match is None:
                self.fn[kind] += 1
                self.misses.append(f"{lead_id} missed {kind}: {one} -> {other}")
            else:
                self.tp[kind] += 1
                free.remove(match)
        for i in free:
            kind = found[i][0]
            self.fp[kind] += 1
            self.misses.append(
                f"{lead_id} false {kind}: {_shown(found[i][1])} -> {_shown(found[i][2])}"
            )
        if not labels:
            self.n_empty += 1
            self.false_in_empty += len(free)


def _shown(options: Names) -> str:
    return min((n for n in options if n is not None), key=len, default="(none)")


def score_leads() -> tuple[Score, Score]:
    """(meetings, events) scored on every lead of sana-leads."""
    meetings, events = Score(), Score()
    for record in lead_records():
        result = enrich(lead_bulletin(record))
        meetings.add(
            record["id"],
            [(m["kind"], m["host"], m["guest"]) for m in record["meetings"]],
            found_meetings(result),
        )
        events.add(
            record["id"],
            [(e["kind"], e["actor"], e["target"]) for e in record["events"]],
            found_events(result),
        )
    return meetings, events


def score_samples() -> dict[str, tuple[float, float, int, int, int]]:
    """(precision, recall, tp, found, gold) for the samples' meetings and attendees."""
    found: dict[str, set[tuple[object, ...]]] = {"meetings": set(), "attendees": set()}
    gold: dict[str, set[tuple[object, ...]]] = {"meetings": set(), "attendees": set()}
    for seed, expected in GOLDEN_MEETINGS.items():
        result = enrich(parse_document(read_file(SAMPLES / f"{seed}.txt")))
        for m in result.meetings:
            row = (
                seed,
                m.kind,
                m.host_entity.name if m.host_entity else None,
                m.guest_entity.name if m.guest_entity else None,
                str(m.meeting_date),
            )
            found["meetings"].add(row)
            found["attendees"].update((*row, a.name) for a in m.attendee_entities)
        for kind, host, guest, date, attendees in expected:
            gold["meetings"].add((seed, kind, host, guest, date))
            gold["attendees"].update((seed, kind, host, guest, date, a) for a in attendees)
    result_scores = {}
    for name in found:
        tp = len(found[name] & gold[name])
        precision = tp / len(found[name]) if found[name] else 0.0
        recall = tp / len(gold[name]) if gold[name] else 0.0
        result_scores[name] = (precision, recall, tp, len(found[name]), len(gold[name]))
    return result_scores


def _report(title: str, score: Score) -> None:
    print(f"\n{title}")
    print(f"{'kind':<15} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for kind in [*score.kinds, None]:
        tp, fp, fn = score._sums(kind)
        label = kind or "all"
        print(
            f"{label:<15} {score.precision(kind):>9.3f} {score.recall(kind):>7.3f} "
            f"{tp:>4} {fp:>4} {fn:>4}"
        )
    print(f"false in the {score.n_empty} leads labelled with none: {score.false_in_empty}")
    for miss in score.misses:
        print(f"  {miss}")


def main() -> None:
    meetings, events = score_leads()
    print(f"sana-leads ({LEADS})")
    _report("meetings (kind, host, guest)", meetings)
    _report("events (kind, actor, target)", events)
    print("\nsamples (tests/golden.py)")
    print(f"{'':<10} {'precision':>9} {'recall':>7} {'tp':>4} {'found':>6} {'gold':>5}")
    for name, (precision, recall, tp, n_found, n_gold) in score_samples().items():
        print(f"{name:<10} {precision:>9.3f} {recall:>7.3f} {tp:>4} {n_found:>6} {n_gold:>5}")


if __name__ == "__main__":
    main()
