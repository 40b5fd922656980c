"""Benchmark of the comparison app: per-page query latency and cold start.

``python -m cxbench.benchmarks.app --db PATH`` replays, for many random selections,
the query functions each page calls on one render (the same calls, in the same
order, as ``app/views/<page>.py``), with Streamlit's data cache cleared before
every render so each one pays for its SQL — the latency of a selection nobody has
looked at yet, or of the first render after a warehouse swap. The read-only
connection stays cached, as it does in a running app.

Cold start is measured twice, each in fresh processes: ``streamlit run`` until its
health endpoint answers, and — when Debian's chromium is installed — until a
headless browser shows the Compare page's chart. The results are printed as JSON
and appended as a section to ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from cxbench.benchmarks.results_file import BENCHMARKS_FILE, commit, say_not_recorded

TARGET_P95_MS = 300.0


@dataclass(frozen=True)
class Selection:
    """What a user picked: study × country × wave, an organisation and a sector in it."""

    study_id: str
    country: str
    wave: int
    company_id: str
    sector_code: str


def _page_renders() -> dict[str, Callable[[object, Selection], None]]:
    """Per page, the queries one render runs (imported late: Streamlit is heavy)."""
    from cxbench.app import queries as q
    from cxbench.app.streamlit_app import PAGES

    tables = {page.slug: page.tables for page in PAGES}

    def compare(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["compare"])
        q.studies(key), q.countries(key, s.study_id), q.waves(key, s.study_id, s.country)
        q.organisations(key, s.study_id, s.country, s.wave)
        company = q.company_score(key, s.study_id, s.country, s.wave, s.company_id)
        leader = q.sector_leader(key, s.study_id, s.country, s.wave, company.sector_code)
        for company_id in {s.company_id, leader.company_id if leader else s.company_id}:
            q.pillar_scores(key, s.study_id, s.country, s.wave, company_id, "en")
        q.leader_gaps(key, s.study_id, s.country, s.wave, s.company_id, "en")
        q.benchmark_pillars(key, s.study_id, s.country, s.wave, company.sector_code, "en")
        q.pillar_coverage(key, s.study_id, s.country, s.wave, "en")
        q.cx_index_trend(key, s.study_id, s.country, s.company_id)
        q.pillar_trend(key, s.study_id, s.country, s.company_id, "en")

    def rankings(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["rankings"])
        q.studies(key), q.countries(key, s.study_id), q.waves(key, s.study_id, s.country)
        q.sectors_scored(key, s.study_id, s.country, s.wave)
        q.index_pillars(key, s.study_id, s.country, s.wave)
        q.ranking(key, s.study_id, s.country, s.wave, random.choice(["", s.sector_code]), 20)
        q.sector_leaders(key, s.study_id, s.country, s.wave)
        q.movers(key, s.study_id, s.country, s.wave)

    def sectors(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["sectors"])
        q.studies(key), q.countries(key, s.study_id), q.waves(key, s.study_id, s.country)
        q.sector_profiles(key, s.study_id, s.country, s.wave)
        q.benchmark_pillars(key, s.study_id, s.country, s.wave, s.sector_code, "en")

    def drivers(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["drivers"])
        q.studies(key), q.countries(key, s.study_id), q.waves(key, s.study_id, s.country)
        q.pillar_importance(key, s.study_id, s.country, s.wave, "en")
        q.explained_variance(key, s.study_id)

    def quality(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["quality"])
        runs = q.quality_runs(key)
        if not runs.empty:
            q.quality_results(key, runs["run_id"].iloc[0], False)
        q.latest_batches(key, 20), q.reject_reasons(key, 50)

    def maturity(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["maturity"])
        q.studies(key), q.countries(key, s.study_id), q.waves(key, s.study_id, s.country)
        if q.maturity_available(key):
            q.maturity_organisations(key, s.country, s.wave)
            q.maturity_stage(key, s.wave, s.company_id, "en")
            q.maturity_profile(key, s.wave, s.company_id, "en")
            q.maturity_links(key, s.wave, "en")

    def methodology(key: q.WarehouseFile, s: Selection) -> None:
        q.open_warehouse(q.ANALYST, Path(key.path), tables["methodology"])
        q.methodology_parameters(key), q.methodology_coverage(key), q.studies_measured(key)

    return {
        "compare": compare,
        "rankings": rankings,
        "sectors": sectors,
        "drivers": drivers,
        "maturity": maturity,
        "quality": quality,
        "methodology": methodology,
    }


def _selections(db_path: Path, samples: int, seed: int) -> list[Selection]:
    """``samples`` random (study, country, wave, company, sector) picks that exist in the marts."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as connection:
        rows = connection.execute(
            "select study_id, country, wave, cast(company_id as varchar), sector_code"
            " from marts.fct_company_scores order by all"
        ).fetchall()
    picker = random.Random(seed)
    return [Selection(*picker.choice(rows)) for _ in range(samples)]


