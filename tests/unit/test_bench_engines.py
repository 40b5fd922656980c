"""The engine benchmark gives each run a fresh raw warehouse and keeps each engine's fastest run.

The real builds take minutes, so the timed child is replaced by a stand-in that
records what it saw and then writes into the warehouse (as a build does); the
copying, alternating, choosing and recording are the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.benchmarks import engines
from cxbench.benchmarks.build import ProcessTiming

RAW_BYTES = b"raw layer only"


def test_each_run_starts_from_the_raw_warehouse_and_the_fastest_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw-1000.duckdb"
    raw.write_bytes(RAW_BYTES)
    seen: list[tuple[str, bytes]] = []
    seconds = iter([30.0, 300.0, 20.0, 200.0, 25.0, 250.0])

    def fake_timed(command: list[str], env: dict[str, str], log: Path) -> ProcessTiming:
        db_path = Path(env["CXBENCH_DB"])
        seen.append((command[command.index("--engine") + 1], db_path.read_bytes()))
        db_path.write_bytes(b"marts built")
        (db_path.parent / "spark" / "tables").mkdir(parents=True)
        return ProcessTiming(next(seconds), 100.0, 1.0)

    monkeypatch.setattr(engines, "prepare_raw", lambda cache, evaluations, log: raw)
    monkeypatch.setattr(engines, "timed", fake_timed)
    scratch = tmp_path / "scratch"
    scratch.mkdir()

    runs = engines.benchmark_size(tmp_path, scratch, 1000, repeat=3)

    assert seen == [("duckdb", RAW_BYTES), ("spark", RAW_BYTES)] * 3
    assert [(run.engine, run.timing.seconds) for run in runs] == [
        ("duckdb", 20.0),
        ("spark", 200.0),
    ]
    assert not list(scratch.glob("*/spark")), "a Spark folder outlived its run"


def test_rows_go_under_the_marker_and_keep_earlier_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "benchmarks.md"
    results.write_text(f"| old row |\n{engines.ENGINE_MARKER}\nafter\n")
    monkeypatch.setattr(engines, "BENCHMARKS_FILE", results)
    monkeypatch.setattr(engines, "commit", lambda: "abc1234")
    run = engines.EngineRun(20_000_000, "spark", ProcessTiming(812.34, 3_210.0, 1_500.0), 1.04)

    engines.record([run])

    lines = results.read_text().splitlines()
    assert lines[0] == "| old row |"
    assert lines[1].endswith(
        "| abc1234 | 20,000,000 | spark | 812.3 s | 1500.0 s | 3,210 MB | 1.0 |"
    )
    assert lines[2:] == [engines.ENGINE_MARKER, "after"]
