"""``cxbench bench``: time each stage of the main job and record peak memory.

Every stage runs in its own process (the same CLI a user runs), so its wall time
includes start-up and its peak resident memory is the child's own, read from
``wait4``. Results are appended to docs/benchmarks.md and printed as JSON.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench.console import console, progress_bar
from cxcore.settings import REPO_ROOT

BENCHMARKS_FILE = REPO_ROOT / "docs" / "benchmarks.md"
TABLE_MARKER = "<!-- bench-rows -->"


@dataclass(frozen=True)
class StageTiming:
    """Wall time and peak resident memory of one stage."""

    stage: str
    seconds: float
    peak_rss_mb: float


def run_stage(stage: str, args: list[str], env: dict[str, str], log: Path) -> StageTiming:
    """Run ``cxbench <args>`` as a child process; fail loudly if it fails."""
    command = [sys.executable, "-m", "cxbench.cli", *args]
    started = time.perf_counter()
    with log.open("a") as output:
        output.write(f"$ {' '.join(command)}\n")
        output.flush()
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"stage {stage} failed (exit {process.returncode}); see {log}")
    return StageTiming(stage, round(seconds, 2), round(usage.ru_maxrss / 1024, 1))


def run_benchmark(evaluations: int, seed: int, record: bool = True) -> dict[str, object]:
    """Generate, ingest, build and check a world of ``evaluations`` in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="cxbench-bench-") as scratch:
        root = Path(scratch)
        world, db_path, log = root / "world", root / "cxbench.duckdb", root / "bench.log"
        env = {**os.environ, "CXBENCH_DB": str(db_path), "CXBENCH_SALT": "benchmark"}
        stages = {
            "generate": ["generate", "--out", str(world), "--evaluations", str(evaluations),
                         "--seed", str(seed)],
            "ingest": ["ingest", str(world)],
            "build": ["build"],
            "check": ["check"],
        }  # fmt: skip
        timings: list[StageTiming] = []
        with progress_bar() as progress:
            task = progress.add_task("benchmark", total=len(stages))
            for stage, args in stages.items():
                progress.update(task, description=f"bench: {stage}")
                timings.append(run_stage(stage, args, env, log))
                progress.advance(task)
        db_mb = db_path.stat().st_size / 2**20
    result: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        "commit": _commit(),
        "evaluations": evaluations,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "stages": [asdict(timing) for timing in timings],
        "total_seconds": round(sum(timing.seconds for timing in timings), 2),
        "warehouse_mb": round(db_mb, 1),
    }
    if record:
        append_row(result, timings)
    print(json.dumps(result, indent=2))
    return result


def append_row(result: dict[str, object], timings: list[StageTiming]) -> None:
    """Append one Markdown table row under the marker in docs/benchmarks.md."""
    cells = [str(result["date"]), str(result["commit"]), f"{result['evaluations']:,}"]
    cells += [f"{timing.seconds:.1f} s / {timing.peak_rss_mb:,.0f} MB" for timing in timings]
    cells += [f"{result['total_seconds']:.1f} s", f"{result['warehouse_mb']:,.0f} MB"]
    row = "| " + " | ".join(cells) + " |"
    text = BENCHMARKS_FILE.read_text() if BENCHMARKS_FILE.exists() else ""
    if TABLE_MARKER not in text:
        console.print(f"[yellow]{BENCHMARKS_FILE} has no {TABLE_MARKER}; row not recorded[/]")
        return
    BENCHMARKS_FILE.write_text(text.replace(TABLE_MARKER, f"{row}\n{TABLE_MARKER}", 1))


def _commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return completed.stdout.strip() or "unknown"
