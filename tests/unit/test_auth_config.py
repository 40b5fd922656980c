"""Which addresses are private and which secrets make a usable login (cxcore.auth_config)."""

from __future__ import annotations

import pytest

from cxcore.auth_config import is_loopback, login_providers

SHARED = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32}
PROVIDER = {
    "client_id": "cxbench",
    "client_secret": "secret",
    "server_metadata_url": "https://login.example/.well-known/openid-configuration",
}


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_are_private(address: str) -> None:
    assert is_loopback(address)


@pytest.mark.parametrize("address", [None, "", "0.0.0.0", "::", "192.168.1.20", "app.example"])
def test_every_other_address_is_public(address: str | None) -> None:
    """No address (Streamlit's default) listens on every interface: public."""
    assert not is_loopback(address)


def test_unnamed_provider_in_the_auth_section() -> None:
    assert login_providers({"auth": {**SHARED, **PROVIDER}}) == [None]


def test_named_providers_in_subsections_sorted() -> None:
    secrets = {"auth": {**SHARED, "microsoft": PROVIDER, "google": PROVIDER}}
    assert login_providers(secrets) == ["google", "microsoft"]


def test_no_login_without_the_shared_settings() -> None:
    """A provider without redirect_uri and cookie_secret cannot complete a login."""
    assert login_providers({"auth": {"redirect_uri": SHARED["redirect_uri"], **PROVIDER}}) == []
    assert login_providers({"auth": {**SHARED, "cookie_secret": ""}, "x": PROVIDER}) == []


def test_incomplete_provider_is_left_out() -> None:
    incomplete = {key: value for key, value in PROVIDER.items() if key != "client_secret"}
    secrets = {"auth": {**SHARED, "okta": incomplete, "auth0": PROVIDER}}
    assert login_providers(secrets) == ["auth0"]


@pytest.mark.parametrize("secrets", [{}, {"auth": "yes"}, {"auth": SHARED}, {"other": PROVIDER}])
def test_nothing_configured(secrets: dict) -> None:
    assert login_providers(secrets) == []
