"""Two studies in a real browser: the study selector, and a partial study said as such.

The demo warehouse holds one study, so this runs the app on the AppTests'
hand-written warehouse (``tests/app/warehouse_fixture.py``): the canonical study
and a reputation tracker that measures integrity (2 of 5 statements) and empathy
(1 of 5) only.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from tests.browser.conftest import save_screenshot

#: The AppTests' folder, whose fixture modules import one another by bare name.
APP_TESTS = Path(__file__).resolve().parents[1] / "app"


@pytest.fixture(scope="module")
def studies_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run`` on a loopback port against the two-study fixture warehouse."""
    if str(APP_TESTS) not in sys.path:
        sys.path.insert(0, str(APP_TESTS))
    from warehouse_fixture import build_warehouse

    folder = tmp_path_factory.mktemp("studies")
    db_path = build_warehouse(folder / "cxbench.duckdb")
    port = free_port()
    log = folder / "streamlit.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            streamlit_command(port), env=app_env(db_path),
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_healthy(url, process, timeout_s=60):
            pytest.fail(f"streamlit did not start:\n{log.read_text()[-3000:]}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_partial_study_says_what_it_measured(studies_url: str, browser_page) -> None:
    page = browser_page
    page.goto(f"{studies_url}/?study=reputation&org=nl_alfa", wait_until="networkidle")

    page.get_by_text("CX index over Integrity and Empathy").wait_for(timeout=30_000)
    selector = page.locator('[data-testid="stSelectbox"]').filter(has_text="Study")
    selector.first.wait_for(timeout=30_000)  # the sidebar may draw after the main column
    assert selector.count() == 1
    page.get_by_text("Not measured by this study: Personalisation").wait_for(timeout=30_000)
    page.get_by_text("Sector leader: Beta Bank (CX index 6.95)").wait_for(timeout=30_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("canvas, svg").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    save_screenshot(page, "compare-partial-study.png")


def test_canonical_study_is_the_default(studies_url: str, browser_page) -> None:
    page = browser_page
    page.goto(studies_url, wait_until="networkidle")

    page.get_by_text("Alfa Bank is the sector leader.").wait_for(timeout=30_000)
    page.wait_for_url("**study=cxbench**", timeout=30_000)
    selector = page.locator('[data-testid="stSelectbox"]').filter(has_text="Study")
    selector.first.wait_for(timeout=30_000)  # the sidebar may draw after the main column
    assert selector.count() == 1
    assert page.get_by_text("not measured by this study").count() == 0
