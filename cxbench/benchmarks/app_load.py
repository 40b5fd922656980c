"""Load test of the comparison app: concurrent client sessions, p95 per interaction.

``python -m cxbench.benchmarks.app_load --db WAREHOUSE --sessions 10 --interactions N``
starts the app on a loopback port (as ``cxbench app`` does; with ``--preview-client
ORG_ID`` the server gets ``CXBENCH_PREVIEW_CLIENT``, so it serves that client's
view), warms it up with one visit of every client page, then lets ``--sessions``
simulated clients work at once. Each one opens a link, clicks through the menu and
changes sidebar choices (:mod:`cxbench.benchmarks.app_load_plan`), ``--interactions``
times or until ``--duration`` seconds have passed, thinking 0–``--think`` seconds
between interactions. Every interaction is timed from the request to the server's
"script finished" over Streamlit's websocket (:mod:`cxbench.benchmarks.app_stream`:
a protocol client, because ten browsers on two cores would measure themselves);
one that drew an exception or an error box, lacked its page title, or did not
finish counts as an error, not as a time.

Prints JSON (p50/p95/max per page, per kind and overall; errors; CPU used by the
server and by this client) on stdout, progress on stderr; ``--record`` appends a
section to ``docs/benchmarks.md`` (:mod:`cxbench.benchmarks.app_load_report`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from websockets.exceptions import WebSocketException

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from cxbench.benchmarks import app_load_plan as plan
from cxbench.benchmarks import app_load_report as report
from cxbench.benchmarks.app_stream import RunReport, StreamSession

PREVIEW_ENV = "CXBENCH_PREVIEW_CLIENT"


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
            if self.session is None or kind == "open":
                return await self._open(self.rng.choice(plan.CLIENT_PAGES))
            if kind == "navigate":
                page = self.rng.choice(
                    [p for p in plan.CLIENT_PAGES if p != plan.page_of_path(self.session.page)]
                )
                return self._checked(
                    "navigate", page, await self.session.navigate(plan.page_path(page))
                )
            return await self._choose()
        except (WebSocketException, OSError) as exc:
            self.session = None
            return Interaction(self.index, "?", kind, 0.0, f"connection: {exc!r}")

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


@contextmanager
def serving(db_path: Path, preview_client: str | None, log: Path) -> Iterator[tuple[str, int]]:
    """``streamlit run`` of the app on a free loopback port; yields its URL and process id."""
    env = app_env(db_path)
    if preview_client:
        env[PREVIEW_ENV] = preview_client
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("w") as output:
        process = subprocess.Popen(
            streamlit_command(port), env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        if not wait_until_healthy(url, process, timeout_s=60):
            raise RuntimeError(f"streamlit did not start:\n{log.read_text()[-3000:]}")
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(db_path: Path, scopes: list[plan.Scope], settings: LoadSettings,
        preview_client: str | None) -> dict[str, object]:  # fmt: skip
    """Start the app, load it, and summarise; the result printed as JSON."""
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cxbench-load-") as scratch:
        log = Path(scratch) / "streamlit.log"
        with serving(db_path, preview_client, log) as (url, pid):
            server_before, client_before = cpu_seconds(pid), _own_cpu_seconds()
            done, wall_s, warm_up_failures = asyncio.run(drive(url, scopes, settings))
            server_cpu = cpu_seconds(pid) - server_before
            client_cpu = _own_cpu_seconds() - client_before
        tracebacks = log.read_text().count("Traceback")
    return report.summarise(
        [(item.page, item.kind, item.seconds, item.failure) for item in done],
        settings=settings.__dict__,
        context={
            "db": str(db_path),
            "preview_client": preview_client,
            "wall_s": round(wall_s, 1),
            "warm_up_failures": warm_up_failures,
            "server_cpu_s": round(server_cpu, 1),
            "client_cpu_s": round(client_cpu, 1),
            "server_log_tracebacks": tracebacks,
            "cpus": os.cpu_count(),
            "load_before": [round(load, 1) for load in load_before],
            "load_after": [round(load, 1) for load in os.getloadavg()],
        },
    )


def main(argv: list[str] | None = None) -> int:
    """Command line entry: measure, print the JSON, record when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse the app serves")
    parser.add_argument("--sessions", type=int, default=10, help="concurrent client sessions")
    parser.add_argument("--interactions", type=int, default=30, help="interactions per session")
    parser.add_argument("--duration", type=float, default=120.0, help="stop after seconds")
    parser.add_argument("--think", type=float, default=0.5, help="max think time, seconds")
    parser.add_argument("--seed", type=int, default=16, help="seed of the clients' choices")
    parser.add_argument("--preview-client", metavar="ORG_ID", help="serve this client's view")
    parser.add_argument("--record", action="store_true", help="append to docs/benchmarks.md")
    args = parser.parse_args(argv)
    settings = LoadSettings(args.sessions, args.interactions, args.duration, args.think, args.seed)
    db_path = args.db.resolve()
    if not db_path.exists():
        parser.error(f"no warehouse at {db_path}")
    try:
        scopes = plan.read_scopes(db_path, args.preview_client)
    except ValueError as exc:
        parser.error(str(exc))
    result = run(db_path, scopes, settings, args.preview_client)
    result["command"] = "python -m cxbench.benchmarks.app_load " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    if args.record:
        report.record(result)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
