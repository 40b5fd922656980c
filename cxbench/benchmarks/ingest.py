"""Ingest vs DuckDB's own ``read_csv``: how much the contract checks cost on one big file.

``python -m cxbench.benchmarks.ingest [--evaluations 1850000] [--rounds 3]`` generates
one survey export of that many evaluations (one country, one wave: a single
CSV), then alternates, each run in a fresh process and a fresh warehouse file:

- baseline: ``create table t as select * from read_csv(<file>)`` and close;
- ingest: ``load_survey_file`` through the export's mapping (checksum, numeric
  read, every row check, phone scrubbing, duplicate keys, write to raw, commit).

Alternating rounds keep the ratio fair on a shared machine whose load varies.
It prints the median of each and their ratio; docs/benchmarks.md records them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 7
COUNTRY = "NL"
WAVE = 2024


def _generate(out: Path, evaluations: int) -> Path:
    from cxbench.generator import generate_world

    generate_world(out, evaluations=evaluations, waves=[WAVE], countries=[COUNTRY], seed=SEED)
    return out / "survey" / f"cx_{COUNTRY}_{WAVE}.csv"


def _run_baseline(csv_path: Path, db_path: Path) -> float:
    from cxcore.storage import connect_writable

    started = time.perf_counter()
    # The same storage format as the ingest it is compared with (cxcore.storage).
    with connect_writable(db_path) as con:
        con.execute("create table t as select * from read_csv(?)", [str(csv_path)])
    return time.perf_counter() - started


def _run_ingest(csv_path: Path, db_path: Path) -> float:
    from cxbench.ingestion.load import load_survey_file
    from cxbench.ingestion.mapping_parse import load_mapping

    started = time.perf_counter()
    mapping = load_mapping(csv_path.with_name(csv_path.stem + ".mapping.yaml"))
    result = load_survey_file(db_path, csv_path, mapping, salt="benchmark")
    assert result.status == "loaded", result
    return time.perf_counter() - started


def _timed_child(which: str, csv_path: Path, scratch: Path) -> tuple[float, float]:
    """Wall seconds measured inside the child, and the child's CPU seconds (user + system).

    CPU time is what a busy shared machine distorts least: wall time there also
    counts waiting for a core.
    """
    db_path = scratch / f"{which}.duckdb"
    for leftover in (db_path, db_path.with_name(db_path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    command = [sys.executable, "-m", "cxbench.benchmarks.ingest", "--child", which, str(csv_path),
               str(db_path)]  # fmt: skip
    with tempfile.TemporaryFile("w+") as output:
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        output.seek(0)
        text = output.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{which} run failed:\n{text[-2000:]}")
    return float(text.strip().splitlines()[-1]), usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluations", type=int, default=1_850_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--csv", type=Path, help="use this export (with its mapping) instead")
    parser.add_argument("--child", nargs=3, metavar=("WHICH", "CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        which, csv_path, db_path = args.child
        run = _run_baseline if which == "baseline" else _run_ingest
        print(f"{run(Path(csv_path), Path(db_path)):.3f}")
        return
    with tempfile.TemporaryDirectory(prefix="cxbench-ingest-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        csv_path = args.csv or _generate(scratch / "world", args.evaluations)
        times: dict[str, list[float]] = {"baseline": [], "ingest": []}
        cpu: dict[str, list[float]] = {"baseline": [], "ingest": []}
        for _ in range(args.rounds):
            for which in times:
                wall, used = _timed_child(which, csv_path, scratch)
                times[which].append(round(wall, 2))
                cpu[which].append(round(used, 2))
        rows = sum(1 for _ in csv_path.open("rb")) - 1
        size_mb = round(csv_path.stat().st_size / 2**20, 1)
    wall = {which: statistics.median(values) for which, values in times.items()}
    used = {which: statistics.median(values) for which, values in cpu.items()}
    print(json.dumps({
        "rows": rows,
        "file_mb": size_mb,
        "cores": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "wall_seconds": times,
        "cpu_seconds": cpu,
        "median_wall": wall,
        "median_cpu": used,
        "wall_ratio": round(wall["ingest"] / wall["baseline"], 2),
        "cpu_ratio": round(used["ingest"] / used["baseline"], 2),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
