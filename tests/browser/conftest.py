"""A real browser against a real app: Debian's chromium driven by Playwright.

Never ``playwright install`` (it downloads a browser from outside): the tests use
the system chromium. Outside CI a missing browser skips with the reason; under
``CI=true`` it fails, because CI must prove the app renders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from tests.conftest import DemoWarehouse

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "Debian chromium is not installed (make test installs it when run as root)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def pick_organisation(page, name: str) -> None:
    """Choose ``name`` in the sidebar's organisation selector (shared by Compare and Maturity)."""
    organisation = page.locator('[data-testid="stSelectbox"]').filter(has_text="Organisation")
    organisation.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=name).first.click()


@pytest.fixture(scope="session")
def app_url(
    demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Start ``streamlit run`` on a loopback port against the demo warehouse."""
    port = free_port()
    log = tmp_path_factory.mktemp("app") / "streamlit.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            streamlit_command(port), env=app_env(demo_warehouse.db_path),
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


@pytest.fixture(scope="session")
def browser_page(app_url: str) -> Iterator[object]:
    """One headless chromium page for the session."""
    executable = _chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        yield page
        browser.close()


# A test run writes its screenshots to a scratch folder so that ``make test``
# leaves the checkout clean; to refresh the README's images (docs/screenshots/) run
# ``CXBENCH_SCREENSHOT_DIR=docs/screenshots .venv/bin/pytest tests/browser``.


def screenshot_path(name: str) -> Path:
    """Where a screenshot goes: ``$CXBENCH_SCREENSHOT_DIR``, else a scratch folder."""
    chosen = os.environ.get("CXBENCH_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else Path(tempfile.gettempdir()) / "cxbench-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


#: Tallest screenshot taken; the longest page fits, a runaway layout does not.
MAX_SCREENSHOT_HEIGHT = 5000
_CONTENT_HEIGHT_JS = """
() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section, body')]
    .map((element) => element.scrollHeight))
"""


def save_screenshot(page: object, name: str) -> Path:
    """Screenshot the whole page (see :func:`screenshot_path` for where).

    Streamlit scrolls its main area inside the window, so ``full_page`` alone stops
    at the viewport: the window is made as tall as the content first, then restored.
    """
    viewport = page.viewport_size
    height = min(int(page.evaluate(_CONTENT_HEIGHT_JS)) + 40, MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    page.wait_for_timeout(1000)  # charts re-layout to the new size
    path = screenshot_path(name)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)
    return path
