"""Benchmark: ``cxbench build`` on DuckDB against ``cxbench build --engine spark``.

``python -m cxbench.benchmarks.engines --evaluations 1850000 20000000`` times the
command a researcher runs, on both engines, each in its own process on a fresh
copy of the same raw warehouse (the raw warehouses of the build benchmark,
cxbench/benchmarks/build.py, shared through ``--cache``): wall time, CPU time
and peak resident memory of the process and everything it started (for Spark,
the JVM: ``os.wait4`` reports the largest of the process tree). The Spark run
counts everything the command does: the raw export to Parquet, the Spark
session, every model and data test, and the marts back into DuckDB.

The two engines alternate within a repeat, so a busy spell on the machine
falls on both; with ``--repeat`` > 1 the fastest run of each counts. Rows go to
"Both engines, run by run" in the section "Scaling envelope" of
docs/benchmarks.md, under their own marker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench.benchmarks.build import ProcessTiming, fastest, prepare_raw, timed
from cxbench.benchmarks.results_file import BENCHMARKS_FILE, commit, say_not_recorded
from cxbench.pipeline import ENGINES
from cxbench.spark.build import spark_dir
from cxcore.settings import load_settings

ENGINE_MARKER = "<!-- engine-bench-rows -->"


@dataclass(frozen=True)
class EngineRun:
    """The fastest ``cxbench build`` of one engine on one size, and the machine's load."""

    evaluations: int
    engine: str
    timing: ProcessTiming
    load_average: float


def build_command(engine: str) -> list[str]:
    """``cxbench build`` as a user runs it, on ``engine``."""
    return [sys.executable, "-m", "cxbench.cli", "build", "--engine", engine]


def benchmark_size(cache: Path, scratch: Path, evaluations: int, repeat: int) -> list[EngineRun]:
    """Time both engines ``repeat`` times, alternating, each on a fresh raw warehouse copy."""
    log = scratch / "bench-engines.log"
    raw = prepare_raw(cache, evaluations, log)
    runs: dict[str, list[ProcessTiming]] = {engine: [] for engine in ENGINES}
    loads: dict[str, list[float]] = {engine: [] for engine in ENGINES}
    for _ in range(repeat):
        for engine in ENGINES:
            db_path = scratch / engine / "cxbench.duckdb"
            shutil.rmtree(db_path.parent, ignore_errors=True)
            db_path.parent.mkdir(parents=True)
            shutil.copyfile(raw, db_path)
            env = {**os.environ, "CXBENCH_DB": str(db_path), "CXBENCH_SALT": "benchmark"}
            loads[engine].append(os.getloadavg()[0])
            runs[engine].append(timed(build_command(engine), env, log))
            shutil.rmtree(spark_dir(db_path), ignore_errors=True)
    return [
        EngineRun(evaluations, engine, fastest(runs[engine]), round(max(loads[engine]), 2))
        for engine in ENGINES
    ]


def record(results: list[EngineRun]) -> None:
    """Append one table row per size and engine under the marker in docs/benchmarks.md."""
    if BENCHMARKS_FILE is None:
        say_not_recorded()
        return
    text = BENCHMARKS_FILE.read_text()
    if ENGINE_MARKER not in text:
        raise RuntimeError(f"{BENCHMARKS_FILE} has no {ENGINE_MARKER}")
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    rows = [
        f"| {date} | {commit()} | {run.evaluations:,} | {run.engine} "
        f"| {run.timing.seconds:.1f} s | {run.timing.cpu_seconds:.1f} s "
        f"| {run.timing.peak_rss_mb:,.0f} MB | {run.load_average:.1f} |"
        for run in results
    ]
    BENCHMARKS_FILE.write_text(text.replace(ENGINE_MARKER, "\n".join([*rows, ENGINE_MARKER]), 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cxbench.benchmarks.engines", description=__doc__
    )
    parser.add_argument("--evaluations", type=int, nargs="+", default=[1_850_000])
    parser.add_argument("--cache", type=Path, help="where prepared raw warehouses are kept")
    parser.add_argument(
        "--repeat", type=int, default=1, help="timed runs per engine; fastest counts"
    )
    parser.add_argument("--no-record", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    cache = args.cache or load_settings().generated_dir / "bench-build"
    cache.mkdir(parents=True, exist_ok=True)
    results: list[EngineRun] = []
    for evaluations in args.evaluations:
        scratch = cache / f"engines-{evaluations}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        size_runs = benchmark_size(cache, scratch, evaluations, args.repeat)
        for run in size_runs:
            print(json.dumps(asdict(run)), flush=True)
        results.extend(size_runs)
        shutil.rmtree(scratch, ignore_errors=True)
    if not args.no_record:
        record(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
