"""Which addresses are private and which secrets make a usable login (cxcore.auth_config)."""

from __future__ import annotations

import pytest

from cxcore.auth_config import is_loopback, login_problems, login_providers, request_is_local

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


@pytest.mark.parametrize(
    "headers",
    [{}, {"Host": "127.0.0.1:8501"}, {"host": "[::1]:8501"}, {"Host": "LOCALHOST"}],
)
def test_a_request_to_a_loopback_name_is_local(headers: dict) -> None:
    assert request_is_local(headers)


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "benchmark.example.com"},
        {"Host": "127.0.0.1:8501", "X-Forwarded-For": "203.0.113.9"},
        {"Host": "127.0.0.1:8501", "Forwarded": "for=203.0.113.9"},
        {"Host": "localhost", "X-Real-IP": "203.0.113.9"},
        {"Host": "[not-an-address"},
    ],
)
def test_a_forwarded_or_public_request_is_not_local(headers: dict) -> None:
    """Behind a reverse proxy a loopback server is public: the proxy says so."""
    assert not request_is_local(headers)


def test_sound_login_settings_have_no_problem() -> None:
    assert login_problems({"auth": {**SHARED, **PROVIDER}}) == []
    assert login_problems({}) == []


def test_short_cookie_secret_is_a_problem() -> None:
    """Whoever guesses the cookie secret can sign in as any e-mail address."""
    (problem,) = login_problems({"auth": {**SHARED, "cookie_secret": "secret", **PROVIDER}})
    assert "cookie_secret is shorter than 32 characters" in problem


def test_example_placeholders_are_a_problem_wherever_they_are() -> None:
    copied = {**SHARED, "google": {**PROVIDER, "client_secret": "REPLACE-WITH-THE-SECRET"}}
    (problem,) = login_problems({"auth": copied})
    assert "google.client_secret" in problem


def test_the_shipped_example_is_refused_until_filled_in() -> None:
    import tomllib

    from cxcore.settings import REPO_ROOT

    example = tomllib.loads((REPO_ROOT / ".streamlit" / "secrets.toml.example").read_text())
    assert login_providers(example) == [None]
    (problem,) = login_problems(example)
    assert "cookie_secret" in problem and "client_id" in problem
