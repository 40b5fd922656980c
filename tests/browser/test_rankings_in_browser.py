"""Rankings and Drivers in a real browser, on the demo's warehouse, at 1400 and 390 px.

A phone is 390 px wide: the pages must fit it without horizontal scrolling (legends
below the charts, labels wrapped or uncut, narrow tables). Each page is opened in a
browser context of that width and every chart, table and text block must end inside
the window. The sample shown is one with a tie in its top ten where the marts hold
rank ranges (the ranges themselves are asserted by the AppTests: the chart and the
table draw on canvas).
"""

from __future__ import annotations

import duckdb
import pytest

from tests.browser.conftest import save_screenshot
from tests.conftest import DemoWarehouse

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 1100}

#: Elements that must end inside the window, and the page's own scroll widths.
_OVERFLOW_JS = """
() => {
    const kinds = ['stVegaLiteChart', 'stDataFrame', 'stMarkdown', 'stCaptionContainer',
                   'stHeading', 'stDownloadButton', 'stMetric'];
    const wide = [];
    for (const kind of kinds) {
        for (const element of document.querySelectorAll(`[data-testid="${kind}"]`)) {
            const right = element.getBoundingClientRect().right;
            if (right > window.innerWidth + 1) wide.push(`${kind}: ${Math.round(right)}`);
        }
    }
    const main = document.querySelector('[data-testid="stMain"]');
    return {
        width: window.innerWidth,
        document: document.documentElement.scrollWidth,
        main: main ? main.scrollWidth : 0,
        wide: wide,
    };
}
"""

#: A country × wave whose ranking holds a tie (a rank range), if the marts have ranges.
_TIE_SQL = """
    select country, wave, rank_in_country_best, rank_in_country_worst
    from marts.fct_company_scores
    where study_id = 'cxbench' and rank_in_country_best < rank_in_country_worst
        and rank_in_country <= 10
    order by wave desc, rank_in_country
    limit 1
"""
_ANY_SQL = """
    select country, max(wave), null, null
    from marts.fct_company_scores
    where study_id = 'cxbench' and rank_in_country is not null
    group by country
    order by count(*) desc
    limit 1
"""


@pytest.fixture(scope="module")
def ranked_sample(demo_warehouse: DemoWarehouse) -> tuple[str, int, str | None]:
    """(country, wave, a rank range like "2–3" or None when the marts hold no ranges)."""
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        columns = {
            name
            for (name,) in connection.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'marts' and table_name = 'fct_company_scores'"
            ).fetchall()
        }
        has_ranges = "rank_in_country_best" in columns
        row = connection.execute(_TIE_SQL if has_ranges else _ANY_SQL).fetchone()
        if row is None:
            row = connection.execute(_ANY_SQL).fetchone()
    country, wave, best, worst = row
    return country, wave, None if best is None else f"{best}–{worst}"


def open_page(chromium, url: str, viewport: dict[str, int], marker: str):
    """A page of its own at ``viewport`` showing ``url``, settled once ``marker`` shows."""
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text(marker).first.wait_for(timeout=TIMEOUT_MS)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT_MS)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.first.locator("canvas, svg").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)  # charts lay out to their container
    return context, page


def assert_fits(page) -> None:
    measured = page.evaluate(_OVERFLOW_JS)
    assert measured["wide"] == [], measured
    assert measured["document"] <= measured["width"], measured
    assert measured["main"] <= measured["width"], measured


@pytest.mark.parametrize(
    ("viewport", "language"), [(DESKTOP, "en"), (PHONE, "en"), (PHONE, "nl")], ids=str
)
def test_rankings_fit_the_window_and_show_rank_ranges(
    ranked_sample: tuple[str, int, str | None],
    app_url: str,
    chromium,
    viewport: dict[str, int],
    language: str,
) -> None:
    country, wave, _ = ranked_sample  # a sample with a tie, for the screenshot
    url = f"{app_url}/rankings?country={country}&wave={wave}&lang={language}"
    marker = {"en": "Sector leaders", "nl": "Sectorleiders"}[language]
    context, page = open_page(chromium, url, viewport, marker)
    try:
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator('[data-testid="stVegaLiteChart"]').count() == 2  # ranking, movers
        assert_fits(page)
        save_screenshot(page, f"rankings-{viewport['width']}-{language}.png")
    finally:
        context.close()


@pytest.mark.parametrize(("viewport", "language"), [(DESKTOP, "en"), (PHONE, "pl")], ids=str)
def test_drivers_fit_the_window(
    ranked_sample: tuple[str, int, str | None],
    app_url: str,
    chromium,
    viewport: dict[str, int],
    language: str,
) -> None:
    country, wave, _ = ranked_sample
    url = f"{app_url}/drivers?country={country}&wave={wave}&lang={language}"
    marker = {"en": "How much the pillars explain", "pl": "Ile wyjaśniają filary"}[language]
    context, page = open_page(chromium, url, viewport, marker)
    try:
        assert page.locator('[data-testid="stException"]').count() == 0
        assert_fits(page)
        save_screenshot(page, f"drivers-{viewport['width']}-{language}.png")
    finally:
        context.close()
