"""The app benchmark runs every page's queries and writes a readable section."""

from __future__ import annotations

from pathlib import Path

from cxbench.benchmarks import app as bench_app


def test_every_page_is_timed_on_the_fixture_warehouse(warehouse: Path) -> None:
    timings = bench_app.measure_pages(warehouse, samples=4, seed=1)

    assert set(timings) == {
        "compare",
        "rankings",
        "sectors",
        "drivers",
        "maturity",
        "quality",
        "methodology",
    }
    for timing in timings.values():
        assert 0 < timing["p50_ms"] <= timing["p95_ms"] <= timing["max_ms"]


def test_section_flags_pages_over_the_target() -> None:
    result = {
        "date": "2026-01-01 00:00 UTC",
        "command": "python -m cxbench.benchmarks.app --db x --samples 4",
        "commit": "abc1234",
        "evaluations": 1_850_000,
        "samples": 4,
        "cpus": 2,
        "load_before": "1.0, 1.0, 1.0",
        "load_after": "1.5, 1.0, 1.0",
        "pages": {
            "compare": {"p50_ms": 40.0, "p95_ms": 55.5, "max_ms": 60.0},
            "rankings": {"p50_ms": 250.0, "p95_ms": 310.0, "max_ms": 400.0},
        },
        "cold_start": {"server_ready_s": 0.5, "first_chart_s": 3.2, "browser_launch_s": 0.8},
    }

    section = bench_app.markdown_section(result)
    assert "| compare | 40.0 ms | 55.5 ms | 60.0 ms | yes |" in section
    assert "| rankings | 250.0 ms | 310.0 ms | 400.0 ms | **no** |" in section
    assert "1,850,000 evaluations" in section
    assert "Compare chart drawn in headless chromium in 3.2 s" in section
