"""Benchmark of the transformation layer: ``dbt build`` against a hand-written SQL script.

``python -m cxbench.benchmarks.build --evaluations 1850000 20000000`` prepares a raw
warehouse per size, then times, each in its own process on a fresh copy of it:

- ``dbt build`` of the whole project (seeds, every model, data and unit tests);
- the production build, as ``cxbench build`` and ``refresh`` run it: the same without the
  unit tests (they check SQL logic on fixed rows, not the data, so dbt advises
  running them in development and CI only);
- ``cxbench/benchmarks/sql/core_numbers.sql``, one hand-written DuckDB script computing the
  same core numbers (weighted company pillar scores, CX index, ranks), run by
  :func:`run_core_script` (``python -m cxbench.benchmarks.build core --db FILE``);
- dbt's fixed start-up: ``dbt build`` with a selection that matches nothing
  (parse, adapter, connection — no data work);
- ``dbt run`` after ``dbt seed``: the models alone, without data or unit tests.

Wall time comes from the parent, peak resident memory from ``os.wait4`` on the
child. Afterwards the script's numbers are compared with the marts. Results go
to a section of docs/benchmarks.md (under its own marker) and to stdout as JSON.

The raw warehouse for a size up to the base world is generated and ingested
through the real pipeline. Larger sizes replicate the base world's raw rows in
DuckDB (respondent ids suffixed with the copy number, so evaluations stay
unique): generating and ingesting 20M evaluations as CSV would take far longer
than the builds being measured and would not change what they do.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench.benchmarks.results_file import BENCHMARKS_FILE, commit, say_not_recorded
from cxbench.benchmarks.sql.core_script import compare_core_numbers, run_core_script
from cxbench.dbt_runner import dbt_executable
from cxbench.pipeline import DBT_BUILD
from cxcore.settings import DBT_PROJECT_DIR, load_settings
from cxcore.storage import connect_writable

BUILD_MARKER = "<!-- build-bench-rows -->"
BASE_EVALUATIONS = 1_850_000
BASE_SEED = 7
BENCH_WAVES = "2024,2025"
BENCH_COUNTRIES = "NL,NO,PL,GB,DE"


@dataclass(frozen=True)
class ProcessTiming:
    """Wall time, CPU time (user + system) and peak resident memory of one child process."""

    seconds: float
    peak_rss_mb: float
    cpu_seconds: float


@dataclass(frozen=True)
class BuildBenchmark:
    """One size: dbt build, the hand-written script, dbt start-up, and their agreement."""

    evaluations: int
    dbt_build: ProcessTiming
    dbt_production: ProcessTiming
    sql_script: ProcessTiming
    dbt_startup: ProcessTiming
    dbt_run: ProcessTiming
    dbt_nodes: int
    #: The slowest nodes of the (last) whole dbt build: where the time of a size goes.
    slowest_nodes: dict[str, float]
    max_abs_difference: float
    raw_mb: float
    load_average: float

    @property
    def ratio(self) -> float:
        return self.dbt_build.seconds / self.sql_script.seconds

    @property
    def production_ratio(self) -> float:
        return self.dbt_production.seconds / self.sql_script.seconds


def timed(command: list[str], env: dict[str, str], log: Path) -> ProcessTiming:
    """Run ``command`` to completion, appending its output to ``log``; fail loudly."""
    started = time.perf_counter()
    with log.open("a") as output:
        output.write(f"$ {' '.join(command)}\n")
        output.flush()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{command[0]} exited {code}; see {log}")
    cpu = usage.ru_utime + usage.ru_stime
    return ProcessTiming(round(seconds, 2), round(usage.ru_maxrss / 1024, 1), round(cpu, 2))


def prepare_raw(cache: Path, evaluations: int, log: Path) -> Path:
    """A warehouse holding only the raw layer with ``evaluations`` survey rows (cached)."""
    target = cache / f"raw-{evaluations}.duckdb"
    if target.exists():
        _ensure_raw_tables(target)
        return target
    base = cache / f"raw-{min(evaluations, BASE_EVALUATIONS)}.duckdb"
    if not base.exists():
        _generate_and_ingest(cache, min(evaluations, BASE_EVALUATIONS), base, log)
    if evaluations > BASE_EVALUATIONS:
        partial = target.with_suffix(".partial")
        shutil.copyfile(base, partial)
        # In a child: the parent's resident size at fork time would otherwise be
        # inherited as the peak memory of every process timed after it.
        replicate = [sys.executable, "-m", "cxbench.benchmarks.build", "replicate",
                     "--db", str(partial), "--evaluations", str(evaluations)]  # fmt: skip
        timed(replicate, dict(os.environ), log)
        partial.rename(target)
    return target


def _ensure_raw_tables(db_path: Path) -> None:
    """Create raw tables a cached warehouse from an older ingestion lacks (empty)."""
    from cxbench.ingestion.raw_schema import ensure_raw_schema

    with connect_writable(db_path) as connection:
        ensure_raw_schema(connection)


def _generate_and_ingest(cache: Path, evaluations: int, db_path: Path, log: Path) -> None:
    world = cache / f"world-{evaluations}"
    partial = db_path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    env = {**os.environ, "CXBENCH_DB": str(partial), "CXBENCH_SALT": "benchmark"}
    cli = [sys.executable, "-m", "cxbench.cli"]
    if not (world / "manifest.json").exists():
        timed([*cli, "generate", "--out", str(world), "--evaluations", str(evaluations),
               "--seed", str(BASE_SEED), "--waves", BENCH_WAVES,
               "--countries", BENCH_COUNTRIES], env, log)  # fmt: skip
    timed([*cli, "ingest", str(world)], env, log)
    partial.rename(db_path)


def replicate_evaluations(db_path: Path, evaluations: int) -> None:
    """Grow raw.survey_evaluations to ``evaluations`` rows by copying its rows.

    Copy k gets respondent ids suffixed ``~k``; everything else (batch, answers)
    is kept, so every key, contract and test still holds.
    """
    with connect_writable(db_path) as connection:
        connection.execute("set enable_progress_bar = false")
        base = connection.execute("select count(*) from raw.survey_evaluations").fetchall()[0][0]
        missing = evaluations - base
        copies = -(-missing // base)
        connection.execute(
            f"""
            insert into raw.survey_evaluations by name
            select
                survey.* replace (
                    survey.respondent_id || '~' || copies.copy_number as respondent_id
                )
            from raw.survey_evaluations as survey
            cross join range(1, {copies + 1}) as copies (copy_number)
            limit {missing}
            """
        )
        connection.execute("checkpoint")


def dbt_env(db_path: Path) -> dict[str, str]:
    artefacts = db_path.parent / "dbt"
    return {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_TARGET_PATH": str(artefacts / "target"),
        "DBT_LOG_PATH": str(artefacts / "logs"),
    }


def fastest(runs: list[ProcessTiming]) -> ProcessTiming:
    """The fastest of repeated runs (the least disturbed by other work on the machine)."""
    return min(runs, key=lambda timing: timing.seconds)


def benchmark_size(cache: Path, scratch: Path, evaluations: int, repeat: int) -> BuildBenchmark:
    """Time dbt build, dbt run, dbt start-up and the SQL script on copies of one raw warehouse.

    dbt parses the project once before anything is timed (as on any second run)
    and every dbt command uses the same warehouse path and target folder, so each
    timed command starts from a partial parse. Each timed command gets a fresh
    copy of the raw warehouse; with ``repeat`` > 1 the fastest run counts.
    """
    log = scratch / "bench-build.log"
    raw = prepare_raw(cache, evaluations, log)
    dbt = [dbt_executable()]
    project = ["--project-dir", str(DBT_PROJECT_DIR)]
    dbt_db, sql_db = scratch / "dbt" / "cxbench.duckdb", scratch / "sql" / "cxbench.duckdb"
    env = dbt_env(dbt_db)

    def fresh(db_path: Path) -> None:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(raw, db_path)

    fresh(dbt_db)
    timed([*dbt, "parse", *project], env, log)
    startup = timed([*dbt, "build", "--select", "tag:no-such-tag", *project], env, log)
    builds, productions, runs, scripts = [], [], [], []
    for _ in range(repeat):
        fresh(dbt_db)
        timed([*dbt, "seed", *project], env, log)  # dbt run needs the seeds
        runs.append(timed([*dbt, "run", *project], env, log))
        fresh(dbt_db)
        productions.append(timed([*dbt, *DBT_BUILD, *project], env, log))
        fresh(dbt_db)
        builds.append(timed([*dbt, "build", *project], env, log))
        fresh(sql_db)
        core = [sys.executable, "-m", "cxbench.benchmarks.build", "core", "--db", str(sql_db)]
        scripts.append(timed(core, dict(os.environ), log))
    results = json.loads((dbt_db.parent / "dbt" / "target" / "run_results.json").read_text())
    return BuildBenchmark(
        evaluations=evaluations,
        dbt_build=fastest(builds),
        dbt_production=fastest(productions),
        sql_script=fastest(scripts),
        dbt_startup=startup,
        dbt_run=fastest(runs),
        dbt_nodes=len(results["results"]),
        slowest_nodes=slowest_nodes(results["results"]),
        max_abs_difference=compare_core_numbers(dbt_db, sql_db),
        raw_mb=round(raw.stat().st_size / 2**20, 1),
        load_average=round(os.getloadavg()[0], 2),
    )


def slowest_nodes(node_results: list[dict], count: int = 5) -> dict[str, float]:
    """The ``count`` longest-running nodes of dbt's ``run_results.json``, seconds each."""
    ranked = sorted(node_results, key=lambda node: node["execution_time"], reverse=True)
    # "model.cxbench.fct_x" → "model fct_x": the kind stays, the project name goes
    names = [" ".join(node["unique_id"].split(".", 2)[::2]) for node in ranked[:count]]
    return {
        name: round(node["execution_time"], 2) for name, node in zip(names, ranked, strict=False)
    }


