"""Score the HTML path on the article-extraction benchmark (`../shared/benchmarks/aeb`).

The benchmark's metric: words are `\\w+` matches; per page, 4-word shingles of truth and
prediction give tp (shared), fp (predicted only) and fn (missed), each divided by
tp + fp + fn; precision and recall are means over pages (pages with tp + fp = 0, resp.
tp + fn = 0, are left out of that mean; a page with fp = fn = 0 scores 1); F1 = 2PR/(P+R).

    uv run python -m benchmarks.aeb            # our pipeline and bare trafilatura
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from etl.errors import Rejected
from etl.extract.parse import parse_html

SHARED = Path(os.environ.get("BULLETINS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
AEB = SHARED / "benchmarks" / "aeb"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    """Mean precision and recall over pages, and their F1."""

    precision: float
    recall: float
    n_pages: int
    seconds: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-word shingles of a text."""
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def page_scores(prediction: str, truth: str) -> tuple[float | None, float | None]:
    """Per-page (precision, recall); None where the page is left out of that mean."""
    predicted, expected = shingles(prediction), shingles(truth)
    tp = sum((predicted & expected).values())
    fp = sum(predicted.values()) - tp
    fn = sum(expected.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    total = tp + fp + fn
    precision = (tp / total) / ((tp + fp) / total) if tp + fp else None
    recall = (tp / total) / ((tp + fn) / total) if tp + fn else None
    return precision, recall


def pages() -> Iterator[tuple[str, str, str]]:
    """(id, html, gold body) for every page of the benchmark."""
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, item in sorted(truth.items()):
        with gzip.open(AEB / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as f:
            yield page_id, f.read(), item["articleBody"]


def evaluate(extract: Callable[[str], str]) -> Score:
    """Score an extractor (HTML text -> article text) over the whole benchmark."""
    precisions: list[float] = []
    recalls: list[float] = []
    started = time.perf_counter()
    n_pages = 0
    for _, html, truth in pages():
        precision, recall = page_scores(extract(html), truth)
        n_pages += 1
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    return Score(
        precision=sum(precisions) / len(precisions),
        recall=sum(recalls) / len(recalls),
        n_pages=n_pages,
        seconds=time.perf_counter() - started,
    )


def pipeline_text(html: str) -> str:
    """Our HTML path: extraction plus the bulletin rules; the headline and body are scored
    (the gold text of the benchmark holds the body only, so the body alone is used)."""
    try:
        return parse_html(html, url=None, published=None).body
    except Rejected:
        return ""


def trafilatura_text(html: str) -> str:
    """Bare trafilatura with its defaults, the baseline."""
    return trafilatura.extract(html) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only-pipeline", action="store_true", help="skip the baseline")
    args = parser.parse_args()
    runs = [("pipeline (etl.extract.parse.parse_html)", pipeline_text)]
    if not args.only_pipeline:
        runs.append(("bare trafilatura.extract", trafilatura_text))
    print(f"{'extractor':<34} {'precision':>9} {'recall':>7} {'F1':>6} {'pages':>5} {'ms/page':>8}")
    for name, extract in runs:
        score = evaluate(extract)
        ms = 1000 * score.seconds / score.n_pages
        print(
            f"{name:<34} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{score.n_pages:>5} {ms:>8.1f}"
        )


if __name__ == "__main__":
    main()
