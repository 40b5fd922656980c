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
import resource
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from cxbench.app_server import app_env, free_port, streamlit_command, wait_until_healthy
from cxbench.benchmarks import app_load_plan as plan
from cxbench.benchmarks import app_load_report as report
from cxbench.benchmarks.app_load_clients import LoadSettings, drive

PREVIEW_ENV = "CXBENCH_PREVIEW_CLIENT"


@contextmanager
def serving(db_path: Path, preview_client: str | None, log: Path) -> Iterator[tuple[str, int]]:
    """``streamlit run`` of the app on a free loopback port; yields its URL and process id.

    The server imports ``cxbench.app`` from this checkout (:func:`app_env`): ``streamlit
    run`` puts only the script's folder on the path, so otherwise the package would come
    from wherever the environment installed it (another worktree's files, mid-edit).
    """
    env = app_env(db_path)  # a checkout first on PYTHONPATH: see app_env
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
        preview_client: str | None, url: str | None = None) -> dict[str, object]:  # fmt: skip
    """Start the app (unless ``url`` names a running one), load it, and summarise."""
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="cxbench-load-") as scratch, ExitStack() as stack:
        log = Path(scratch) / "streamlit.log"
        pid = None
        if url is None:
            url, pid = stack.enter_context(serving(db_path, preview_client, log))
        server_before = cpu_seconds(pid) if pid else 0.0
        client_before = _own_cpu_seconds()
        done, wall_s, warm_up_failures = asyncio.run(drive(url, scopes, settings))
        server_cpu = round(cpu_seconds(pid) - server_before, 1) if pid else None
        client_cpu = _own_cpu_seconds() - client_before
        stack.close()
        tracebacks = log.read_text().count("Traceback") if pid else None
    return report.summarise(
        [(item.page, item.kind, item.seconds, item.failure) for item in done],
        settings=settings.__dict__,
        context={
            "db": str(db_path),
            "preview_client": preview_client,
            "url": url if pid is None else None,
            "wall_s": round(wall_s, 1),
            "warm_up_failures": warm_up_failures,
            "server_cpu_s": server_cpu,
            "server_cpu_ms_per_run": (
                round(server_cpu * 1000 / (len(done) + len(plan.CLIENT_PAGES)))
                if server_cpu is not None
                else None
            ),
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
    parser.add_argument(
        "--url", help="load an app already running there instead of starting one (same --db)"
    )
    args = parser.parse_args(argv)
    settings = LoadSettings(args.sessions, args.interactions, args.duration, args.think, args.seed)
    db_path = args.db.resolve()
    if not db_path.exists():
        parser.error(f"no warehouse at {db_path}")
    try:
        scopes = plan.read_scopes(db_path, args.preview_client)
    except ValueError as exc:
        parser.error(str(exc))
    result = run(db_path, scopes, settings, args.preview_client, args.url)
    result["command"] = "python -m cxbench.benchmarks.app_load " + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    if args.record:
        report.record(result)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
