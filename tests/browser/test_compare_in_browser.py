"""The app in a real browser: Compare, then every page, on the warehouse the demo built;
and Compare on the app tests' hand-made warehouse at 1400 and 390 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from cxbench.app_server import app_env, free_port, streamlit_command
from tests.browser.conftest import pick_organisation, save_screenshot, serving
from tests.conftest import DemoWarehouse

#: The app tests' folder: its hand-made warehouse imports its siblings by bare name.
APP_TESTS = Path(__file__).resolve().parents[1] / "app"

FOLLOWER_SQL = """
    select
        follower.country,
        follower.wave,
        follower_company.company_name as follower_name,
        leader_company.company_name as leader_name
    from marts.fct_company_scores as follower
    inner join marts.fct_company_scores as leader
        on follower.study_id = leader.study_id
        and follower.country = leader.country
        and follower.wave = leader.wave
        and follower.sector_code = leader.sector_code
        and leader.is_sector_leader
    inner join marts.dim_company as follower_company
        on follower.company_id = follower_company.company_id
    inner join marts.dim_company as leader_company
        on leader.company_id = leader_company.company_id
    where follower.is_eligible and not follower.is_sector_leader
    order by follower.n_evaluations desc
    limit 1
"""

#: Pages besides Compare: url path -> a heading each must show once loaded.
OTHER_PAGES = {
    "rankings": "Sector leaders",
    "sectors": "Pillar profile:",
    "drivers": "How much the pillars explain",
    "quality": "Latest load batches",
    "methodology": "Parameters of this build",
}


@pytest.fixture(scope="module")
def follower(demo_warehouse: DemoWarehouse) -> tuple[str, int, str, str]:
    """(country, wave, follower name, leader name) of the best-based non-leader."""
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as con:
        return con.execute(FOLLOWER_SQL).fetchall()[0]


def test_picking_an_organisation_shows_its_comparison_and_priorities(
    follower: tuple[str, int, str, str], app_url: str, browser_page
) -> None:
    country, wave, follower_name, leader = follower
    page = browser_page
    page.goto(f"{app_url}/?country={country}&wave={wave}", wait_until="networkidle")
    page.get_by_text("Sector leader:").first.wait_for(timeout=30_000)

    pick_organisation(page, follower_name)

    # .first: while Streamlit replaces the page after the pick, the element of the
    # run before can still be there beside the new one (a strict-mode violation).
    page.get_by_text(f"{follower_name} vs. sector leader").first.wait_for(timeout=30_000)
    page.get_by_text(f"Sector leader: {leader}").first.wait_for(timeout=30_000)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for(state="visible", timeout=30_000)
    charts.first.locator("canvas, svg").first.wait_for(timeout=30_000)
    page.get_by_text("What to fix first").first.wait_for(timeout=30_000)
    page.get_by_text("Behind, level or ahead").first.wait_for(timeout=30_000)
    # the comparison table and the priority list; the comparison chart and the priority bars
    page.locator('[data-testid="stDataFrame"]').nth(1).wait_for(timeout=30_000)
    charts.nth(1).locator("canvas, svg").first.wait_for(timeout=30_000)
    assert "org=" in page.url
    save_screenshot(page, "compare.png")


@pytest.mark.parametrize("url_path", list(OTHER_PAGES))
def test_every_page_renders_in_the_browser(
    follower: tuple[str, int, str, str], app_url: str, browser_page, url_path: str
) -> None:
    country = follower[0]
    page = browser_page
    page.goto(f"{app_url}/{url_path}?country={country}", wait_until="networkidle")
    page.get_by_text(OTHER_PAGES[url_path]).first.wait_for(timeout=30_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    save_screenshot(page, f"{url_path}.png")


# --- Compare on the hand-made fixture warehouse, at a desktop's and a phone's width ---

#: Widths the page must be usable at: a desktop window and a phone (390 px).
WIDTHS = (1400, 390)
#: Does anything stick out sideways? The document, and Streamlit's scrolling main area.
_OVERFLOW_JS = """
() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const root = document.documentElement;
    return Math.max(
        root.scrollWidth - root.clientWidth,
        main ? main.scrollWidth - main.clientWidth : 0,
    );
}
"""


@pytest.fixture(scope="module")
def fixture_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the hand-checkable warehouse of ``tests/app`` (Beta follows Alfa; Gamma
    is ahead of the leader on one pillar), whatever the dbt models build today."""
    folder = tmp_path_factory.mktemp("compare-fixture")
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(APP_TESTS))
        from warehouse_fixture import build_warehouse

        db_path = build_warehouse(folder / "cxbench.duckdb")
    port = free_port()
    command = [*streamlit_command(port), "--secrets.files", str(folder / "no-secrets.toml")]
    with serving(
        command, app_env(db_path), folder / "streamlit.log", f"http://127.0.0.1:{port}"
    ) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS)
def test_compare_is_usable_at_desktop_and_phone_width(
    fixture_app_url: str, chromium, width: int
) -> None:
    page = chromium.new_page(viewport={"width": width, "height": 1100})
    try:
        page.goto(
            f"{fixture_app_url}/?lang=nl&country=NL&wave=2024&org=nl_beta",
            wait_until="networkidle",
        )
        page.get_by_text("Beta Bank vs. sectorleider").wait_for(timeout=30_000)
        for heading in ("Achter, gelijk of voor", "Wat eerst verbeteren", "Sinds 2023"):
            page.get_by_text(heading, exact=True).wait_for(timeout=30_000)
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        charts.nth(5).locator("canvas, svg").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # charts lay out to their container
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("−0,75").count() >= 1  # you − leader, Dutch decimals
        assert page.evaluate(_OVERFLOW_JS) <= 1
        for index in range(charts.count()):
            box = charts.nth(index).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
            # a legend below the chart leaves the plot its width, even on a phone
            assert box["width"] >= min(300, width - 80), index
            # and nothing is drawn beyond the chart's own box (a cut legend or label)
            drawn = charts.nth(index).locator("canvas, svg").first.bounding_box()
            assert drawn is not None and drawn["x"] + drawn["width"] <= box["x"] + box["width"] + 1
        save_screenshot(page, f"compare-fixture-{width}.png")
    finally:
        page.close()
