"""The app in a real browser, on the warehouse the demo built: Compare, then every page."""

from __future__ import annotations

import duckdb
import pytest

from tests.browser.conftest import pick_organisation, save_screenshot
from tests.conftest import DemoWarehouse

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

    page.get_by_text(f"{follower_name} vs. sector leader").wait_for(timeout=30_000)
    page.get_by_text(f"Sector leader: {leader}").wait_for(timeout=30_000)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.wait_for(state="visible", timeout=30_000)
    charts.first.locator("canvas, svg").first.wait_for(timeout=30_000)
    page.get_by_text("What to fix first").wait_for(timeout=30_000)
    page.get_by_text("Priority = gap to").wait_for(timeout=30_000)
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
