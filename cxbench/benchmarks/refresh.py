"""Benchmark: refreshing one new wave on top of seven waves of history vs a wave alone.

    .venv/bin/python -m cxbench.benchmarks.refresh --evaluations-per-wave 250000

Three timings of the same ``cxbench refresh --wave <last>`` (the CLI a
researcher runs, in its own process, so start-up, dbt, the quality suites and
the swap are all counted):

- **alone**: into an empty warehouse — the cost of building one wave;
- **with history**: into a warehouse that already holds the earlier waves,
  built the normal (incremental) way — the yearly case;
- **with history, --full-refresh**: the same, recomputing every wave — what
  the yearly case would cost without incremental models.

The issue's target is *with history* / *alone* ≤ 1.3. The history warehouse is
set up by loading the earlier waves and one ``dbt build`` (not timed). The
first two cases run ``--repeat`` times each (fastest kept). A row is appended
to the section "Yearly refresh" of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench import pipeline
from cxbench.benchmarks.results_file import BENCHMARKS_FILE, say_not_recorded
from cxbench.console import console

SECTION = "## Yearly refresh: one new wave on seven waves of history"
SECTION_INTRO = """
`cxbench refresh --wave <last>` timed as a researcher runs it (own process:
start-up, ingest of the wave's files, `dbt build`, quality suites, gate, swap).
*Alone* refreshes the wave into an empty warehouse; *with history* into one
already holding the earlier waves (heavy models incremental by wave);
*full* is the same refresh with `--full-refresh`, i.e. without incrementality.
Alone and with history are the fastest of `--repeat` alternating runs (the
machine is shared); the history warehouse is set up untimed.
Target: with history / alone ≤ 1.3. Written by `cxbench/benchmarks/refresh.py`;
docs/publication.md explains the design.

"""
TABLE_HEADER = (
    "| date (UTC) | evaluations per wave | history waves | alone s | with history s | ratio "
    "| full s | stages alone | stages with history | cores | command |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|\n"
)
STAGES_LINE = re.compile(r"^stage [0-9.]+ s .*$", re.MULTILINE)


@dataclass(frozen=True)
class RefreshBenchmark:
    """The three timings and what was measured."""

    evaluations_per_wave: int
    history_waves: int
    alone_seconds: float
    history_seconds: float
    full_seconds: float
    alone_stages: str
    history_stages: str

    @property
    def ratio(self) -> float:
        return self.history_seconds / self.alone_seconds


def _env(db_path: Path, scratch: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "CXBENCH_DATA_DIR": str(scratch / "generated"),
        "CXBENCH_SALT": "bench-refresh",
        "COLUMNS": "200",
    }


def _timed_refresh(
    db_path: Path, scratch: Path, world: Path, wave: int, *extra: str
) -> tuple[float, str]:
    """Wall seconds of one ``cxbench refresh`` and its stage timings line."""
    command = [sys.executable, "-m", "cxbench.cli", "refresh", "--wave", str(wave),
               "--input", str(world), *extra]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(
        command, env=_env(db_path, scratch), capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"refresh failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    found = STAGES_LINE.search(done.stdout)
    return seconds, found.group(0).split("   now serving")[0].strip() if found else ""


def _history_warehouse(db_path: Path, world: Path, waves: list[int]) -> None:
    """Load the earlier waves' files and build once: the state a yearly refresh starts from."""
    os.environ["CXBENCH_SALT"] = "bench-refresh"
    files = [
        (kind, path)
        for kind, path in pipeline.world_files(world)
        if kind != "survey" or any(f"_{wave}" in path.stem for wave in waves)
    ]
    report = pipeline.ingest_files(db_path, files)
    if not report.ok:
        raise RuntimeError(f"loading the earlier waves failed: {report.errors}")
    pipeline.build(db_path)


def run(
    evaluations_per_wave: int, waves: list[int], seed: int, scratch: Path, repeat: int = 2
) -> RefreshBenchmark:
    """Generate (or reuse) the world, set up the warehouses, time the refreshes.

    *Alone* and *with history* are timed ``repeat`` times, alternating, each
    from a fresh empty warehouse or a fresh copy of the history warehouse, and
    the fastest of each is kept: on a shared machine the minimum is the
    estimate least disturbed by other work.
    """
    from cxbench.generator import generate_world

    world = scratch / f"world-{evaluations_per_wave}x{len(waves)}-seed{seed}"
    if not (world / "manifest.json").exists():
        console.print(f"generating {evaluations_per_wave * len(waves):,} evaluations in {world}")
        generate_world(world, evaluations_per_wave * len(waves), waves, _countries(), seed)
    new_wave, history = waves[-1], waves[:-1]

    template = scratch / "history-template" / "cxbench.duckdb"
    shutil.rmtree(template.parent, ignore_errors=True)
    console.print(f"setting up {len(history)} waves of history (not timed)")
    _history_warehouse(template, world, history)

    def fresh(name: str, from_template: bool) -> Path:
        folder = scratch / name
        shutil.rmtree(folder, ignore_errors=True)
        if from_template:
            shutil.copytree(template.parent, folder)
        return folder / "cxbench.duckdb"

    alone_runs: list[tuple[float, str]] = []
    history_runs: list[tuple[float, str]] = []
    for attempt in range(1, repeat + 1):
        console.print(f"[{attempt}/{repeat}] refresh {new_wave} into an empty warehouse")
        alone_runs.append(_timed_refresh(fresh("alone", False), scratch, world, new_wave))
        console.print(f"[{attempt}/{repeat}] refresh {new_wave} on {len(history)} waves of history")
        history_runs.append(_timed_refresh(fresh("history", True), scratch, world, new_wave))
    console.print(f"refresh {new_wave} on {len(history)} waves of history, --full-refresh")
    full, _ = _timed_refresh(fresh("full", True), scratch, world, new_wave, "--full-refresh")
    (alone, alone_stages), (with_history, stages) = min(alone_runs), min(history_runs)
    console.print(
        "alone: " + ", ".join(f"{seconds:.1f}" for seconds, _ in alone_runs)
        + " s; with history: " + ", ".join(f"{seconds:.1f}" for seconds, _ in history_runs) + " s"
    )  # fmt: skip
    return RefreshBenchmark(
        evaluations_per_wave, len(history), alone, with_history, full, alone_stages, stages
    )


def _countries() -> list[str]:
    return ["NL", "NO", "PL", "GB", "DE"]


def record(result: RefreshBenchmark, command: str) -> None:
    """Append a row to this benchmark's own section of docs/benchmarks.md (created if missing)."""
    if BENCHMARKS_FILE is None:
        say_not_recorded()
        return
    text = BENCHMARKS_FILE.read_text() if BENCHMARKS_FILE.exists() else "# Benchmarks\n"
    if SECTION not in text:
        text = text.rstrip("\n") + "\n\n" + SECTION + "\n" + SECTION_INTRO + TABLE_HEADER
    row = (
        f"| {datetime.now(UTC):%Y-%m-%d %H:%M} | {result.evaluations_per_wave:,} "
        f"| {result.history_waves} | {result.alone_seconds:.1f} | {result.history_seconds:.1f} "
        f"| **{result.ratio:.2f}** | {result.full_seconds:.1f} | {result.alone_stages} "
        f"| {result.history_stages} "
        f"| {os.cpu_count()} ({platform.machine()}) | `{command}` |"
    )
    lines = text.split("\n")
    start = lines.index(SECTION)
    end = start + 1
    while end < len(lines) and not lines[end].startswith("|"):
        end += 1
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    lines.insert(end, row)
    BENCHMARKS_FILE.write_text("\n".join(lines).rstrip("\n") + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evaluations-per-wave", type=int, default=250_000)
    parser.add_argument("--history-waves", type=int, default=7)
    parser.add_argument("--first-wave", type=int, default=2019)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2, help="Timings per case (fastest kept).")
    parser.add_argument("--scratch", type=Path, default=None, help="Work folder (kept).")
    parser.add_argument("--no-record", action="store_true", help="Do not edit docs/benchmarks.md.")
    args = parser.parse_args(argv)
    waves = list(range(args.first_wave, args.first_wave + args.history_waves + 1))
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="cxbench-bench-refresh-"))
    scratch.mkdir(parents=True, exist_ok=True)
    result = run(args.evaluations_per_wave, waves, args.seed, scratch, args.repeat)
    print(json.dumps({**asdict(result), "ratio": round(result.ratio, 3)}, indent=2))
    if not args.no_record:
        command = ".venv/bin/python -m cxbench.benchmarks.refresh " + " ".join(
            argv if argv is not None else sys.argv[1:]
        )
        record(result, command.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