def measure_pages(db_path: Path, samples: int, seed: int) -> dict[str, dict[str, float]]:
    """p50/p95/max in milliseconds of one uncached render's queries, per page."""
    import streamlit as st
    from streamlit import logger as streamlit_logger

    streamlit_logger.set_log_level("error")  # "no runtime" warnings outside `streamlit run`
    from cxbench.app import queries

    key = queries.open_warehouse(queries.ANALYST, db_path)
    selections = _selections(db_path, samples, seed)
    results = {}
    for page, render in _page_renders().items():
        random.seed(seed)
        render(key, selections[0])  # warm-up: imports and the cached connection
        timings = []
        for selection in selections:
            st.cache_data.clear()
            started = time.perf_counter()
            render(key, selection)
            timings.append((time.perf_counter() - started) * 1000)
        cuts = statistics.quantiles(timings, n=100, method="inclusive")
        results[page] = {
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(cuts[94], 1),
            "max_ms": round(max(timings), 1),
        }
    return results


def _browser_first_chart(url: str, timeout_s: float) -> float:
    """Open ``url`` in headless chromium, wait for the Compare chart to draw, and return
    the seconds spent launching the browser (not the app's doing, so reported apart)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launching = time.perf_counter()
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        page = browser.new_page()
        launch_s = time.perf_counter() - launching
        page.goto(url)
        chart = page.locator(
            '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
        ).first
        chart.wait_for(state="visible", timeout=timeout_s * 1000)
        browser.close()
    return launch_s


def measure_cold_start(db_path: Path, timeout_s: float = 60) -> dict[str, float | None]:
    """Seconds from ``streamlit run`` to a healthy server, and to the first drawn chart
    (less the browser's own launch)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    process = subprocess.Popen(
        streamlit_command(port), env=app_env(db_path),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        if not wait_until_healthy(url, process, timeout_s):
            raise RuntimeError("streamlit did not start")
        server_s = time.perf_counter() - started
        chart_s = launch_s = None
        if shutil.which("chromium"):
            launch_s = _browser_first_chart(url, timeout_s)
            chart_s = time.perf_counter() - started - launch_s
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "server_ready_s": round(server_s, 2),
        "first_chart_s": None if chart_s is None else round(chart_s, 2),
        "browser_launch_s": None if launch_s is None else round(launch_s, 2),
    }


def _evaluations(db_path: Path) -> int:
    """Size of the measured warehouse, for the record."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as connection:
        return int(
            connection.execute("select sum(n_evaluations) from marts.dim_wave").fetchone()[0]
        )


def _commit() -> str:
    """The commit measured, so a row can be traced to the code."""
    return commit()


def markdown_section(result: dict[str, object]) -> str:
    """The section appended to docs/benchmarks.md for one run."""
    pages: dict[str, dict[str, float]] = result["pages"]  # type: ignore[assignment]
    cold: dict[str, float | None] = result["cold_start"]  # type: ignore[assignment]
    lines = [
        f"\n## App: query latency per page and cold start ({result['date']})\n",
        f"Measured with `{result['command']}` at commit {result['commit']} on a warehouse "
        f"of {result['evaluations']:,} evaluations, {result['samples']} random selections "
        "per page, Streamlit's data cache cleared before every render (each render runs "
        "all its SQL; the read-only connection stays open, as in the app). Machine: "
        f"{result['cpus']} cores, load average {result['load_before']} before and "
        f"{result['load_after']} after (shared with other jobs). Target: p95 under "
        f"{TARGET_P95_MS:.0f} ms.\n",
        "| page | p50 | p95 | max | p95 < 300 ms |",
        "|---|---|---|---|---|",
    ]
    for page, timing in pages.items():
        verdict = "yes" if timing["p95_ms"] < TARGET_P95_MS else "**no**"
        lines.append(
            f"| {page} | {timing['p50_ms']} ms | {timing['p95_ms']} ms | "
            f"{timing['max_ms']} ms | {verdict} |"
        )
    chart = cold["first_chart_s"]
    lines += [
        "",
        f"Cold start: `streamlit run` to a healthy server in {cold['server_ready_s']} s; "
        + (
            f"to the Compare chart drawn in headless chromium in {chart} s "
            "(imports, warehouse check, the page's queries, Vega rendering; the "
            f"{cold['browser_launch_s']} s spent launching chromium not included)."
            if chart is not None
            else "chromium not installed, first render not measured."
        ),
        "",
    ]
    return "\n".join(lines)


def run(db_path: Path, samples: int, seed: int, record: bool) -> dict[str, object]:
    """Measure everything; append the section to docs/benchmarks.md when ``record``."""
    load_before = ", ".join(f"{load:.1f}" for load in os.getloadavg())
    pages = measure_pages(db_path, samples, seed)
    cold = measure_cold_start(db_path)
    result: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f"python -m cxbench.benchmarks.app --db {db_path} --samples {samples}",
        "commit": _commit(),
        "evaluations": _evaluations(db_path),
        "samples": samples,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "load_before": load_before,
        "load_after": ", ".join(f"{load:.1f}" for load in os.getloadavg()),
        "pages": pages,
        "cold_start": cold,
    }
    if record and BENCHMARKS_FILE is None:
        say_not_recorded()
    elif record:
        with BENCHMARKS_FILE.open("a") as output:
            output.write(markdown_section(result))
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line entry: measure, record, print the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse to measure")
    parser.add_argument("--samples", type=int, default=60, help="renders per page")
    parser.add_argument("--seed", type=int, default=7, help="seed of the random selections")
    parser.add_argument(
        "--no-record", action="store_true", help="print only; leave docs/benchmarks.md alone"
    )
    args = parser.parse_args(argv)
    result = run(args.db.resolve(), args.samples, args.seed, record=not args.no_record)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
