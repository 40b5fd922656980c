"""Screenshots of every page, for the README and docs: ``make screenshots``.

Starts the app on a warehouse (a demo-sized one: the 40k test world suppresses most
sector averages), opens every page as the local analyst and Compare and Rankings
as a client (``cxbench app --preview-client ORG``), and saves each whole page at
1400 px and at 390 px (a phone) into ``docs/screenshots/`` under stable names:
``<page>-1400.png``, ``<page>-390.png``, ``client-<page>-1400.png``, … (with
``-<lang>`` before ``.png`` for a language other than English). The browser is
Debian's chromium driven by Playwright, as in the browser tests; nothing is
downloaded.

    python -m tests.browser.screenshots --db /path/to/cxbench.duckdb [--lang nl]
        [--client COMPANY_ID] [--out docs/screenshots] [--only compare,sectors]

It prints, for every page at 390 px, how wide the page's content is: a value above
390 means the page scrolls sideways on a phone.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from streamlit import logger as streamlit_logger

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from cxcore.settings import REPO_ROOT

#: Widths every page is taken at: a laptop and a phone.
WIDTHS = (1400, 390)
#: Window height before the window is stretched to the page's content.
HEIGHTS = {1400: 1000, 390: 844}
#: Pages a client is shown in the screenshots (the rest look the same as the analyst's).
CLIENT_PAGES = ("compare", "rankings")
#: Tallest screenshot: the longest page fits, a runaway layout does not.
MAX_HEIGHT = 9000
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
#: The height of the page's content: Streamlit scrolls its main area inside the window.
CONTENT_HEIGHT_JS = """
() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], section, body')]
    .map((element) => element.scrollHeight))
"""
#: How wide the content is: the document, and Streamlit's main area, which scrolls on
#: its own; wider than the window = a sideways scroll on a phone.
CONTENT_WIDTH_JS = """
() => Math.max(...[document.documentElement, document.body,
    ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMainBlockContainer"]')]
    .map((element) => element.scrollWidth))
"""
#: The app has finished its run: no script running, no element still a skeleton.
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'

#: A client to preview: a ranked non-leader of the published country × sector with the
#: most ranked companies, so its Rankings page has pseudonymised peers to show.
CLIENT_SQL = """
    select scores.company_id, scores.country, scores.wave
    from marts.fct_company_scores as scores
    inner join (
        select country, wave, sector_code, count(*) as n_ranked
        from marts.fct_company_scores
        where study_id = 'cxbench' and rank_in_sector is not null
        group by all
    ) as cells using (country, wave, sector_code)
    where scores.study_id = 'cxbench'
        and scores.rank_in_sector is not null
        and not scores.is_sector_leader
        and scores.wave = (select max(wave) from marts.fct_company_scores)
    order by cells.n_ranked desc, scores.rank_in_sector, scores.company_id
    limit 1
"""
#: Where a chosen client was scored last: its screenshots open on that country × wave.
CLIENT_SAMPLE_SQL = """
    select company_id, country, wave
    from marts.fct_company_scores
    where study_id = 'cxbench' and company_id = ?
    order by wave desc, n_evaluations desc
    limit 1
"""


@dataclass(frozen=True)
class Shot:
    """One screenshot: which page, as whom, how wide, and the file it goes to."""

    slug: str
    width: int
    path: Path


def file_name(slug: str, width: int, language: str, client: bool = False) -> str:
    """The stable name of a screenshot: ``client-compare-390-nl.png``."""
    prefix = "client-" if client else ""
    suffix = "" if language == "en" else f"-{language}"
    return f"{prefix}{slug}-{width}{suffix}.png"


@dataclass(frozen=True)
class Client:
    """The company previewed, and the country × wave its screenshots open on."""

    company_id: str
    country: str
    wave: int

    def query(self) -> str:
        return f"&country={self.country}&wave={self.wave}"


def find_client(db_path: Path, company_id: str | None) -> Client:
    """``company_id`` (or the one :data:`CLIENT_SQL` picks) and where it was scored last."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as connection:
        if company_id is None:
            row = connection.execute(CLIENT_SQL).fetchone()
        else:
            row = connection.execute(CLIENT_SAMPLE_SQL, [company_id]).fetchone()
    if row is None:
        wanted = company_id or "a ranked non-leader company"
        raise SystemExit(f"no scores of {wanted} in {db_path}: pass another --client")
    return Client(str(row[0]), str(row[1]), int(row[2]))


@contextlib.contextmanager
def serving(db_path: Path, log: Path, preview_client: str | None = None) -> Iterator[str]:
    """The app on a free loopback port for the block's duration; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [*streamlit_command(port), "--secrets.files", str(log.with_suffix(".toml"))]
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            env=app_env(db_path, preview_client),
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=REPO_ROOT,
        )
    try:
        if not wait_until_healthy(url, process, timeout_s=90):
            raise SystemExit(f"the app did not start:\n{log.read_text()[-3000:]}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def settle(page: object) -> None:
    """Wait until the run is over and the charts are drawn."""
    page.wait_for_timeout(1500)  # the first run may start a second (URL → state)
    page.locator(SETTLED).wait_for(timeout=90_000)
    page.wait_for_timeout(1500)  # Vega draws after the run ends


def take(page: object, url: str, shot: Shot) -> int:
    """Open ``url`` at the shot's width, save the whole page; returns the content width."""
    page.set_viewport_size({"width": shot.width, "height": HEIGHTS[shot.width]})
    page.goto(url)
    settle(page)
    width = int(page.evaluate(CONTENT_WIDTH_JS))
    height = min(int(page.evaluate(CONTENT_HEIGHT_JS)) + 40, MAX_HEIGHT)
    page.set_viewport_size({"width": shot.width, "height": max(height, HEIGHTS[shot.width])})
    page.wait_for_timeout(1500)  # charts re-layout to the new size
    shot.path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot.path), full_page=True)
    return width


