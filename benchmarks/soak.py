"""Memory soak: one `ingest` run of a long stream of generated pages, peak RSS per batch.

    uv run python -m benchmarks.soak --docs 100000 [--workers 1] [--batch-size N]
        [--out DIR] [--json PATH]

The pages are those of `benchmarks.pipeline` (both themes, 100 to 170 KB, every bulletin
distinct), generated one at a time in memory and fed to `etl.runs.ingest.ingest_documents` as a
stream, so that a backfill of 100,000 pages needs neither 13 GB of files nor a long
generation step first. The run is the CLI's: one process (or the main process and its
workers), one warehouse that grows to `--docs` articles, validation on.

After each batch is parsed, the main process's peak RSS since the previous batch (`VmHWM`,
reset through `/proc/self/clear_refs`) and its current RSS are recorded. The table shows the
first batches and then every tenth; the summary gives the run's peak, and the slope of the
per-batch peaks over the second half of the run, which is 0 when memory does not grow with
the number of documents.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.pipeline import KIB, MIB, _reset_peak, _status_kib, generate_pages

GIB = 1024 * MIB
TARGET_PEAK = GIB


def _documents(n_docs: int) -> Iterator[Any]:
    from etl.model import RawDocument

    for page in generate_pages(n_docs):
        yield RawDocument(
            uri=page.url,
            data=page.data,
            media_type="text/html",
            raw_location=f"soak:{page.index}",
            url=page.url,
        )


def _slope(points: Sequence[tuple[int, int]]) -> float:
    """Least-squares slope of peak bytes per document."""
    xs = [float(x) for x, _ in points]
    ys = [float(y) for _, y in points]
    if len(points) < 2 or len(set(xs)) < 2:
        return 0.0
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den


def soak(n_docs: int, workers: int, batch_size: int, out: Path) -> dict[str, Any]:
    """Ingest `n_docs` generated pages into a new warehouse under `out`; the figures."""
    os.environ["BULLETINS_HOME"] = str(out)
    from etl.runs.ingest import ingest_documents

    db = out / "warehouse.duckdb"
    batches: list[dict[str, Any]] = []
    started = time.perf_counter()
    _reset_peak()

    def progress(done: int, total: int | None) -> None:
        batches.append(
            {
                "docs": done,
                "seconds": round(time.perf_counter() - started, 1),
                "peak_rss": _status_kib("VmHWM") * KIB,
                "rss": _status_kib("VmRSS") * KIB,
            }
        )
        _reset_peak()
        if len(batches) % 10 == 0:
            row = batches[-1]
            print(
                f"  {done:>7,} docs  {row['seconds']:>7.0f} s  peak {row['peak_rss'] / MIB:5.0f} "
                f"MiB  rss {row['rss'] / MIB:5.0f} MiB",
                file=sys.stderr,
                flush=True,
            )

    summary = ingest_documents(
        _documents(n_docs),
        db,
        total=n_docs,
        progress=progress,
        workers=workers,
        batch_size=batch_size,
    )
    # The peak after the last progress call: the last batch's audit and publication, the docs.
    batches.append(
        {
            "docs": n_docs,
            "seconds": round(time.perf_counter() - started, 1),
            "peak_rss": _status_kib("VmHWM") * KIB,
            "rss": _status_kib("VmRSS") * KIB,
            "after_run": True,
        }
    )
    peaks = [(row["docs"], row["peak_rss"]) for row in batches]
    second_half = peaks[len(peaks) // 2 :]
    return {
        "docs": n_docs,
        "workers": workers,
        "batch_size": batch_size,
        "seconds": round(time.perf_counter() - started, 1),
        "summary": summary.line(),
        "stages": {k: round(v, 1) for k, v in summary.seconds.items()},
        "warehouse_bytes": db.stat().st_size,
        "peak_rss": max(peak for _, peak in peaks),
        "first_batch_peak_rss": peaks[0][1],
        "slope_second_half_mib_per_10k_docs": round(_slope(second_half) * 10_000 / MIB, 2),
        "batches": batches,
    }


def report(result: dict[str, Any]) -> None:
    """Print the table and the verdict."""
    print(
        f"memory soak: {result['docs']:,} pages, {result['workers']} worker(s), "
        f"batches of {result['batch_size']:,}, {result['seconds']:.0f} s"
    )
    print(f"  {result['summary']}")
    print("| after document | peak RSS since the batch before | RSS |")
    print("|---:|---:|---:|")
    rows = result["batches"]
    for number, row in enumerate(rows, 1):
        if number <= 5 or number % 10 == 0 or row is rows[-1]:
            label = f"{row['docs']:,}" + (" (end of run)" if row.get("after_run") else "")
            print(f"| {label} | {row['peak_rss'] / MIB:,.0f} MiB | {row['rss'] / MIB:,.0f} MiB |")
    peak = result["peak_rss"]
    verdict = "PASS" if peak <= TARGET_PEAK else "MISS"
    print(f"peak RSS {peak / MIB:,.0f} MiB (target <= {TARGET_PEAK / MIB:,.0f} MiB): {verdict}")
    slope = result["slope_second_half_mib_per_10k_docs"]
    print(f"slope of the per-batch peaks, second half: {slope:+.1f} MiB per 10,000 documents")
    print(f"warehouse: {result['warehouse_bytes'] / MIB:,.0f} MiB")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, help="default: the pipeline's")
    parser.add_argument("--out", type=Path, help="the run's BULLETINS_HOME (default: temporary)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        from etl.config import DEFAULT_BATCH_SIZE

        result = soak(args.docs, args.workers, args.batch_size or DEFAULT_BATCH_SIZE, out)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
