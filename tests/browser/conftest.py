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
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from tests.browser import login
from tests.browser.login import oidc_provider, write_secrets
from tests.conftest import DemoWarehouse
from tests.fixtures.built_once import built_once
from tests.fixtures.history import cxbench

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


VIEWPORT = {"width": 1400, "height": 1100}


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


@contextmanager
def serving(command: list[str], env: dict[str, str], log: Path, url: str) -> Iterator[str]:
    """Run ``command`` (a ``streamlit run``) until the block ends; yields ``url`` once healthy."""
    with log.open("w") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        if not wait_until_healthy(url, process, timeout_s=60):
            pytest.fail(f"streamlit did not start:\n{log.read_text()[-3000:]}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(
    demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Start ``streamlit run`` on a loopback port against the demo warehouse (local analyst).

    Its secrets file does not exist: a login configured in the checkout or the home
    folder must not turn the local analyst's app into one asking for a login.
    """
    port = free_port()
    folder = tmp_path_factory.mktemp("app")
    command = [*streamlit_command(port), "--secrets.files", str(folder / "no-secrets.toml")]
    env = app_env(demo_warehouse.db_path)
    with serving(command, env, folder / "streamlit.log", f"http://127.0.0.1:{port}") as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """One headless chromium for the session; pages and contexts are opened from it."""
    executable = _chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_page(app_url: str, chromium) -> Iterator[object]:
    """One headless chromium page for the session."""
    page = chromium.new_page(viewport=VIEWPORT)
    yield page
    page.close()


# Logging in: an OpenID Connect provider on loopback (tests/browser/login.py) and the
# app configured to use it. A test logs in as anyone with one line:
#     login_as(fresh_page, "ann@client.example")
# then opens ``authed_app_url`` pages as that user; ``fresh_page`` keeps each user's
# cookies apart. The app serves ``authed_warehouse``, a copy of the demo warehouse
# (the other tests' stays as built) holding the grants of ``portal_cast``.

#: The demo test world is small: no sector has the five eligible companies the
#: default disclosure rules need before a client may see its peers. The authed copy is
#: rebuilt with rules for three, so the client view has pseudonymised peers to show.
PORTAL_VARS = '{"min_aggregate_companies": 3, "min_peer_companies": 3, "max_company_share": 0.5}'


@dataclass(frozen=True)
class PortalCast:
    """Who logs in to the authed app: two clients of one sector, and an analyst.

    ``clients`` maps each client's e-mail to its (only) company id; ``names`` holds
    every company of the warehouse, id -> name, for what a client must never see.
    """

    country: str
    wave: int
    sector_code: str
    clients: dict[str, str]
    analyst: str
    names: dict[str, str]


def _pick_cast(db_path: Path) -> PortalCast:
    """Two ranked non-leaders of the published sector with most eligible companies."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as connection:
        ((country, wave, sector_code),) = connection.execute(
            """
            select sectors.country, sectors.wave, sectors.sector_code
            from marts.fct_benchmark_scores as sectors
            where sectors.benchmark_level = 'sector' and sectors.study_id = 'cxbench'
                and not sectors.is_suppressed
                and (sectors.country, sectors.wave) in (
                    select (country, wave) from published.latest_rankings
                )
            order by sectors.n_eligible_companies desc, sectors.wave desc, sectors.country
            limit 1
            """
        ).fetchall()
        companies = connection.execute(
            """
            select company_id
            from marts.fct_company_scores
            where study_id = 'cxbench' and country = ? and wave = ? and sector_code = ?
                and rank_in_sector > 1
            order by rank_in_sector
            limit 2
            """,
            [country, wave, sector_code],
        ).fetchall()
        names = dict(
            connection.execute("select company_id, company_name from marts.dim_company").fetchall()
        )
    (first,), (second,) = companies
    return PortalCast(
        country=country,
        wave=wave,
        sector_code=sector_code,
        clients={"ann@client-one.example": first, "bob@client-two.example": second},
        analyst="lea@benchmark.example",
        names=names,
    )


@pytest.fixture(scope="session")
def authed_warehouse(
    demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A copy of the demo warehouse, rebuilt with :data:`PORTAL_VARS`, for the app that
    requires a login."""

    def build(folder: Path) -> None:
        copy = folder / "cxbench.duckdb"
        shutil.copyfile(demo_warehouse.db_path, copy)
        cxbench(dict(os.environ), "build", "--db", str(copy), "--vars", PORTAL_VARS)

    return built_once(tmp_path_factory, "authed-warehouse", build) / "cxbench.duckdb"


@pytest.fixture(scope="session")
def portal_cast(authed_warehouse: Path) -> PortalCast:
    """The clients and the analyst of the authed app, granted access in its warehouse."""
    cast = _pick_cast(authed_warehouse)
    for email, company_id in cast.clients.items():
        grant = ("access", "grant", email, "--client", company_id)
        cxbench(dict(os.environ), *grant, "--db", str(authed_warehouse))
    grant = ("access", "grant", cast.analyst, "--analyst")
    cxbench(dict(os.environ), *grant, "--db", str(authed_warehouse))
    return cast


@pytest.fixture(scope="session")
def oidc_issuer() -> Iterator[str]:
    """The mock identity provider's issuer URL (serving for the whole session)."""
    with oidc_provider(free_port()) as issuer:
        yield issuer


@pytest.fixture(scope="session")
def authed_app_url(
    authed_warehouse: Path,
    portal_cast: PortalCast,
    oidc_issuer: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The app on loopback with login through :func:`oidc_issuer` configured.

    Streamlit is pointed at a secrets file of its own (``--secrets.files``) rather
    than at a working directory holding one, so the app's code is this checkout's.
    """
    folder = tmp_path_factory.mktemp("authed-app")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    secrets_file = write_secrets(folder, url, oidc_issuer)
    command = [*streamlit_command(port), "--secrets.files", str(secrets_file)]
    env = app_env(authed_warehouse)
    with serving(command, env, folder / "streamlit.log", url):
        yield url


@pytest.fixture(scope="session")
def preview_app(
    authed_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], str]]:
    """``preview_app(company_id)``: the URL of ``cxbench app --preview-client company_id``.

    One server per company id, started on first use and kept for the session.
    """
    with ExitStack() as servers:
        urls: dict[str, str] = {}

        def start(company_id: str) -> str:
            if company_id not in urls:
                folder = tmp_path_factory.mktemp("preview")
                port = free_port()
                command = [*streamlit_command(port), "--secrets.files", str(folder / "none")]
                env = app_env(authed_warehouse, preview_client=company_id)
                urls[company_id] = servers.enter_context(
                    serving(command, env, folder / "streamlit.log", f"http://127.0.0.1:{port}")
                )
            return urls[company_id]

        yield start


@pytest.fixture
def fresh_page(chromium) -> Iterator[object]:
    """A page in a browser context of its own: no cookies, so nobody logged in yet."""
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login_as(authed_app_url: str, oidc_issuer: str) -> Callable[..., None]:
    """``login_as(page, email, name=None)``: log ``page`` into the authed app as ``email``."""

    def log_in(page, email: str, name: str | None = None) -> None:
        login.login_as(page, authed_app_url, oidc_issuer, email, name)

    return log_in


@pytest.fixture
def logout(authed_app_url: str, oidc_issuer: str) -> Callable[[object], None]:
    """``logout(page)``: log out of the authed app and wait for its login screen."""
    return lambda page: login.logout(page, authed_app_url, oidc_issuer)


# A test run writes its screenshots to a scratch folder so that ``make test``
# leaves the checkout clean (``CXBENCH_SCREENSHOT_DIR`` chooses another). The README's
# images (docs/screenshots/) come from ``make screenshots`` on a demo-sized warehouse
# (tests/browser/screenshots.py), not from the tests' small world.


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