def shoot(
    browser: object,
    url: str,
    slugs: Sequence[str],
    language: str,
    out: Path,
    client: Client | None = None,
) -> list[tuple[Shot, int]]:
    """Every page of ``slugs`` at every width, as ``client`` if given; (shot, width) each."""
    taken = []
    context = browser.new_context()
    page = context.new_page()
    try:
        for slug in slugs:
            for width in WIDTHS:
                name = file_name(slug, width, language, client is not None)
                shot = Shot(slug, width, out / name)
                query = f"?lang={language}" + (client.query() if client else "")
                content_width = take(page, f"{url}/{slug}{query}", shot)
                taken.append((shot, content_width))
                print(f"{shot.path.name}: content {content_width} px wide", flush=True)
    finally:
        context.close()
    return taken


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, take the screenshots, report pages wider than a phone."""
    streamlit_logger.set_log_level("error")  # the query caches warn outside a server
    from cxbench.app.streamlit_app import PAGES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse file")
    parser.add_argument("--lang", default="en", choices=("en", "nl", "no", "pl"))
    parser.add_argument("--client", help="company id to preview (default: picked from --db)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots")
    parser.add_argument("--only", help="comma-separated page slugs (default: every page)")
    options = parser.parse_args(argv)
    if not options.db.is_file():
        parser.error(f"no warehouse at {options.db}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        parser.error("Debian's chromium is not installed (apt-get install chromium)")
    slugs = [shown.slug for shown in PAGES]
    if options.only:
        wanted = options.only.split(",")
        unknown = sorted(set(wanted) - set(slugs))
        if unknown:
            parser.error(f"unknown pages {unknown}; pages: {', '.join(slugs)}")
        slugs = [slug for slug in slugs if slug in wanted]
    client = find_client(options.db, options.client)
    from playwright.sync_api import sync_playwright

    logs = Path(tempfile.mkdtemp(prefix="cxbench-screenshots-"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            with serving(options.db, logs / "analyst.log") as url:
                taken = shoot(browser, url, slugs, options.lang, options.out)
            client_slugs = [slug for slug in CLIENT_PAGES if slug in slugs]
            if client_slugs:
                preview = client.company_id
                with serving(options.db, logs / "client.log", preview_client=preview) as url:
                    taken += shoot(browser, url, client_slugs, options.lang, options.out, client)
        finally:
            browser.close()
    wide = [(shot, width) for shot, width in taken if width > shot.width]
    for shot, width in wide:
        print(f"WIDER THAN THE WINDOW: {shot.path.name} ({width} px > {shot.width} px)")
    print(f"{len(taken)} screenshots in {options.out} (client: {client}; logs: {logs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
