"""Starting the Streamlit app as a server: one command line, one readiness probe.

``cxbench app``/``demo`` serve it in the foreground; the cold-start benchmark and the
browser tests start it in the background and wait until its health endpoint answers.
Keeping the command here means all three run the app the same way.

Whether a login is configured is read here too, from the files Streamlit reads its
secrets from, so that ``cxbench app`` can refuse a public address without one before
starting a server (the app refuses as well: :mod:`cxbench.app.auth`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from cxcore.auth_config import PREVIEW_ENV, is_loopback, login_problems, login_providers
from cxcore.settings import APP_DIR, CHECKOUT_ROOT

#: The app's entry script: ``<repo>/app/`` in a checkout, the installed ``cxbench/app/``.
APP_SCRIPT = APP_DIR / "streamlit_app.py"


def streamlit_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """``streamlit run`` of the app on ``address``:``port``, headless, without usage stats
    and without the developer menu or error tracebacks in the browser (clients use it:
    a traceback names server paths; the server's log keeps it whole).

    The default address is loopback: only an explicit ``--address`` exposes the app.
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT),
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer",
        "--client.showErrorDetails", "type",
        # measured under load (docs/benchmarks.md, "App under load"): a full garbage
        # collection after every run and a file watcher scanning every loaded module
        # for each new session cost more than half of a run's server time
        "--runner.postScriptGC", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip


def app_env(db_path: Path, preview_client: str | None = None) -> dict[str, str]:
    """The environment the app reads its warehouse path (and a preview's client) from.

    A ``CXBENCH_PREVIEW_CLIENT`` inherited from the caller's shell is dropped unless
    asked for: a leftover variable must not turn an analyst's app into a client's.
    ``streamlit run`` puts only ``app/`` on the path, so a checkout comes first
    on ``PYTHONPATH``: a server started from another checkout (a worktree, a test's
    clone) runs that checkout's code, not whichever ``app`` package is installed.
    Installed from a wheel the interpreter finds the package itself.
    """
    env = {key: value for key, value in os.environ.items() if key != PREVIEW_ENV}
    env["CXBENCH_DB"] = str(db_path)
    checkout = str(CHECKOUT_ROOT) if CHECKOUT_ROOT else None
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [checkout, env.get("PYTHONPATH")]))
    if preview_client is not None:
        env[PREVIEW_ENV] = preview_client
    return env


class SecretsFileError(ValueError):
    """A secrets file exists but is not valid TOML (Streamlit would ignore it)."""


def secrets_paths(cwd: Path | None = None, home: Path | None = None) -> list[Path]:
    """The files Streamlit reads ``secrets.toml`` from, later ones overriding earlier.

    Streamlit's ``secrets.files`` default: the user's ``~/.streamlit``, the working
    directory's ``.streamlit`` and the app script's folder's ``.streamlit``.
    """
    paths = [
        (home or Path.home()) / ".streamlit" / "secrets.toml",
        (cwd or Path.cwd()) / ".streamlit" / "secrets.toml",
        APP_SCRIPT.parent / ".streamlit" / "secrets.toml",
    ]
    return list(dict.fromkeys(paths))  # started from the home folder: one file, once


def read_secrets(paths: Iterable[Path]) -> dict[str, object]:
    """The secrets in ``paths`` merged as Streamlit merges them (later top-level keys win).

    Raises :class:`SecretsFileError` for a file that is not TOML.
    """
    merged: dict[str, object] = {}
    for path in paths:
        if not path.is_file():
            continue
        try:
            merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise SecretsFileError(f"{path} is not valid TOML: {error}") from None
    return merged


def auth_configured(paths: Iterable[Path]) -> bool:
    """True when the secrets in ``paths`` configure a provider ``st.login`` can use.

    A later file's top-level ``[auth]`` replaces an earlier one's, as in Streamlit.
    Raises :class:`SecretsFileError` for a file that is not TOML.
    """
    return bool(login_providers(read_secrets(paths)))


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


class ServingRefused(ValueError):
    """``cxbench app`` must not start as asked; the message says why and what to do."""


def check_serving(
    address: str,
    preview_client: str | None,
    db_path: Path,
    secrets_files: Iterable[Path] | None = None,
) -> str | None:
    """Refuse a server that would show the warehouse to someone not entitled to it.

    Without a login the app is an analyst's (or, previewing, a client's) view of the
    warehouse, so it may listen on loopback only; a public address needs an identity
    provider configured. Returns the previewed company's name (None without a
    preview); raises :class:`ServingRefused` otherwise.
    """
    if preview_client is not None:
        if not is_loopback(address):
            raise ServingRefused(
                f"--preview-client serves a client's view without a login, so on this "
                f"machine only: leave out --address (or use 127.0.0.1, ::1 or localhost), "
                f"got {address!r}."
            )
        return preview_company_name(db_path, preview_client)
    files = list(secrets_paths() if secrets_files is None else secrets_files)
    try:
        secrets = read_secrets(files)
    except SecretsFileError as error:
        raise ServingRefused(str(error)) from None
    problems = login_problems(secrets)
    if problems:
        raise ServingRefused(f"unsafe login settings in the secrets: {'; '.join(problems)}.")
    if is_loopback(address) or login_providers(secrets):
        return None
    looked_in = ", ".join(str(path) for path in files)
    raise ServingRefused(
        f"--address {address} would show the app to the network without a login. "
        "Configure an OpenID Connect provider in .streamlit/secrets.toml: [auth] with "
        "redirect_uri and cookie_secret, and client_id, client_secret and "
        "server_metadata_url (see docs/deployment.md and "
        f".streamlit/secrets.toml.example). Looked in: {looked_in}."
    )


def preview_company_name(db_path: Path, company_id: str) -> str:
    """The name of ``company_id`` in ``marts.dim_company``; ServingRefused if there is none.

    Read-only, so it can run beside an app already serving the warehouse.
    """
    import duckdb

    if not company_id.strip():
        raise ServingRefused("--preview-client needs a company id, got an empty one.")
    if not db_path.is_file():
        raise ServingRefused(
            f"no warehouse at {db_path}: build one first (cxbench demo, or ingest + build)."
        )
    try:
        with duckdb.connect(str(db_path), read_only=True) as connection:
            row = connection.execute(
                "select company_name from marts.dim_company where company_id = ?",
                [company_id],
            ).fetchone()
    except duckdb.Error as error:
        raise ServingRefused(f"cannot read marts.dim_company in {db_path}: {error}") from None
    if row is None:
        raise ServingRefused(
            f"--preview-client {company_id!r}: no company with that id in "
            f"marts.dim_company of {db_path} (ids are the brand_id of the survey exports)."
        )
    return str(row[0])
