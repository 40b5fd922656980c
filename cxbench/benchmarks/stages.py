"""``cxbench bench``: the production path against its floor, stage by stage.

In one scratch folder and on the same generated files it times, each stage in
its own process (the same CLI a user runs, so wall time includes start-up):
generate; the **floor** (:mod:`cxbench.benchmarks.floor`: DuckDB ``read_csv`` of the
survey and industry CSVs, then ``cxbench/benchmarks/sql/core_numbers.sql``); and the
production path — ingest, the production build (``cxbench build``), check. It
reports ``(ingest + build + check) / floor`` in wall and in CPU time (user +
system of the child, from ``wait4``, steadier on a shared machine), each
stage's peak resident memory and the build's dbt node count. The result is
printed as JSON on stdout (the progress bar goes to stderr) and appended to
docs/benchmarks.md. Before the timed stages dbt parses the project once, untimed,
as any build after a checkout's first would have done.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench.benchmarks.build import timed
from cxbench.benchmarks.results_file import BENCHMARKS_FILE, commit, say_not_recorded
from cxbench.console import err_console, progress_bar
from cxbench.dbt_runner import run_dbt

TABLE_MARKER = "<!-- bench-rows -->"
#: The stages whose sum is compared with the floor.
PRODUCTION_PATH = ("ingest", "build", "check")


@dataclass(frozen=True)
class StageTiming:
    """Wall time, CPU time (user + system) and peak resident memory of one stage."""

    stage: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


def run_stage(stage: str, command: list[str], env: dict[str, str], log: Path) -> StageTiming:
    """Run ``command`` as a child process; fail loudly if it fails."""
    timing = timed(command, env, log)
    return StageTiming(stage, timing.seconds, timing.cpu_seconds, timing.peak_rss_mb)


def stage_commands(
    world: Path, floor_db: Path, evaluations: int, seed: int
) -> dict[str, list[str]]:
    """The child process of each stage, in the order they run."""
    cli = [sys.executable, "-m", "cxbench.cli"]
    return {
        "generate": [*cli, "generate", "--out", str(world), "--evaluations", str(evaluations),
                     "--seed", str(seed)],
        "floor": [sys.executable, "-m", "cxbench.benchmarks.floor", "--world", str(world),
                  "--db", str(floor_db)],
        "ingest": [*cli, "ingest", str(world)],
        "build": [*cli, "build"],
        "check": [*cli, "check"],
    }  # fmt: skip


def run_benchmark(evaluations: int, seed: int, record: bool = True) -> dict[str, object]:
    """Generate a world of ``evaluations`` in a scratch folder; time the floor and the path."""
    with tempfile.TemporaryDirectory(prefix="cxbench-bench-") as scratch:
        root = Path(scratch)
        world, db_path, log = root / "world", root / "cxbench.duckdb", root / "bench.log"
        env = {**os.environ, "CXBENCH_DB": str(db_path), "CXBENCH_SALT": "benchmark"}
        commands = stage_commands(world, root / "floor.duckdb", evaluations, seed)
        timings: dict[str, StageTiming] = {}
        nodes = 0
        # Untimed: as on every build but a checkout's first, dbt starts from the
        # project's partial-parse state (cxbench.dbt_runner), not a full parse.
        run_dbt(["parse"], root / "parse" / db_path.name)
        with progress_bar(err_console) as progress:
            task = progress.add_task("benchmark", total=len(commands))
            for stage, command in commands.items():
                progress.update(task, description=f"bench: {stage}")
                timings[stage] = run_stage(stage, command, env, log)
                if stage == "build":
                    nodes = build_nodes(db_path)
                progress.advance(task)
        db_mb = db_path.stat().st_size / 2**20
    result = summarise(timings, nodes)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "commit": _commit(),
        "evaluations": evaluations,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        **result,
        "warehouse_mb": round(db_mb, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }
    if record:
        append_row(result, timings)
    print(json.dumps(result, indent=2))
    return result


def build_nodes(db_path: Path) -> int:
    """dbt nodes the build ran, from the run results dbt writes beside the warehouse."""
    path = db_path.parent / "dbt" / "target" / "run_results.json"
    return len(json.loads(path.read_text()).get("results", []))


def summarise(timings: dict[str, StageTiming], nodes: int) -> dict[str, object]:
    """Stages, the production path's totals and its ratios to the floor."""
    path = [timings[stage] for stage in PRODUCTION_PATH]
    floor = timings["floor"]
    wall = sum(timing.seconds for timing in path)
    cpu = sum(timing.cpu_seconds for timing in path)
    return {
        "stages": [asdict(timing) for timing in timings.values()],
        "floor_seconds": floor.seconds,
        "floor_cpu_seconds": floor.cpu_seconds,
        "production_seconds": round(wall, 2),
        "production_cpu_seconds": round(cpu, 2),
        "ratio": round(wall / floor.seconds, 2),
        "cpu_ratio": round(cpu / floor.cpu_seconds, 2) if floor.cpu_seconds else None,
        "dbt_nodes": nodes,
        "total_seconds": round(sum(timing.seconds for timing in timings.values()), 2),
    }


def append_row(result: dict[str, object], timings: dict[str, StageTiming]) -> None:
    """Append one Markdown table row under the marker in docs/benchmarks.md."""
    cells = [str(result["date"]), str(result["commit"]), f"{result['evaluations']:,}"]
    cells += [_cell(timings[stage]) for stage in ("floor", *PRODUCTION_PATH)]
    cells += [
        f"{result['production_seconds']:.1f} s / {result['production_cpu_seconds']:.1f} s",
        f"**{result['ratio']:.2f}** / {result['cpu_ratio']:.2f}",
        str(result["dbt_nodes"]),
        _cell(timings["generate"]),
        f"{result['warehouse_mb']:,.0f} MB",
        f"{result['load_average']:.1f}",
    ]
    row = "| " + " | ".join(cells) + " |"
    if BENCHMARKS_FILE is None:
        say_not_recorded()
        return
    text = BENCHMARKS_FILE.read_text() if BENCHMARKS_FILE.exists() else ""
    if TABLE_MARKER not in text:
        err_console.print(f"[yellow]{BENCHMARKS_FILE} has no {TABLE_MARKER}; row not recorded[/]")
        return
    BENCHMARKS_FILE.write_text(text.replace(TABLE_MARKER, f"{row}\n{TABLE_MARKER}", 1))


def _cell(timing: StageTiming) -> str:
    """Wall / CPU seconds / peak memory."""
    return f"{timing.seconds:.1f} s / {timing.cpu_seconds:.1f} s / {timing.peak_rss_mb:,.0f} MB"


def _commit() -> str:
    return commit()
