"""What counts as a configured login and as a private (loopback) address.

The app (:mod:`cxbench.app.auth`, reading ``st.secrets``) and the CLI (``cxbench app``,
reading the TOML files before Streamlit starts) must agree on both questions, or the
CLI would start a server the app then refuses, or the other way round; so the rules
live here, once, on plain mappings and strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

#: Set by ``cxbench app --preview-client``: the company id whose client view the app
#: serves without a login (loopback only).
PREVIEW_ENV = "CXBENCH_PREVIEW_CLIENT"
#: Addresses that only this machine can reach. Streamlit's default (no
#: ``server.address``) listens on every interface and is therefore not among them.
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "::1", "localhost"})
#: Headers a reverse proxy adds to the requests it forwards (any one of them is enough).
FORWARDING_HEADERS = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip")
#: Settings of the ``[auth]`` section every provider shares (Streamlit's names).
SHARED_KEYS = ("redirect_uri", "cookie_secret")
#: Shortest cookie secret accepted. Whoever knows the secret can sign an identity
#: cookie for any e-mail address, so it must be random and long: 32 characters is
#: 128 bits of hex, the example's ``token_hex(32)`` gives 64.
MIN_COOKIE_SECRET_CHARS = 32
#: How the placeholders of ``.streamlit/secrets.toml.example`` start.
PLACEHOLDER_MARK = "REPLACE-WITH"
#: Settings one OpenID Connect provider needs, in ``[auth]`` or ``[auth.<name>]``.
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def is_loopback(address: str | None) -> bool:
    """True when a server bound to ``address`` is reachable from this machine only."""
    if not address:
        return False
    return address.strip().strip("[]").lower() in LOOPBACK_ADDRESSES


def request_is_local(headers: Mapping[str, str]) -> bool:
    """True unless the request was forwarded by a proxy or addressed to a non-loopback host.

    A server on loopback is private only until a reverse proxy on the same machine
    forwards the world to it; such a request carries a forwarding header or the
    public host name (and a page asking for a public name of a loopback server is
    also how DNS rebinding looks). No Host header at all is a request without HTTP
    (a test harness): nothing to forward.
    """
    lowered = {str(key).lower(): str(value) for key, value in headers.items()}
    if any(lowered.get(name) for name in FORWARDING_HEADERS):
        return False
    host = lowered.get("host", "").strip()
    if not host:
        return True
    try:
        hostname = urlsplit(f"//{host}").hostname
    except ValueError:
        return False
    return is_loopback(hostname)


def login_providers(secrets: Mapping[str, object]) -> list[str | None]:
    """The providers ``st.login`` can use with ``secrets``; empty when login is not set up.

    ``None`` stands for the unnamed provider (its keys directly in ``[auth]``), a
    string for a named one (``[auth.<name>]``), which is what ``st.login`` takes.
    A provider missing a key is left out rather than offered and failing on click;
    without the shared keys there is no provider at all.
    """
    section = secrets.get("auth")
    if not isinstance(section, Mapping) or not _complete(section, SHARED_KEYS):
        return []
    providers: list[str | None] = [None] if _complete(section, PROVIDER_KEYS) else []
    providers += sorted(
        name
        for name, value in section.items()
        if isinstance(value, Mapping) and _complete(value, PROVIDER_KEYS)
    )
    return providers


def _complete(section: Mapping[str, object], keys: tuple[str, ...]) -> bool:
    return all(isinstance(section.get(key), str) and section.get(key) for key in keys)


def login_problems(secrets: Mapping[str, object]) -> list[str]:
    """Why the login in ``secrets`` is unsafe to serve (empty when it is not).

    A short or copied cookie secret lets anyone forge the identity cookie, so a
    deployment with one is refused rather than served. Checked on the ``[auth]``
    section as it stands, whether or not it names a usable provider.
    """
    section = secrets.get("auth")
    if not isinstance(section, Mapping):
        return []
    problems = []
    cookie_secret = section.get("cookie_secret")
    if isinstance(cookie_secret, str) and len(cookie_secret) < MIN_COOKIE_SECRET_CHARS:
        problems.append(
            f"cookie_secret is shorter than {MIN_COOKIE_SECRET_CHARS} characters: "
            'generate one with python -c "import secrets; print(secrets.token_hex(32))"'
        )
    placeholders = sorted(_placeholders(section))
    if placeholders:
        problems.append(
            f"still the example's placeholder: {', '.join(placeholders)} "
            "(copy the real values from your identity provider)"
        )
    return problems


def _placeholders(section: Mapping[str, object], prefix: str = "") -> list[str]:
    found = []
    for key, value in section.items():
        if isinstance(value, Mapping):
            found += _placeholders(value, f"{prefix}{key}.")
        elif isinstance(value, str) and PLACEHOLDER_MARK in value:
            found.append(f"{prefix}{key}")
    return found
