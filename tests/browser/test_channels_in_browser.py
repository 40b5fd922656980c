"""The Channels page in a real browser on the demo warehouse, wide and at phone width.

The organisation with the most evaluations is opened by a shared link (``org=``), as
a link from Compare would; the page must draw its dot plot and both tables, and at
1400 and 390 px nothing may stick out sideways (legends below, labels not cut,
tables narrow).
"""

from __future__ import annotations

import duckdb
import pytest

from tests.browser.conftest import VIEWPORT, save_screenshot
from tests.conftest import DemoWarehouse

BUSIEST_SQL = """
    select channels.country, channels.wave, channels.company_id
    from marts.fct_channel_scores as channels
    where channels.study_id = 'cxbench'
    group by all
    order by sum(channels.n_evaluations) desc, channels.company_id
    limit 1
"""

#: How far the page is wider than the window (0 when nothing sticks out sideways).
OVERFLOW_JS = """
() => Math.max(...[document.documentElement, document.body,
    ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMainBlockContainer"]')]
    .map((element) => element.scrollWidth - element.clientWidth))
"""


@pytest.fixture(scope="module")
def busiest(demo_warehouse: DemoWarehouse) -> tuple[str, int, str]:
    """(country, wave, company id) of the company with the most channel evaluations."""
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        return connection.execute(BUSIEST_SQL).fetchall()[0]


@pytest.mark.parametrize("width", [VIEWPORT["width"], 390])
def test_channels_page_draws_and_fits_the_window(
    busiest: tuple[str, int, str], app_url: str, chromium, width: int
) -> None:
    country, wave, company_id = busiest
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(
            f"{app_url}/channels?country={country}&wave={wave}&org={company_id}",
            wait_until="networkidle",
        )
        page.get_by_text("scores per channel").first.wait_for(timeout=60_000)
        chart = page.locator('[data-testid="stVegaLiteChart"]').first
        chart.locator("canvas, svg").first.wait_for(timeout=30_000)
        page.get_by_text("Where the experience differs by channel").wait_for(timeout=30_000)
        page.locator('[data-testid="stDataFrame"]').nth(1).wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # charts lay out to the window's width

        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate(OVERFLOW_JS) <= 0
        chart_box = chart.bounding_box()
        assert chart_box is not None and chart_box["x"] + chart_box["width"] <= width
        save_screenshot(page, "channels.png" if width > 390 else "channels-390.png")
    finally:
        context.close()
