"""Starting the Streamlit app as a local server: one command line, one readiness probe.

``cxbench app``/``demo`` serve it in the foreground; the cold-start benchmark and the
browser tests start it in the background and wait until its health endpoint answers.
Keeping the command here means all three run the app the same way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cxcore.settings import REPO_ROOT

APP_SCRIPT = REPO_ROOT / "app" / "streamlit_app.py"


def streamlit_command(port: int) -> list[str]:
    """``streamlit run`` of the app on a loopback port, headless, without usage stats."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def app_env(db_path: Path) -> dict[str, str]:
    """The environment the app reads its warehouse path from."""
    return {**os.environ, "CXBENCH_DB": str(db_path)}


def free_port() -> int:
    """A loopback port nobody listens on, so a started server never collides."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout_s: float) -> bool:
    """Poll the server's health endpoint; False when it died or did not answer in time."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                return False
            time.sleep(0.05)
