"""``cxbench bench``'s summary: the production path against the floor, in wall and CPU time."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.benchmarks import stages as bench
from cxbench.benchmarks.stages import StageTiming, append_row, summarise


def _timings() -> dict[str, StageTiming]:
    return {
        "generate": StageTiming("generate", 6.0, 5.0, 270.0),
        "floor": StageTiming("floor", 4.0, 6.0, 600.0),
        "ingest": StageTiming("ingest", 6.0, 9.0, 500.0),
        "build": StageTiming("build", 4.0, 6.0, 480.0),
        "check": StageTiming("check", 2.0, 3.0, 450.0),
    }


def test_ratio_is_ingest_build_and_check_over_the_floor() -> None:
    summary = summarise(_timings(), nodes=120)
    assert summary["production_seconds"] == 12.0
    assert summary["ratio"] == 3.0
    assert summary["cpu_ratio"] == 3.0
    assert summary["dbt_nodes"] == 120
    assert [stage["stage"] for stage in summary["stages"]] == [
        "generate", "floor", "ingest", "build", "check",
    ]  # fmt: skip


def test_row_is_written_under_the_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = tmp_path / "benchmarks.md"
    document.write_text(f"| header |\n{bench.TABLE_MARKER}\nafter\n")
    monkeypatch.setattr(bench, "BENCHMARKS_FILE", document)
    result = {
        "date": "2026-12-02 23:00",
        "commit": "abc1234",
        "evaluations": 1_850_000,
        "warehouse_mb": 120.0,
        "load_average": 1.5,
        **summarise(_timings(), nodes=120),
    }
    append_row(result, _timings())
    lines = document.read_text().splitlines()
    assert lines[-2] == bench.TABLE_MARKER
    row = lines[1]
    assert row.startswith("| 2026-12-02 23:00 | abc1234 | 1,850,000 | 4.0 s / 6.0 s / 600 MB")
    assert "| **3.00** / 3.00 | 120 |" in row


def test_installed_package_measures_but_says_the_row_is_not_recorded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "BENCHMARKS_FILE", None)  # no checkout: no docs/
    result = {
        "date": "2026-12-02 23:00",
        "commit": "unknown",
        "evaluations": 1_850_000,
        "warehouse_mb": 120.0,
        "load_average": 1.5,
        **summarise(_timings(), nodes=120),
    }
    append_row(result, _timings())
    captured = capsys.readouterr()
    assert "not recorded" in captured.err
    assert "docs/benchmarks.md" in captured.err
    assert captured.out == ""
