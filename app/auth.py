"""Who is looking at the app: a logged-in user, an analyst's client preview, or a local analyst.

The router asks :func:`identify` before drawing anything. Three ways in, checked in
this order:

- **preview** — ``cxbench app --preview-client ORG_ID`` sets ``CXBENCH_PREVIEW_CLIENT``:
  an analyst sees exactly what that client would, without a login;
- **oidc** — an identity provider is configured (``[auth]`` in
  ``.streamlit/secrets.toml``, docs/deployment.md): Streamlit's ``st.login`` /
  ``st.user``; the user is known by the e-mail address the provider vouches for;
- **local** — neither: the analyst on their own machine (``make demo``), no login.

Preview and local mode have no login, so both are served on a loopback address only.
The CLI refuses a public address first; the checks here are the second line, for a
server started some other way (``streamlit run`` listens on every interface unless
told otherwise). What an identity may see is decided elsewhere (``app/viewer.py``
against the warehouse's ``access`` tables): this module only says who it is.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from cxbench.app import i18n, state
from cxcore.auth_config import (
    PREVIEW_ENV,
    is_loopback,
    login_problems,
    login_providers,
    request_is_local,
)

#: Widget keys (AppTest finds widgets by key).
LOGIN_KEY = "auth_login"
LOGOUT_KEY = "auth_logout"


@dataclass(frozen=True)
class Identity:
    """Who is looking; entitlements are looked up from it, never stored in it."""

    mode: Literal["local", "preview", "oidc"]
    principal: str | None = None  # lower-cased e-mail (oidc mode)
    preview_company_id: str | None = None  # preview mode
    display_name: str | None = None


def identify() -> Identity | None:
    """The viewer's identity, or None after drawing why the page must stop.

    None means a login screen or an error is on the page and nothing else may be
    drawn: the caller stops the run.
    """
    language = _language()
    address = st.get_option("server.address")
    headers = _request_headers()
    private = is_loopback(address) and request_is_local(headers)
    preview_company_id = os.environ.get(PREVIEW_ENV, "").strip()
    if preview_company_id:
        if not private:
            st.error(i18n.text("auth_preview_public", language))
            return None
        return Identity(mode="preview", preview_company_id=preview_company_id)
    secrets = _secrets()
    problems = login_problems(secrets)
    if problems:
        st.error(i18n.text("auth_unsafe", language, problems=_plain("; ".join(problems))))
        return None
    providers = login_providers(secrets)
    if providers:
        return _logged_in_user(providers, language)
    if private:
        return Identity(mode="local")
    reached_as = address if not is_loopback(address) else headers.get("host", "")
    reached_as = _plain(reached_as or "0.0.0.0")  # the Host header is the browser's text
    st.error(i18n.text("auth_not_configured", language, address=reached_as))
    return None


def _logged_in_user(providers: list[str | None], language: str) -> Identity | None:
    """The OIDC user, or None after drawing the login screen or why the login is refused.

    The e-mail address is the principal access is granted to; a provider that does
    not send one, or says it is unverified, cannot be matched to a grant safely. A
    refused user keeps the logout button, to log in with another account.
    """
    if st.user.get("is_logged_in") is not True:
        _login_screen(providers, language)
        return None
    email = str(st.user.get("email") or "").strip().lower()
    name = str(st.user.get("name") or "").strip() or None
    if email:
        shown = i18n.text("auth_signed_in", language, name=name or email, email=email)
        st.sidebar.caption(_plain(shown))
    if st.sidebar.button(i18n.text("auth_logout", language), key=LOGOUT_KEY):
        st.logout()  # redirects the browser to a new, logged-out session
        return None
    if not email:
        st.error(i18n.text("auth_no_email", language))
        return None
    if st.user.get("email_verified") is False:
        st.error(i18n.text("auth_email_unverified", language, email=_plain(email)))
        return None
    return Identity(mode="oidc", principal=email, display_name=name)


def _login_screen(providers: list[str | None], language: str) -> None:
    """Title, one sentence, and a login button per configured provider."""
    st.title(i18n.text("auth_title", language))
    st.write(i18n.text("auth_intro", language))
    for provider in providers:
        label = (
            i18n.text("auth_login", language)
            if provider is None or len(providers) == 1
            else i18n.text("auth_login_with", language, provider=provider.title())
        )
        key = LOGIN_KEY if provider is None else f"{LOGIN_KEY}_{provider}"
        if st.button(label, key=key, type="primary"):
            st.login(provider)


def _secrets() -> dict[str, object]:
    """The app's secrets as a plain dict; empty when there is no secrets file.

    ``st.secrets`` raises (a FileNotFoundError) when no file exists, which is the
    normal case of a local analyst.
    """
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:
        return {}


def _request_headers() -> dict[str, str]:
    """The headers of the request that opened this session (lower-cased names)."""
    return {key.lower(): value for key, value in st.context.headers.items()}


def _language() -> str:
    """The language the router's picker chose (its key in session state), else English."""
    chosen = st.session_state.get(state.LANGUAGE)
    return chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~$])")


def _plain(text: str) -> str:
    """``text`` from the identity provider, escaped so Markdown shows it as typed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
