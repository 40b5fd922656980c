"""The simulated clients of the app load test, and the loop that runs them at once.

Each :class:`Client` is one person at one browser tab: it follows a link (a new
session), clicks the menu, changes a sidebar choice — what
:mod:`cxbench.benchmarks.app_load_plan` says a client does — and checks every
answer (:meth:`cxbench.benchmarks.app_stream.RunReport.failure`). :func:`drive`
warms the app up with one untimed visit of every page, then runs all clients
concurrently on one event loop (each waits on its own websocket, so ten of them
cost this process little CPU) until each has done its interactions or the time is up.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from dataclasses import dataclass, replace

from websockets.exceptions import WebSocketException

from cxbench.benchmarks import app_load_plan as plan
from cxbench.benchmarks.app_stream import RunReport, StreamSession


@dataclass(frozen=True)
class Interaction:
    """One timed request of one session: which page, what kind, how long, why it failed."""

    session: int
    page: str
    kind: str
    seconds: float
    failure: str | None = None


@dataclass(frozen=True)
class LoadSettings:
    """How hard and how long the simulated clients work."""

    sessions: int = 10
    interactions: int = 30
    duration_s: float = 120.0
    think_s: float = 0.5
    seed: int = 16


class Client:
    """One simulated client: a session, reopened when it follows a new link."""

    def __init__(self, index: int, url: str, scopes: list[plan.Scope], titles: dict[str, str],
                 rng: random.Random) -> None:  # fmt: skip
        self.index, self.url, self.scopes, self.titles, self.rng = index, url, scopes, titles, rng
        self.session: StreamSession | None = None
        self.last = RunReport()

    async def interact(self, kind: str) -> Interaction:
        """Do one interaction of ``kind`` (a link when no session is open) and check it."""
        try:
            if self.session is None or kind == "open" or not self._menu():
                done = await self._open(self.rng.choice(plan.CLIENT_PAGES))
            elif kind == "navigate":
                page = self.rng.choice(self._menu())
                run = await self.session.navigate(plan.page_path(page))
                done = self._checked("navigate", page, run)
            else:
                done = await self._choose()
        except (WebSocketException, OSError) as exc:
            self.session = None
            return Interaction(self.index, "?", kind, 0.0, f"connection: {exc!r}")
        if self.last.status == "TIMEOUT":  # the run may still be going: start afresh
            await self.close()
        return done

    def _menu(self) -> list[str]:
        """Client pages the session's menu offers, other than the one shown."""
        assert self.session is not None
        current = plan.page_of_path(self.session.page)
        offered = {plan.page_of_path(path) for path in self.session.pages}
        return [page for page in plan.CLIENT_PAGES if page in offered and page != current]

    async def _open(self, page: str) -> Interaction:
        """Follow a shared link to ``page``: a new session whose first run reads the URL."""
        await self.close()
        started = time.perf_counter()
        self.session = await StreamSession.open(self.url)
        connect_s = time.perf_counter() - started
        query = plan.link(page, self.rng.choice(self.scopes), self.rng)
        run = await self.session.open_url(plan.page_path(page), query)
        run.seconds += connect_s
        return self._checked("open", page, run)

    async def _choose(self) -> Interaction:
        """Change one sidebar choice of the current page to another of its options."""
        assert self.session is not None
        page = plan.page_of_path(self.session.page)
        boxes = [
            box
            for key, box in self.last.selectboxes.items()
            if key not in plan.FIXED_WIDGETS and len(box.options) > 1
        ]
        if not boxes:  # nothing to choose on this page (Methodology): click the menu
            return await self.interact("navigate")
        box = self.rng.choice(boxes)
        option = self.rng.choice([option for option in box.options if option != box.value])
        interaction = self._checked("choose", page, await self.session.choose(box, option))
        redrawn = self.last.selectboxes.get(box.key)
        if interaction.failure is None and redrawn and redrawn.value not in (None, option):
            failure = f"chose {option!r} in {box.key}, page shows {redrawn.value!r}"
            return replace(interaction, failure=failure)
        return interaction

    def _checked(self, kind: str, page: str, run: RunReport) -> Interaction:
        """The interaction ``run`` answered, failed when it is not a page view of ``page``."""
        self.last = run
        return Interaction(self.index, page, kind, run.seconds, run.failure(self.titles[page]))

    async def close(self) -> None:
        """Leave the current session, if any."""
        if self.session is not None:
            session, self.session = self.session, None
            await session.close()


async def _client_loop(client: Client, settings: LoadSettings, deadline: float,
                       done: list[Interaction]) -> None:  # fmt: skip
    """One client's interactions until its count or the deadline is reached."""
    for _ in range(settings.interactions):
        if time.monotonic() >= deadline:
            break
        done.append(await client.interact(plan.next_kind(client.rng)))
        _progress(done, settings)
        await asyncio.sleep(client.rng.uniform(0, settings.think_s))
    await client.close()


def _progress(done: list[Interaction], settings: LoadSettings) -> None:
    """One line on stderr, rewritten in place: interactions done and errors so far."""
    errors = sum(1 for item in done if item.failure)
    total = settings.sessions * settings.interactions
    sys.stderr.write(f"\r{len(done)}/{total} interactions, {errors} errors ")
    sys.stderr.flush()


async def _warm_up(url: str, scopes: list[plan.Scope], titles: dict[str, str]) -> list[str]:
    """Open every client page once, untimed: imports, connection and first queries."""
    client = Client(-1, url, scopes, titles, random.Random(0))
    failures = []
    for page in plan.CLIENT_PAGES:
        interaction = await client._open(page)
        if interaction.failure:
            failures.append(f"{page}: {interaction.failure}")
    await client.close()
    return failures


async def drive(url: str, scopes: list[plan.Scope], settings: LoadSettings
                ) -> tuple[list[Interaction], float, list[str]]:  # fmt: skip
    """Warm up, then run every client at once; the interactions, wall seconds, warm-up errors."""
    titles = plan.page_titles()
    warm_up_failures = await _warm_up(url, scopes, titles)
    done: list[Interaction] = []
    started = time.monotonic()
    clients = [
        Client(index, url, scopes, titles, random.Random(settings.seed * 1000 + index))
        for index in range(settings.sessions)
    ]
    await asyncio.gather(
        *(_client_loop(c, settings, started + settings.duration_s, done) for c in clients)
    )
    sys.stderr.write("\n")
    return done, time.monotonic() - started, warm_up_failures
