"""The app load test's protocol client drives a real server, and its report counts honestly.

The slow tests start ``streamlit run`` on the hand-checkable fixture warehouse and
talk to it over Streamlit's websocket as the load test does: a link opens the
page it names with the organisation it names, a sidebar choice changes what the
app shows (the app writes it back into the URL), a menu click runs the other page.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from cxbench.benchmarks import app_load, app_load_plan, app_load_report
from cxbench.benchmarks.app_load_clients import LoadSettings
from cxbench.benchmarks.app_stream import RunReport, StreamSession

T = TypeVar("T")


def _apart(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``function`` run in a thread of its own, where ``asyncio.run`` may start a loop.

    In a test process that also ran a browser test, Playwright's synchronous API
    keeps an event loop running in the main thread for the whole session.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


async def _walk(url: str) -> list[tuple[RunReport, str]]:
    """Open Compare on Beta Bank NL 2024, switch the country to PL, click Rankings."""
    session = await StreamSession.open(url)
    try:
        opened = await session.open_url(
            "", "lang=en&study=cxbench&country=NL&wave=2024&org=nl_beta"
        )
        after_open = session.query_string
        chosen = await session.choose(opened.selectboxes["country"], "PL")
        after_choice = session.query_string
        ranked = await session.navigate("rankings")
        return [(opened, after_open), (chosen, after_choice), (ranked, session.query_string)]
    finally:
        await session.close()


@pytest.mark.slow
def test_protocol_client_opens_a_link_changes_a_choice_and_navigates(
    warehouse: Path, tmp_path: Path
) -> None:
    with app_load.serving(warehouse, None, tmp_path / "streamlit.log") as (url, _pid):
        (opened, url_opened), (chosen, url_chosen), (ranked, _) = _apart(asyncio.run, _walk(url))

    assert opened.status == "FINISHED_SUCCESSFULLY"
    assert opened.failure("Compare") is None
    assert "org=nl_beta" in url_opened
    assert opened.selectboxes["compare_organisation"].value == "Beta Bank"
    assert chosen.failure("Compare") is None
    assert "country=PL" in url_chosen
    assert chosen.selectboxes["compare_organisation"].value == "Omega Bank"
    assert ranked.failure("Rankings") is None
    assert ranked.failure("Compare") is not None  # the title is checked, not just "finished"


@pytest.mark.slow
def test_short_load_run_times_every_interaction_without_errors(warehouse: Path) -> None:
    scopes = app_load_plan.read_scopes(warehouse)
    settings = LoadSettings(sessions=2, interactions=4, duration_s=60, think_s=0.0)

    result = _apart(app_load.run, warehouse, scopes, settings, preview_client=None)

    assert result["interactions_done"] == 8
    assert result["errors"] == 0, result["error_reasons"]
    assert result["warm_up_failures"] == []
    assert result["server_log_tracebacks"] == 0
    assert result["overall"]["n"] == 8
    assert result["server_cpu_s"] > 0


def test_failure_explains_why_a_finished_run_is_not_a_page_view() -> None:
    shown = RunReport(status="FINISHED_SUCCESSFULLY", titles=["Rankings"])
    crashed = RunReport(
        status="FINISHED_SUCCESSFULLY", titles=["Rankings"], exceptions=["KeyError: 'wave'"]
    )
    untitled = RunReport(status="FINISHED_SUCCESSFULLY", titles=[])

    assert shown.failure("Rankings") is None
    assert crashed.failure("Rankings") == "exception: KeyError: 'wave'"
    assert "not drawn" in untitled.failure("Rankings")
    assert RunReport().failure("Rankings") == "run timeout"


def test_preview_client_links_name_only_its_own_organisation(warehouse: Path) -> None:
    scopes = app_load_plan.read_scopes(warehouse, client="nl_beta")

    assert {scope.country for scope in scopes} == {"NL"}
    assert all(scope.companies == ("nl_beta",) for scope in scopes)
    link = app_load_plan.link("compare", scopes[0], random.Random(1))
    assert "org=nl_beta" in link
    with pytest.raises(ValueError, match="no scored wave"):
        app_load_plan.read_scopes(warehouse, client="nobody")


def test_summary_and_section_flag_slow_pages_and_errors() -> None:
    rows = [("compare", "open", 1.5, None), ("compare", "choose", 0.4, None)]
    rows += [("rankings", "navigate", 0.2, None)] * 3
    rows.append(("rankings", "navigate", 0.1, "exception: KeyError: 'wave'"))
    settings = {"sessions": 10, "interactions": 30, "duration_s": 120.0, "think_s": 0.5}
    context = {
        "preview_client": None, "wall_s": 10.0, "server_cpu_s": 9.0, "client_cpu_s": 0.5,
        "server_cpu_ms_per_run": 300, "cpus": 2, "load_before": [1.0, 0.5, 0.2],
        "load_after": [2.0, 1.0, 0.4],
    }  # fmt: skip

    result = app_load_report.summarise(rows, settings, context)
    result["command"] = "python -m cxbench.benchmarks.app_load --db x"
    section = app_load_report.markdown_section(result)

    assert result["errors"] == 1
    assert result["pages"]["rankings"] == {
        "n": 3, "p50_ms": 200.0, "p95_ms": 200.0, "max_ms": 200.0, "errors": 1,
    }  # fmt: skip
    assert result["pages"]["compare"]["max_ms"] == 1500.0
    assert result["meets_target"] is False
    assert "## App under load (10 client sessions)" in section
    assert "| compare | 2 | 950.0 ms | 1445.0 ms | 1500.0 ms | 0 | **no** |" in section
    assert "| rankings | 3 | 200.0 ms | 200.0 ms | 200.0 ms | 1 | yes |" in section
    assert "1× exception: KeyError: 'wave'" in section
    assert "load average 1.0, 0.5, 0.2 before" in section
    assert "300 ms per script run" in section
