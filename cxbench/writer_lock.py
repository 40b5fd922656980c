"""One writer at a time: the lock every command that writes a warehouse takes.

DuckDB lets one process write a file, and a refresh or publish writes a
*copy* that it later swaps in. Without one lock over all of them, an
``ingest`` into the served file while a refresh builds its copy would be
silently lost at the swap. So ``ingest``, ``retract``, ``build``, ``check``,
``refresh`` and ``publish`` all hold an exclusive ``flock`` on
``<warehouse>.lock`` while they work. The lock file says who holds it (pid,
command, since), so a second writer that gives up after a short wait can name
the holder. The kernel drops the lock when its process dies, so a killed
writer never leaves it held (the stale text left in the file is overwritten
by the next holder).

The lock is re-entrant within a process (``refresh`` holds it and calls code
that takes it again), because two ``flock`` calls on two opens of the same
file in one process would block each other.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

#: Seconds a second writer waits for the lock before giving up (``CXBENCH_LOCK_WAIT``).
DEFAULT_WAIT_SECONDS = 5.0
WAIT_ENV = "CXBENCH_LOCK_WAIT"
_POLL_SECONDS = 0.1

#: Lock files this process holds, with how many nested holds each has.
_held: dict[Path, int] = {}


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse's writer lock; the message names it."""


def lock_path(db_path: Path) -> Path:
    """The lock file of a warehouse: ``cxbench.duckdb`` → ``cxbench.duckdb.lock``."""
    return db_path.with_name(db_path.name + ".lock")


def wait_seconds() -> float:
    """How long to wait for a busy lock: ``CXBENCH_LOCK_WAIT`` or the default."""
    text = os.environ.get(WAIT_ENV, "")
    try:
        return max(float(text), 0.0) if text else DEFAULT_WAIT_SECONDS
    except ValueError:
        return DEFAULT_WAIT_SECONDS


@contextlib.contextmanager
def writer_lock(db_path: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold the warehouse's exclusive writer lock while the block runs.

    Waits up to ``wait`` seconds (default :func:`wait_seconds`) for another
    holder to finish, then raises :class:`WarehouseBusy` naming it.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(db_path).resolve()
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    with path.open("a+") as handle:
        _acquire(handle, db_path, wait_seconds() if wait is None else wait)
        handle.seek(0)
        handle.truncate()
        holder = {"pid": os.getpid(), "command": command, "since": _now()}
        handle.write(json.dumps(holder))
        handle.flush()
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _acquire(handle: object, db_path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # type: ignore[arg-type]
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WarehouseBusy(_busy_message(db_path, wait)) from None
            time.sleep(_POLL_SECONDS)


def holder_of(db_path: Path) -> dict[str, object] | None:
    """Who holds (or last held) the lock, as written in the lock file; None if unknown."""
    try:
        text = lock_path(db_path).read_text().strip()
    except OSError:
        return None
    if not text:
        return None
    try:
        holder = json.loads(text)
    except ValueError:
        return {"pid": text, "command": "unknown", "since": "unknown"}
    return holder if isinstance(holder, dict) else None


def _busy_message(db_path: Path, wait: float) -> str:
    holder = holder_of(db_path) or {}
    who = (
        f"`{holder.get('command', 'unknown')}` (pid {holder.get('pid', 'unknown')}, "
        f"since {holder.get('since', 'unknown')})"
        if holder
        else "another cxbench process"
    )
    return (
        f"{db_path} is being written by {who}; waited {wait:g} s for it. "
        "Run this again when it has finished (only one command writes a warehouse at a time)"
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
