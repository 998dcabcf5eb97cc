"""Benchmark the analysts' tools on the synthetic warehouse of benchmarks/pipeline.py.

    uv run python -m benchmarks.analysts [--articles 1000000] [--nightly 100] [--db PATH]
        [--skip-rebuild] [--json PATH]

1. builds the synthetic warehouse (`benchmarks.pipeline.build_warehouse`), or takes `--db`;
2. rebuilds the full search index (`bulletins reindex --full`): wall and CPU seconds, peak
   RSS (skipped with `--skip-rebuild` when `--db` is indexed already);
3. times search queries on a read-only connection, each cold (first) and warm (median of 3);
4. times `bulletins report` and `bulletins export --format parquet` as the commands a user
   runs (a fresh process each);
5. a nightly run: `--nightly` generated pages ingested into the warehouse, which keeps the
   search index current before it publishes; prints the run's total and its search stage.

The machine may be shared: CPU seconds are printed beside wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.pipeline import REPO, build_warehouse, corpus_files, write_corpus

MAX_QUERY_SECONDS = 0.2
MAX_REPORT_SECONDS = 10.0
MAX_EXPORT_SECONDS = 60.0
# Queries of the synthetic corpus, from rare to very common words: (label, query).
QUERIES = [
    ("a family name (3% of bulletins)", "Eyon"),
    ("a place (in a headline, 6%)", "Hasaka"),
    ("two words, neither present", "reconstruction schools"),
    ("an entity with 6 spellings", "Mekdad"),
    ("Idlib, and its spelling Idleb (56%)", "Idlib"),
    ("an entity and a name (2 groups)", "Khaji Volkov"),
]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _command(args: list[str], home: Path) -> dict[str, Any]:
    """A `bulletins` command in a fresh process: its wall seconds and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=REPO,
        env={**os.environ, "BULLETINS_HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"seconds": seconds, "cpu_seconds": cpu, "stdout": done.stdout.strip()}


def rebuild(db: Path) -> dict[str, Any]:
    """The full rebuild of the search index, as `bulletins reindex --full` does it."""
    from etl.analysis.search import refresh_warehouse_index

    started, cpu = time.perf_counter(), _cpu()
    state = refresh_warehouse_index(db, rebuild=True)
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": _cpu() - cpu,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "n_indexed": state.n_indexed,
    }


def time_queries(db: Path, repeats: int = 3) -> list[dict[str, Any]]:
    """Each query on one read-only connection: cold, then the median of `repeats` more."""
    from etl.analysis.search import search
    from etl.load.warehouse import connect_read_only

    results = []
    con = connect_read_only(db)
    try:
        for label, query in QUERIES:
            timings, n_hits = [], 0
            for _ in range(1 + repeats):
                began = time.perf_counter()
                n_hits = len(search(con, query, limit=20).hits)
                timings.append(time.perf_counter() - began)
            results.append(
                {
                    "label": label,
                    "query": query,
                    "cold_seconds": timings[0],
                    "warm_seconds": statistics.median(timings[1:]),
                    "n_hits": n_hits,
                }
            )
    finally:
        con.close()
    return results


def nightly(db: Path, home: Path, n_pages: int) -> dict[str, Any]:
    """`n_pages` generated pages ingested into the warehouse, search kept current."""
    from etl.runs.ingest import ingest

    corpus = write_corpus(home / "corpus", n_pages)
    paths = corpus_files(corpus.html)[:n_pages]
    started = time.perf_counter()
    summary = ingest(paths, db)
    return {
        "seconds": time.perf_counter() - started,
        "stages": summary.seconds,
        "n_new": summary.n_new,
        "status": summary.status,
    }


def main(argv: list[str] | None = None) -> None:
    """Run the measurements and print them with the issue's targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--nightly", type=int, default=100, help="pages of the nightly run")
    parser.add_argument("--db", type=Path, help="an existing synthetic warehouse to use")
    parser.add_argument("--skip-rebuild", action="store_true")
    parser.add_argument(
        "--json",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bulletins-analysts-benchmark.json",
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bulletins-analysts-"))
    home = work / "home"
    home.mkdir()
    os.environ["BULLETINS_HOME"] = str(home)
    results: dict[str, Any] = {"articles": args.articles}
    try:
        db = args.db
        if db is None:
            db = home / "warehouse.duckdb"
            print(f"building a synthetic warehouse of {args.articles:,} articles ...", flush=True)
            results["build"] = build_warehouse(db, args.articles)
        if not args.skip_rebuild:
            print("full rebuild of the search index ...", flush=True)
            results["rebuild"] = rebuild(db)
        print("search queries ...", flush=True)
        results["queries"] = time_queries(db)
        print("bulletins report ...", flush=True)
        results["report"] = _command(["report", "--db", str(db), "--out", str(work / "r")], home)
        print("bulletins export --format parquet ...", flush=True)
        results["export"] = _command(["export", str(work / "x"), "--db", str(db)], home)
        results["export"]["bytes"] = sum(p.stat().st_size for p in (work / "x").iterdir())
        if args.nightly:
            print(f"nightly run of {args.nightly} pages ...", flush=True)
            results["nightly"] = nightly(db, home, args.nightly)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(results)
    args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_table(results: dict[str, Any]) -> None:
    """The figures, one line each, with the targets."""
    n = results["articles"]
    print(f"\nanalysts' tools on {n:,} synthetic articles")
    if "rebuild" in results:
        r = results["rebuild"]
        print(
            f"  full index rebuild        {r['seconds']:8.1f} s wall  {r['cpu_seconds']:7.1f} s CPU"
            f"  peak RSS {r['peak_rss_bytes'] / 2**30:.2f} GiB"
        )
    for q in results["queries"]:
        ok = q["warm_seconds"] < MAX_QUERY_SECONDS
        print(
            f"  search {q['label']:<38} {q['cold_seconds']:6.3f} s cold {q['warm_seconds']:6.3f}"
            f" s warm  {q['n_hits']:3d} hits  {_verdict(ok)} (< {MAX_QUERY_SECONDS} s)"
        )
    for name, target in (("report", MAX_REPORT_SECONDS), ("export", MAX_EXPORT_SECONDS)):
        r = results[name]
        print(
            f"  bulletins {name:<16} {r['seconds']:8.1f} s wall  {r['cpu_seconds']:7.1f} s CPU"
            f"  {_verdict(r['seconds'] < target)} (< {target:g} s)"
        )
    if "nightly" in results:
        r = results["nightly"]
        search_seconds = r["stages"].get("search", 0.0)
        print(
            f"  nightly run               {r['seconds']:8.1f} s with search kept current"
            f" ({search_seconds:.1f} s of it), {r['seconds'] - search_seconds:.1f} s without;"
            f" {r['n_new']} new"
        )


if __name__ == "__main__":
    main()
