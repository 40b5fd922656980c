"""The client portal in a real browser: two clients of one sector and an analyst log in.

Each client browses Compare, Rankings (downloading its CSV and Excel), Sectors and
Drivers. Everything that reaches its browser is collected — the DOM, every websocket
frame and HTTP response body, every URL it visits, the downloaded files — and none of
it may hold another company's name or id. A link to the other client's organisation
says "not entitled". The analyst sees both clients by name.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

import pytest

from tests.browser.conftest import PortalCast, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000
#: Whose view the README shows.
SCREENSHOT_CLIENT = "ann@client-one.example"
#: Company names this short could be part of ordinary words; none is in the demo world.
SHORTEST_NAME = 4


@dataclass
class Received:
    """Everything one browser session received or showed."""

    frames: list[bytes] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def blob(self) -> bytes:
        return b"\n".join([*self.frames, *(text.encode() for text in [*self.urls, *self.texts])])


def record(page) -> Received:
    """Collect websocket frames, response bodies and visited URLs of ``page`` from now on."""
    received = Received()

    def on_websocket(socket) -> None:
        socket.on("framereceived", lambda payload: received.frames.append(_bytes(payload)))

    def on_response(response) -> None:
        received.urls.append(response.url)
        try:
            received.frames.append(response.body())
        except Exception:  # redirects and aborted requests have no body
            return

    page.on("websocket", on_websocket)
    page.on("response", on_response)
    page.on("framenavigated", lambda frame: received.urls.append(frame.url))
    return received


def _bytes(payload: str | bytes) -> bytes:
    return payload.encode() if isinstance(payload, str) else payload


def settle(page, text: str) -> None:
    """Wait for ``text`` on the page and for Streamlit to finish the run."""
    page.get_by_text(text).first.wait_for(timeout=TIMEOUT_MS)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT_MS)
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)


def download(page, button: str) -> bytes:
    with page.expect_download(timeout=TIMEOUT_MS) as waiting:
        page.get_by_role("button", name=button).click()
    return waiting.value.path().read_bytes()


def excel_text(content: bytes) -> bytes:
    """The XML inside an .xlsx (strings live in its compressed parts)."""
    with zipfile.ZipFile(io.BytesIO(content)) as workbook:
        return b"\n".join(workbook.read(name) for name in workbook.namelist())


def forbidden(cast: PortalCast, own: str) -> list[bytes]:
    """Every other company's id and name."""
    return [
        text.encode()
        for company_id, name in cast.names.items()
        if company_id != own
        for text in (company_id, name)
        if len(text) >= SHORTEST_NAME
    ]


def browse_as_client(page, url: str, cast: PortalCast, email: str) -> bytes:
    """Visit the client pages and download the ranking; everything received, as bytes."""
    own = cast.clients[email]
    own_name = cast.names[own]
    received = record(page)
    where = f"country={cast.country}&wave={cast.wave}"
    page.goto(f"{url}/?{where}", wait_until="domcontentloaded")
    settle(page, f"{own_name} vs. sector leader")
    received.texts.append(page.content())
    if email == SCREENSHOT_CLIENT:
        save_screenshot(page, "client-compare.png")

    page.goto(f"{url}/rankings?{where}", wait_until="domcontentloaded")
    settle(page, "Download CSV")
    received.texts.append(page.content())
    if email == SCREENSHOT_CLIENT:
        save_screenshot(page, "client-rankings.png")
    received.frames.append(download(page, "Download CSV"))
    received.frames.append(excel_text(download(page, "Download Excel")))
    for slug, marker in (("sectors", "Sector"), ("drivers", "Importance")):
        page.goto(f"{url}/{slug}?{where}", wait_until="domcontentloaded")
        settle(page, marker)
        received.texts.append(page.content())
    return received.blob()


@pytest.mark.parametrize("email", ["ann@client-one.example", "bob@client-two.example"])
def test_a_client_sees_its_own_name_and_no_other_company(
    authed_app_url: str, portal_cast: PortalCast, fresh_page, login_as, email: str
) -> None:
    login_as(fresh_page, email)
    seen = browse_as_client(fresh_page, authed_app_url, portal_cast, email)

    own = portal_cast.clients[email]
    assert portal_cast.names[own].encode() in seen
    assert b"Sector leader" in seen and b"Competitor " in seen
    assert [text.decode() for text in forbidden(portal_cast, own) if text in seen] == []


def test_a_link_to_the_other_clients_organisation_is_not_entitled(
    authed_app_url: str, portal_cast: PortalCast, fresh_page, login_as
) -> None:
    (ann, bob) = portal_cast.clients
    login_as(fresh_page, ann)
    received = record(fresh_page)
    other = portal_cast.clients[bob]
    fresh_page.goto(
        f"{authed_app_url}/?country={portal_cast.country}&wave={portal_cast.wave}&org={other}",
        wait_until="domcontentloaded",
    )
    settle(fresh_page, "you are not entitled to see it")

    assert portal_cast.names[other].encode() not in received.blob() + fresh_page.content().encode()
    assert fresh_page.locator('[data-testid="stVegaLiteChart"]').count() == 0


def test_the_analyst_sees_every_company_by_name(
    authed_app_url: str, portal_cast: PortalCast, fresh_page, login_as
) -> None:
    login_as(fresh_page, portal_cast.analyst)
    where = f"country={portal_cast.country}&wave={portal_cast.wave}"
    fresh_page.goto(
        f"{authed_app_url}/rankings?{where}&sector={portal_cast.sector_code}",
        wait_until="domcontentloaded",
    )
    settle(fresh_page, "Download CSV")

    content = fresh_page.content()
    csv = download(fresh_page, "Download CSV").decode()
    for company_id in portal_cast.clients.values():
        assert portal_cast.names[company_id] in content or portal_cast.names[company_id] in csv
        assert company_id in csv
