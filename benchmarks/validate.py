"""Time the data-quality gate on one large batch (default 10,000 articles).

The batch repeats the five text samples under distinct URLs, so every article, paragraph,
byline, link and caption row is a realistic one. Prints the time to stage the batch as Parquet, to
audit it with the GX suites and the SQL checks, and to publish it.

    uv run python -m benchmarks.validate [--articles 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from etl.extract.parse import parse_document
from etl.load import staging
from etl.load.quality import Validator
from etl.load.rows import Batch
from etl.load.warehouse import Warehouse
from etl.model import RawDocument
from etl.sources.files import iter_documents

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"


def build_batch(n_articles: int) -> Batch:
    """A batch of `n_articles` bulletins made from the text samples."""
    seeds = []
    batch = Batch()
    for document in iter_documents([SAMPLES]):
        assert isinstance(document, RawDocument)
        seeds.append((parse_document(document), batch.add_document(document)))
    for i in range(n_articles):
        bulletin, doc_id = seeds[i % len(seeds)]
        copy = dataclasses.replace(bulletin, url=f"https://archive.sana.sy/en/?p={1_000_000 + i}")
        batch.add_bulletin(copy, doc_id)
    return batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    batch = build_batch(args.articles)
    built = time.perf_counter()
    validator = Validator(docs_dir=None)
    ready = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        directory = staging.write_batch(batch, Path(tmp) / "staged")
        staged = time.perf_counter()
        found = staging.audit(
            directory, validator, run_id="benchmark", run_name="benchmark", max_reject_share=0.5
        )
        validated = time.perf_counter()
        with staging.open_staged(directory) as con:
            n_paragraphs = con.execute("select count(*) from staging.paragraphs").fetchone()
        with Warehouse(Path(tmp) / "w.duckdb") as warehouse:
            _, verdict = warehouse.publish("benchmark", directory)
        published = time.perf_counter()
    print(f"articles                {args.articles:>10,}")
    print(f"paragraphs              {n_paragraphs[0] if n_paragraphs else 0:>10,}")
    print(f"expectations            {len(found.results) + 1:>10}")
    print(f"held back, blocking     {len(found.held):>10}, {len(found.blocking)}")
    print(f"build batch (s)         {built - started:>10.2f}")
    print(f"GX import + suites (s)  {ready - built:>10.2f}")
    print(f"stage Parquet (s)       {staged - ready:>10.2f}")
    print(f"validate (s)            {validated - staged:>10.2f}")
    print(f"publish + check (s)     {published - validated:>10.2f}   ({verdict.observed_value})")


if __name__ == "__main__":
    main()
