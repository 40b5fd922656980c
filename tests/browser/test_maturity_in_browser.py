"""The Maturity page in a real browser, on the warehouse the demo built (with maturity)."""

from __future__ import annotations

import duckdb
import pytest

from tests.browser.conftest import pick_organisation, save_screenshot
from tests.conftest import DemoWarehouse

#: An assessed organisation whose sector leader assessed itself too, with its
#: top-priority item (the suggested next step) and its stage.
ASSESSED_SQL = """
    select
        stages.country,
        stages.wave,
        companies.company_name,
        items.label_en as next_item,
        stages.maturity_stage,
    from marts.fct_maturity_stages as stages
    inner join marts.dim_company as companies
        on stages.company_id = companies.company_id
    inner join marts.fct_maturity_priorities as priorities
        on stages.company_id = priorities.company_id
        and stages.wave = priorities.wave
        and priorities.priority_rank = 1
    inner join marts.dim_maturity_item as items
        on priorities.item_id = items.item_id
    inner join marts.fct_maturity_stages as leader
        on priorities.leader_company_id = leader.company_id
        and stages.wave = leader.wave
    where stages.is_reportable
        and priorities.priority is not null
        and priorities.leader_company_id <> stages.company_id
    order by stages.wave desc, stages.n_respondents desc, stages.company_id
    limit 1
"""


@pytest.fixture(scope="module")
def assessed(demo_warehouse: DemoWarehouse) -> tuple[str, int, str, str, int]:
    """(country, wave, organisation, label of its next step, stage) from the demo's marts."""
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as con:
        rows = con.execute(ASSESSED_SQL).fetchall()
    assert rows, "the demo warehouse has no assessed organisation with an assessed leader"
    return rows[0]


def test_maturity_page_shows_profile_next_step_and_evidence(
    assessed: tuple[str, int, str, str, int], app_url: str, browser_page
) -> None:
    country, wave, name, next_item, stage = assessed
    page = browser_page
    page.goto(f"{app_url}/maturity?country={country}&wave={wave}", wait_until="networkidle")
    page.get_by_text("Suggested next step").first.wait_for(timeout=30_000)

    pick_organisation(page, name)

    page.get_by_text(f"{name}: CX maturity").wait_for(timeout=30_000)
    # the page reruns element by element: wait for this organisation's advice to arrive
    advice = page.locator(
        '[data-testid="stAlertContentSuccess"]', has_text=f"Suggested next step: {next_item} —"
    )
    advice.first.wait_for(timeout=30_000)
    page.get_by_text(f"{stage} of 7").first.wait_for(timeout=30_000)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(state="visible", timeout=30_000)
    assert chart.locator("canvas, svg").count() > 0
    page.get_by_text("Which maturity items go with better customer scores").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stDataFrame"]').count() >= 2  # profile and evidence
    save_screenshot(page, "maturity.png")
