"""Regression gate on real pages: the SANA rules must not cost quality on other sites."""

from __future__ import annotations

from benchmarks.aeb import evaluate, page_scores, pipeline_text

F1_FLOOR = 0.95  # bare trafilatura 2.3.1 scores 0.953 here


def test_metric_on_hand_made_pages() -> None:
    truth = "one two three four five six"  # shingles: 1234 2345 3456
    assert page_scores(truth, truth) == (1.0, 1.0)
    assert page_scores("one two three four five", truth) == (1.0, 2 / 3)
    assert page_scores("one two three four five six seven", truth) == (3 / 4, 1.0)
    assert page_scores("", truth) == (None, 0.0)


def test_pipeline_f1_on_the_article_extraction_benchmark() -> None:
    score = evaluate(pipeline_text)
    assert score.n_pages == 181
    assert score.f1 >= F1_FLOOR, (
        f"F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f})"
    )
