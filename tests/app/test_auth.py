"""Who the app thinks is looking (app.auth.identify), in each of its three modes.

The script under test draws only what :func:`identify` draws and keeps its answer
in session state, so each test reads the identity and the page side by side.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

SCRIPT = """
import streamlit as st
from cxbench.app.auth import identify
st.session_state["identity"] = identify()
"""
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "0123456789abcdef0123456789abcdef",
    "client_id": "cxbench",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture
def public_address() -> Iterator[None]:
    """As ``streamlit run`` without ``--server.address``: every interface."""
    st.config.set_option("server.address", "0.0.0.0")
    yield
    st.config.set_option("server.address", "127.0.0.1")


def run(secrets: dict | None = None, user: dict | None = None) -> AppTest:
    app = AppTest.from_string(SCRIPT, default_timeout=30)
    if secrets:
        app.secrets = secrets
    if user is not None:
        app.user = user
    return app.run()


def test_local_analyst_on_loopback_without_login() -> None:
    app = run()
    assert app.session_state["identity"].mode == "local"
    assert not app.error
    assert not app.button


def test_public_address_without_login_shows_nothing_but_why(public_address: None) -> None:
    app = run()
    assert app.session_state["identity"] is None
    assert "no login is configured" in app.error[0].value
    assert "docs/deployment.md" in app.error[0].value


def test_preview_serves_the_named_client_without_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CXBENCH_PREVIEW_CLIENT", "B001")
    identity = run(secrets={"auth": AUTH}).session_state["identity"]
    assert (identity.mode, identity.preview_company_id) == ("preview", "B001")
    assert identity.principal is None


def test_preview_on_a_public_address_is_refused(
    public_address: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_PREVIEW_CLIENT", "B001")
    app = run(secrets={"auth": AUTH})
    assert app.session_state["identity"] is None
    assert "without a login" in app.error[0].value


def test_logged_out_user_gets_the_login_screen() -> None:
    app = run(secrets={"auth": AUTH}, user={"is_logged_in": False})
    assert app.session_state["identity"] is None
    assert app.title[0].value == "Customer-experience benchmark"
    assert app.button(key="auth_login").label == "Log in"


def test_login_screen_offers_each_named_provider() -> None:
    provider = {key: AUTH[key] for key in ("client_id", "client_secret", "server_metadata_url")}
    secrets = {
        "auth": {
            "redirect_uri": AUTH["redirect_uri"],
            "cookie_secret": AUTH["cookie_secret"],
            "microsoft": provider,
            "google": provider,
        }
    }
    app = run(secrets=secrets, user={"is_logged_in": False})
    labels = [button.label for button in app.button]
    assert labels == ["Log in with Google", "Log in with Microsoft"]


def test_logged_in_user_is_known_by_lower_cased_email_and_named_in_sidebar() -> None:
    user = {"is_logged_in": True, "email": " Ann.Smith@Client.Example ", "name": "Ann Smith"}
    app = run(secrets={"auth": AUTH}, user=user)
    identity = app.session_state["identity"]
    assert (identity.mode, identity.principal) == ("oidc", "ann.smith@client.example")
    assert identity.display_name == "Ann Smith"
    assert "Ann Smith" in app.sidebar.caption[0].value
    assert app.sidebar.button(key="auth_logout").label == "Log out"
    assert not app.error


def test_logout_returns_to_the_login_screen() -> None:
    app = run(secrets={"auth": AUTH}, user={"is_logged_in": True, "email": "ann@client.example"})
    app.sidebar.button(key="auth_logout").click().run()
    assert app.session_state["identity"] is None  # the browser is sent to a new session
    app.run()
    assert app.session_state["identity"] is None
    assert app.button(key="auth_login").label == "Log in"


def test_login_without_email_claim_is_refused_with_the_reason() -> None:
    app = run(secrets={"auth": AUTH}, user={"is_logged_in": True, "sub": "abc", "name": "Ann"})
    assert app.session_state["identity"] is None
    assert "did not send an e-mail address" in app.error[0].value
    assert app.sidebar.button(key="auth_logout")


def test_unverified_email_is_refused() -> None:
    user = {"is_logged_in": True, "email": "ann@client.example", "email_verified": False}
    app = run(secrets={"auth": AUTH}, user=user)
    assert app.session_state["identity"] is None
    assert "not verified" in app.error[0].value


def test_login_screen_speaks_the_chosen_language() -> None:
    app = AppTest.from_string(SCRIPT, default_timeout=30)
    app.secrets = {"auth": AUTH}
    app.user = {"is_logged_in": False}
    app.session_state["language"] = "nl"
    app.run()
    assert app.button(key="auth_login").label == "Inloggen"


def test_unsafe_login_settings_show_nothing_but_why() -> None:
    app = run(secrets={"auth": {**AUTH, "cookie_secret": "short"}}, user={"is_logged_in": True})
    assert app.session_state["identity"] is None
    assert "is shorter than 32 characters" in app.error[0].value
    assert not app.button
