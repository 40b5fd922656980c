"""Logging in and out of the app in a real browser, through a real OIDC provider.

The provider is the mock of tests/browser/login.py on loopback: the redirects, the
authorization code exchange and Streamlit's identity cookie are the real ones.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_visitor_sees_only_the_login_screen(authed_app_url: str, fresh_page) -> None:
    page = fresh_page
    page.goto(f"{authed_app_url}/?org=anything", wait_until="domcontentloaded")
    page.get_by_role("button", name="Log in", exact=True).wait_for(timeout=30_000)
    page.get_by_text("Log in with your work account").wait_for(timeout=30_000)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
    save_screenshot(page, "login.png")


def test_login_shows_the_users_name_and_email(authed_app_url: str, fresh_page, login_as) -> None:
    page = fresh_page
    login_as(page, "Ann.Smith@Client-One.example", name="Ann Smith")
    page.get_by_text("Signed in as Ann Smith (ann.smith@client-one.example)").wait_for(
        timeout=30_000
    )
    page.get_by_role("button", name="Log out", exact=True).wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Log in", exact=True).count() == 0


def test_the_login_lasts_across_a_reload(authed_app_url: str, fresh_page, login_as) -> None:
    page = fresh_page
    login_as(page, "bob@client-two.example")
    page.reload(wait_until="domcontentloaded")
    page.get_by_text("Signed in as bob (bob@client-two.example)").wait_for(timeout=30_000)


def test_logout_returns_to_the_login_screen(
    authed_app_url: str, fresh_page, login_as, logout
) -> None:
    page = fresh_page
    login_as(page, "carol@client-one.example")
    logout(page)
    assert page.get_by_text("Signed in as").count() == 0
    page.goto(authed_app_url, wait_until="domcontentloaded")  # the cookie is gone too
    page.get_by_role("button", name="Log in", exact=True).wait_for(timeout=30_000)
    assert page.get_by_text("Signed in as").count() == 0


def test_a_loopback_app_reached_through_a_proxy_asks_for_a_login(app_url: str, chromium) -> None:
    """No login configured, on 127.0.0.1, but forwarded by a reverse proxy: refused."""
    context = chromium.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
    try:
        page = context.new_page()
        page.goto(app_url, wait_until="domcontentloaded")
        page.get_by_text("no login is configured").wait_for(timeout=30_000)
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    finally:
        context.close()


def test_a_client_preview_needs_no_login(authed_warehouse, preview_app, fresh_page) -> None:
    """``cxbench app --preview-client``: the app opens at once, nobody is signed in."""
    import duckdb

    with duckdb.connect(str(authed_warehouse), read_only=True) as connection:
        (company_id,) = connection.execute(
            "select min(company_id) from marts.dim_company"
        ).fetchone()
    page = fresh_page
    page.goto(preview_app(company_id), wait_until="domcontentloaded")
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Log in", exact=True).count() == 0
    assert page.get_by_text("Signed in as").count() == 0
