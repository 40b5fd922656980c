"""Replacing the served warehouse without ever writing it: stage, then swap.

DuckDB allows one writing process and no readers while it writes, and the app
reads the served file at any time. So every change a researcher makes to a
served warehouse (a refresh, a publication) is made to a *copy* in a staging
folder beside it, and the finished copy replaces the served file with one
``os.replace`` — atomic on POSIX: a reader opening the path gets the old file
or the new one, never a half-written one, and a reader that already has the
old file open keeps reading it. Killing the writer at any point leaves the
served file as it was; its staging folder is cleared by the next writer.

Writers are serialised by the warehouse's writer lock (:mod:`cxbench.writer_lock`),
which every writing command takes: two refreshes (or a refresh and an ingest)
working on the same served file would otherwise each leave a file without the
other's change. And the swap checks, as a last line, that the served file is
still the one the copy was taken from (:class:`ServedStamp`): a process that
wrote it meanwhile without the lock makes the swap refuse, so its change is
never silently replaced.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from cxbench.writer_lock import WarehouseBusy, lock_path, writer_lock
from cxcore.storage import STORAGE_VERSION, connect_writable, copy_compatible, is_compatible

log = logging.getLogger(__name__)

STAGING_DIR_NAME = ".staging"
ARTEFACT_FILES = ("run_results.json", "manifest.json")


__all__ = [
    "ServedChanged",
    "ServedStamp",
    "WarehouseBusy",
    "copy_served",
    "finish_staged",
    "lock_path",
    "new_staging_dir",
    "remove_staging",
    "swap_in",
    "writer_lock",
]


class ServedChanged(RuntimeError):
    """The served file changed after the staged copy was taken; the swap was refused."""


@dataclass(frozen=True)
class ServedStamp:
    """What identifies the served file's contents cheaply: inode, size, modification time.

    Any write to a DuckDB file that reaches it (a checkpoint, which closing a
    connection does) changes its size or mtime; a write still in progress
    leaves a ``.wal`` beside it.
    """

    inode: int
    size: int
    mtime_ns: int
    has_wal: bool


def served_stamp(db_path: Path) -> ServedStamp | None:
    """The served file's stamp now; None when there is no served file."""
    try:
        stat = db_path.stat()
    except FileNotFoundError:
        return None
    return ServedStamp(stat.st_ino, stat.st_size, stat.st_mtime_ns, served_wal(db_path).exists())


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


def copy_served(db_path: Path, staged: Path) -> ServedStamp | None:
    """Copy the served warehouse to ``staged``; its stamp, for :func:`swap_in`, or None.

    A served file in a newer storage format than :data:`cxcore.storage.STORAGE_VERSION`
    (created before the project pinned it) is converted on the way, so the next
    publication, refresh or access change makes it readable by DuckDB 1.x.

    None when there is no served file yet. Refused when the served file has a
    write-ahead log: some process is writing it directly or crashed while doing
    so, and a copy of the file alone would miss committed changes. Refused too
    when the file changed while it was being copied.
    """
    before = served_stamp(db_path)
    if before is None:
        return None
    if before.has_wal:
        raise WarehouseBusy(
            f"{served_wal(db_path)} exists: a process is writing {db_path} directly "
            "(or crashed doing so); let it finish, or open the file once to replay the log"
        )
    if _opens_as_compatible(db_path):
        shutil.copyfile(db_path, staged)  # a byte copy keeps the file's storage version
    else:  # created in a newer format than DuckDB 1.x reads: the staged copy converts it
        log.info("%s: converting to storage version %s", db_path, STORAGE_VERSION)
        copy_compatible(db_path, staged)
    if served_stamp(db_path) != before:
        raise ServedChanged(f"{db_path} changed while it was being copied; run this again")
    return before


def _opens_as_compatible(db_path: Path) -> bool:
    """Whether a byte copy will do; True too for a file DuckDB cannot open, which then
    fails where it always did (the staged copy's first connection), with its own message."""
    try:
        return is_compatible(db_path)
    except duckdb.Error:
        return True


def finish_staged(staged: Path) -> None:
    """Checkpoint the staged file so it is complete on its own (no .wal), then fsync it."""
    with connect_writable(staged) as connection:
        connection.execute("checkpoint")
    if served_wal(staged).exists():
        raise RuntimeError(f"{staged} still has a write-ahead log after checkpoint")
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())


def swap_in(staged: Path, db_path: Path, copied: ServedStamp | None) -> None:
    """Atomically make ``staged`` the served warehouse, and its dbt artefacts the served ones.

    ``copied`` is the stamp :func:`copy_served` returned: when the served file
    is no longer that file (something wrote it since the copy was taken, e.g.
    an ingest by a process that did not take the writer lock), the swap is
    refused with :class:`ServedChanged` and nothing is replaced — the other
    change is kept, and this one can be made again on a fresh copy.

    The artefacts (which build the file holds, read by the publication gate)
    move first: killed in between, the served file is the old one while the
    artefacts name the new build, which the old file has no quality run for —
    so the gate refuses rather than vouching for the wrong build.
    """
    now = served_stamp(db_path)
    if now != copied:
        raise ServedChanged(
            f"{db_path} changed after the staged copy was taken ({_what_changed(copied, now)}); "
            "not swapping, so that change is not lost — nothing was replaced. "
            "Run this again: it starts from a copy of the file as it is now"
        )
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


def _what_changed(copied: ServedStamp | None, now: ServedStamp | None) -> str:
    if copied is None:
        return "it did not exist then and does now"
    if now is None:
        return "it was removed"
    if now.has_wal:
        return "a process is writing it now"
    return "another process wrote it"


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
