"""Replacing the served warehouse without ever writing it: stage, then swap.

DuckDB allows one writing process and no readers while it writes, and the app
reads the served file at any time. So every change a researcher makes to a
served warehouse (a refresh, a publication) is made to a *copy* in a staging
folder beside it, and the finished copy replaces the served file with one
``os.replace`` — atomic on POSIX: a reader opening the path gets the old file
or the new one, never a half-written one, and a reader that already has the
old file open keeps reading it. Killing the writer at any point leaves the
served file as it was; its staging folder is cleared by the next writer.

Writers are serialised by an exclusive ``flock`` on ``<warehouse>.lock``: two
refreshes (or a refresh and a publish) copying the same served file would
otherwise each swap in a file without the other's change. The kernel drops the
lock when its process dies, so a killed writer never leaves it held.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

STAGING_DIR_NAME = ".staging"
ARTEFACT_FILES = ("run_results.json", "manifest.json")


class WarehouseBusy(RuntimeError):
    """Another refresh or publish holds the warehouse's writer lock."""


def lock_path(db_path: Path) -> Path:
    """The lock file of a warehouse: ``cxbench.duckdb`` → ``cxbench.duckdb.lock``."""
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """Hold the warehouse's exclusive writer lock, or raise :class:`WarehouseBusy` at once."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    path = lock_path(db_path)
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseBusy(
                f"another refresh or publish (pid {holder}) is writing {db_path}; "
                "wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def staging_root(db_path: Path) -> Path:
    """Where staged copies live: beside the served file, so os.replace stays on one disk."""
    return db_path.parent / STAGING_DIR_NAME


def new_staging_dir(db_path: Path, label: str) -> Path:
    """A fresh staging folder for one writer; leftovers of killed writers are removed first.

    Called with the writer lock held, so no other writer is using any of them.
    The folder's name is the same every time (``.staging/<label>``), so dbt sees
    the same warehouse path from one refresh to the next and can reuse its
    parse of the project (cxbench.publication.refresh keeps that cache).
    """
    root = staging_root(db_path)
    if root.exists():
        shutil.rmtree(root)
    folder = root / label
    folder.mkdir(parents=True)
    return folder


def served_wal(db_path: Path) -> Path:
    """DuckDB's write-ahead log of a file: present while a writer has it open (or crashed)."""
    return db_path.with_name(db_path.name + ".wal")


def copy_served(db_path: Path, staged: Path) -> bool:
    """Copy the served warehouse to ``staged``; False when there is none yet.

    Refused when the served file has a write-ahead log: some process is writing
    it directly (``cxbench ingest``/``build``) or crashed while doing so, and a
    copy of the file alone would miss committed changes.
    """
    if not db_path.exists():
        return False
    if served_wal(db_path).exists():
        raise WarehouseBusy(
            f"{served_wal(db_path)} exists: a process is writing {db_path} directly "
            "(or crashed doing so); let it finish, or open the file once to replay the log"
        )
    shutil.copyfile(db_path, staged)
    return True


def finish_staged(staged: Path) -> None:
    """Checkpoint the staged file so it is complete on its own (no .wal), then fsync it."""
    with duckdb.connect(str(staged)) as connection:
        connection.execute("checkpoint")
    if served_wal(staged).exists():
        raise RuntimeError(f"{staged} still has a write-ahead log after checkpoint")
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())


def swap_in(staged: Path, db_path: Path) -> None:
    """Atomically make ``staged`` the served warehouse, and its dbt artefacts the served ones.

    The artefacts (which build the file holds, read by the publication gate)
    move first: killed in between, the served file is the old one while the
    artefacts name the new build, which the old file has no quality run for —
    so the gate refuses rather than vouching for the wrong build.
    """
    staged_target = staged.parent / "dbt" / "target"
    served_target = db_path.parent / "dbt" / "target"
    served_target.mkdir(parents=True, exist_ok=True)
    for name in ARTEFACT_FILES:
        if (staged_target / name).exists():
            os.replace(staged_target / name, served_target / name)
    os.replace(staged, db_path)
    _fsync_dir(db_path.parent)


def remove_staging(folder: Path) -> None:
    """Remove one writer's staging folder (its copy was swapped in or is abandoned)."""
    shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(OSError):
        folder.parent.rmdir()  # only when empty


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
