"""A protocol-level Streamlit client: one browser session without the browser.

The load test needs ten concurrent sessions on a two-core machine; ten chromiums
would spend the cores on layout and Vega rendering and measure themselves. The
server's side of a page view, though, is all on one websocket: the browser sends a
``BackMsg`` (``rerun_script`` with the URL's query string, the page, the changed
widget values) and the server streams ``ForwardMsg`` protobufs — deltas with the
page's elements — until ``script_finished``. This module speaks exactly that, with
the protobuf classes Streamlit installs, and keeps what a browser would keep
between runs: the pages of the menu, the widgets drawn (to change one the way a
user does), the query string the app wrote.

Each run is checked, not only timed: the page's ``h1`` title must be among the
elements, and an exception or error box drawn by the script is reported, so a run
that "finished" by showing a traceback never counts as a fast page view.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

#: Streamlit's websocket endpoint and the subprotocol its frontend announces.
STREAM_PATH = "/_stcore/stream"
SUBPROTOCOL = "streamlit"
#: A run that has not finished after this long is reported as a timeout.
RUN_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Selectbox:
    """A selectbox the last run drew: its widget id, options as shown, current value."""

    widget_id: str
    options: tuple[str, ...]
    value: str | None

    @property
    def key(self) -> str:
        """The ``key=`` the app gave it (Streamlit ids end in ``-<key>``)."""
        return self.widget_id.split("-", 2)[-1]


@dataclass
class RunReport:
    """What one script run sent back, and how long it took from request to finish."""

    seconds: float = 0.0
    status: str = "timeout"
    titles: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    selectboxes: dict[str, Selectbox] = field(default_factory=dict)
    elements: int = 0

    def failure(self, expected_title: str) -> str | None:
        """Why this run does not count as a page view of ``expected_title``; None if it does."""
        if self.status != "FINISHED_SUCCESSFULLY":
            return f"run {self.status.lower()}"
        if self.exceptions:
            return f"exception: {self.exceptions[0]}"
        if self.errors:
            return f"error box: {self.errors[0]}"
        if expected_title not in self.titles:
            return f"title {expected_title!r} not drawn (titles: {self.titles})"
        return None


class StreamSession:
    """One app session over Streamlit's websocket, driven like a browser tab."""

    def __init__(self, connection: ClientConnection) -> None:
        self._connection = connection
        #: Menu entries by URL path ("" = the default page) -> page script hash.
        self.pages: dict[str, str] = {}
        #: The query string the app last wrote into the URL.
        self.query_string = ""
        #: The page shown, by URL path, once a run has told us.
        self.page = ""

    @classmethod
    async def open(cls, base_url: str) -> StreamSession:
        """Connect to the app at ``http://host:port`` (a new server-side session)."""
        url = base_url.replace("http://", "ws://", 1).rstrip("/") + STREAM_PATH
        connection = await connect(url, subprotocols=[SUBPROTOCOL], max_size=None)
        return cls(connection)

    async def close(self) -> None:
        """Leave, so the server drops the session as a closed tab would."""
        await self._connection.close()

    async def open_url(self, page: str, query_string: str) -> RunReport:
        """The first run of a session opened on ``/<page>?<query_string>`` (a shared link)."""
        self.query_string = query_string  # the browser's address bar, until the app rewrites it
        request = BackMsg()
        request.rerun_script.query_string = query_string
        request.rerun_script.page_name = page
        return await self._run(request)

    async def navigate(self, page: str) -> RunReport:
        """Click ``page`` in the menu: a rerun of that page's script, selections kept."""
        request = BackMsg()
        request.rerun_script.query_string = self.query_string
        request.rerun_script.page_script_hash = self.pages[page]
        return await self._run(request)

    async def choose(self, box: Selectbox, option: str) -> RunReport:
        """Pick ``option`` in ``box`` on the current page: the rerun a user's click sends."""
        request = BackMsg()
        request.rerun_script.query_string = self.query_string
        request.rerun_script.page_script_hash = self.pages.get(self.page, "")
        state = request.rerun_script.widget_states.widgets.add()
        state.id = box.widget_id
        state.string_value = option
        return await self._run(request)

    async def _run(self, request: BackMsg) -> RunReport:
        """Send ``request`` and read the run's messages until it finishes (or times out)."""
        report = RunReport()
        started = time.perf_counter()
        await self._connection.send(request.SerializeToString())
        try:
            async with asyncio.timeout(RUN_TIMEOUT_S):
                while not await self._read_one(report):
                    pass
        except TimeoutError:
            report.status = "TIMEOUT"
        report.seconds = time.perf_counter() - started
        return report

    async def _read_one(self, report: RunReport) -> bool:
        """Take one ForwardMsg into ``report``; True when it is the run's last."""
        message = ForwardMsg()
        message.ParseFromString(await self._connection.recv())
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            _take_element(message.delta.new_element, report)
        elif kind == "navigation":
            self.pages = {
                page.url_pathname: page.page_script_hash for page in message.navigation.app_pages
            }
            current = message.navigation.page_script_hash
            self.page = next((path for path, hash_ in self.pages.items() if hash_ == current), "")
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "page_not_found":
            report.errors.append(f"page not found: {message.page_not_found.page_name}")
        elif kind == "script_finished":
            report.status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            return True
        return False


def _take_element(element: object, report: RunReport) -> None:
    """Record what the load test checks of one drawn element."""
    report.elements += 1
    kind = element.WhichOneof("type")
    if kind == "heading" and element.heading.tag == "h1":
        report.titles.append(element.heading.body)
    elif kind == "exception":
        report.exceptions.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "alert" and element.alert.format == Alert.Format.ERROR:
        report.errors.append(element.alert.body)
    elif kind == "selectbox":
        box = element.selectbox
        options = tuple(box.options)
        if box.set_value:
            value = box.raw_value
        else:
            value = options[box.default] if box.HasField("default") and options else None
        selectbox = Selectbox(widget_id=box.id, options=options, value=value)
        report.selectboxes[selectbox.key] = selectbox
