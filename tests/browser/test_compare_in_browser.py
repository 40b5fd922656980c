"""The Compare page in a real browser, on the warehouse the demo built."""

from __future__ import annotations

import duckdb

from tests.browser.conftest import screenshot_path
from tests.conftest import DemoWarehouse

FOLLOWER_SQL = """
    select
        follower.country,
        follower.wave,
        follower_company.company_name as follower_name,
        leader_company.company_name as leader_name
    from marts.fct_company_scores as follower
    inner join marts.fct_company_scores as leader
        on follower.country = leader.country
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


def test_picking_an_organisation_shows_its_comparison_chart(
    demo_warehouse: DemoWarehouse, app_url: str, browser_page
) -> None:
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as con:
        country, wave, follower, leader = con.execute(FOLLOWER_SQL).fetchall()[0]
    page = browser_page
    page.goto(f"{app_url}/?country={country}&wave={wave}", wait_until="networkidle")
    page.get_by_text("Sector leader:").first.wait_for(timeout=30_000)

    organisation = page.locator('[data-testid="stSelectbox"]').filter(has_text="Organisation")
    organisation.click()
    page.keyboard.type(follower)
    page.get_by_role("option", name=follower).first.click()

    page.get_by_text(f"{follower} vs. sector leader").wait_for(timeout=30_000)
    page.get_by_text(f"Sector leader: {leader}").wait_for(timeout=30_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(state="visible", timeout=30_000)
    assert chart.locator("canvas, svg").count() > 0
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    assert "org=" in page.url
    page.screenshot(path=str(screenshot_path("compare.png")), full_page=True)