def record(results: list[BuildBenchmark]) -> None:
    """Append one table row per size under the marker in docs/benchmarks.md."""
    if BENCHMARKS_FILE is None:
        say_not_recorded()
        return
    text = BENCHMARKS_FILE.read_text()
    if BUILD_MARKER not in text:
        raise RuntimeError(f"{BENCHMARKS_FILE} has no {BUILD_MARKER}")
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    rows = [
        f"| {date} | {commit()} | {result.evaluations:,} "
        f"| {_cell(result.dbt_build)} | {_cell(result.dbt_production)} "
        f"| {_cell(result.sql_script)} | {result.ratio:.2f} | {result.production_ratio:.2f} "
        f"| {result.dbt_startup.seconds:.1f} s "
        f"| {result.dbt_build.seconds - result.dbt_startup.seconds:.1f} s "
        f"| {_cell(result.dbt_run)} | {result.dbt_nodes} | {result.max_abs_difference:.0e} "
        f"| {result.load_average:.1f} |"
        for result in results
    ]
    BENCHMARKS_FILE.write_text(text.replace(BUILD_MARKER, "\n".join([*rows, BUILD_MARKER]), 1))


def _cell(timing: ProcessTiming) -> str:
    return f"{timing.seconds:.1f} s / {timing.peak_rss_mb:,.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cxbench.benchmarks.build", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    core = sub.add_parser("core", help="run the hand-written SQL script on a warehouse")
    core.add_argument("--db", type=Path, required=True)
    grow = sub.add_parser("replicate", help="grow a raw warehouse's evaluations by copying rows")
    grow.add_argument("--db", type=Path, required=True)
    grow.add_argument("--evaluations", type=int, required=True)
    parser.add_argument("--evaluations", type=int, nargs="+", default=[BASE_EVALUATIONS])
    parser.add_argument("--cache", type=Path, help="where prepared raw warehouses are kept")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size; fastest counts")
    parser.add_argument("--no-record", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    if args.command == "core":
        run_core_script(args.db)
        return 0
    if args.command == "replicate":
        replicate_evaluations(args.db, args.evaluations)
        return 0
    cache = args.cache or load_settings().generated_dir / "bench-build"
    cache.mkdir(parents=True, exist_ok=True)
    results = []
    for evaluations in args.evaluations:
        scratch = cache / f"run-{evaluations}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir()
        result = benchmark_size(cache, scratch, evaluations, args.repeat)
        results.append(result)
        ratios = {
            "ratio": round(result.ratio, 3),
            "production_ratio": round(result.production_ratio, 3),
        }
        print(json.dumps({**asdict(result), **ratios}), flush=True)
        shutil.rmtree(scratch, ignore_errors=True)
    if not args.no_record:
        record(results)
    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} cores"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
