"""Logging in through a real OpenID Connect flow, on loopback, without the internet.

The identity provider is ``oidc-provider-mock`` (PyPI) served from a thread of the
test process: it accepts any client id and secret, and its authorization page asks
for the subject, which becomes the user's e-mail claim unless the user's claims were
set first (``PUT /users/<sub>``, as :func:`set_claims` does). The app under test runs
with a ``secrets.toml`` pointing Streamlit's ``st.login`` at it, so a test walks the
same redirects a client's browser does with Entra ID, Google or Auth0.
"""

from __future__ import annotations

import json
import secrets
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: The mock's pages load a stylesheet from a CDN; the tests have no internet.
CDN_PATTERN = "**/cdn.jsdelivr.net/**"
#: What the app says in the sidebar once a user is logged in (app/i18n/auth.py).
SIGNED_IN = "Signed in as"
LOGIN_BUTTON = "Log in"
LOGOUT_BUTTON = "Log out"
TIMEOUT_MS = 30_000


@contextmanager
def oidc_provider(port: int) -> Iterator[str]:
    """Serve the mock provider on ``127.0.0.1:port``; yields its issuer URL."""
    import werkzeug.serving
    from oidc_provider_mock import app as provider_app

    server = werkzeug.serving.make_server("127.0.0.1", port, provider_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


def write_secrets(folder: Path, app_url: str, issuer: str) -> Path:
    """A ``secrets.toml`` configuring ``issuer`` as the app's only (unnamed) provider."""
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "{app_url}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "cxbench-tests"\n'
        'client_secret = "only-for-the-mock"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    return path


def set_claims(issuer: str, subject: str, claims: dict[str, object]) -> None:
    """Give ``subject`` these ID-token claims at the mock provider (replacing earlier ones)."""
    request = urllib.request.Request(
        f"{issuer}/users/{urllib.parse.quote(subject, safe='')}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204, response.status


def login_as(page, app_url: str, issuer: str, email: str, name: str | None = None) -> None:
    """Open the app logged out, log in as ``email`` at the provider, return to the app.

    The subject is the e-mail address; ``name`` (default: the part before the @)
    becomes the ``name`` claim. Returns once the app names the user in its sidebar.
    """
    set_claims(issuer, email, {"email": email, "name": name or email.split("@")[0]})
    page.route(CDN_PATTERN, lambda route: route.abort())
    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("button", name=LOGIN_BUTTON, exact=True).click(timeout=TIMEOUT_MS)
    page.wait_for_url(f"{issuer}/oauth2/authorize**", timeout=TIMEOUT_MS)
    page.locator('input[name="sub"]').fill(email)
    page.get_by_role("button", name="Authorize", exact=True).click()
    page.wait_for_url(f"{app_url}/**", timeout=TIMEOUT_MS)
    page.get_by_text(SIGNED_IN).wait_for(timeout=TIMEOUT_MS)


def logout(page, app_url: str, issuer: str) -> None:
    """Log out in the app, confirm at the provider, and wait for the app's login screen.

    Streamlit sends the browser to the provider's end-session page (the mock asks
    for a click, as real providers may), which returns it to the app logged out.
    """
    page.get_by_role("button", name=LOGOUT_BUTTON, exact=True).click(timeout=TIMEOUT_MS)
    page.wait_for_url(f"{issuer}/oauth2/end_session**", timeout=TIMEOUT_MS)
    page.get_by_role("button", name="End session", exact=True).click()
    page.wait_for_url(f"{app_url}/**", timeout=TIMEOUT_MS)
    page.get_by_role("button", name=LOGIN_BUTTON, exact=True).wait_for(timeout=TIMEOUT_MS)
