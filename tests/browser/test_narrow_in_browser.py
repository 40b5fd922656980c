"""The frame's pages on a phone (390 px) and its answers to URLs, in a real browser.

On a phone a page must not scroll sideways: tables and charts fit the width (tables
scroll inside themselves). A page's slug opens that page, the default one too, and a
path that is no page gets the app's own answer in the interface language, not
Streamlit's English "Page not found" dialog.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.screenshots import CONTENT_WIDTH_JS, settle

#: The pages this test holds to the phone width (the other pages' tests hold theirs).
NARROW_PAGES = ("sectors", "maturity", "methodology", "quality")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(chromium) -> Iterator[object]:
    """A fresh page with a phone's window."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("slug", NARROW_PAGES)
@pytest.mark.parametrize("language", ["en", "pl"])
def test_page_fits_a_phone(app_url: str, phone, slug: str, language: str) -> None:
    phone.goto(f"{app_url}/{slug}?lang={language}")
    settle(phone)

    assert phone.locator('[data-testid="stException"]').count() == 0
    assert int(phone.evaluate(CONTENT_WIDTH_JS)) <= PHONE["width"]


def test_the_default_pages_slug_opens_it(app_url: str, phone) -> None:
    phone.goto(f"{app_url}/compare?lang=nl")
    settle(phone)

    assert phone.locator("h1").first.inner_text() == "Vergelijken"
    assert phone.get_by_text("Page not found").count() == 0


def test_an_unknown_path_is_answered_in_the_interface_language(app_url: str, phone) -> None:
    phone.goto(f"{app_url}/no-such-page?lang=nl")
    settle(phone)

    assert phone.locator("h1").first.inner_text() == "Pagina niet gevonden"
    phone.get_by_text("De pagina /no-such-page bestaat hier niet.").wait_for(timeout=10_000)
    assert phone.get_by_text("Page not found").count() == 0
    assert phone.get_by_text("Running the app's main page").count() == 0
