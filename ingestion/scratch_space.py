"""A load's scratch directory, and the ones that killed loads left behind.

A large CSV is copied into parts in a temporary directory of its load
(:mod:`cxbench.ingestion.readers.csv_parts`), as large as the file itself, plain
ids and comments included. The directory is removed when the load ends, however
it ends, except when the process is killed outright (SIGKILL, the out-of-memory
killer, a power cut): then the copy stayed in the temporary directory for good,
one more with every killed load. So a load holds an exclusive ``flock`` on an
owner file in its directory, which the kernel drops when the process dies, and
every load first removes the directories whose lock nobody holds. (A process id
could be taken by a later process, or belong to another container sharing the
directory; a lock cannot.)
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

PREFIX = "cxbench-read-"
#: A directory while its owner file is created and locked, so that no load sees
#: it unlocked (the glob for :data:`PREFIX` does not find it).
HIDDEN_PREFIX = "cxbench-new-"
OWNER_FILE = "owner"
#: A directory without a readable owner file (left by a version before owners) is
#: removed once it is this old.
UNOWNED_AFTER_SECONDS = 3600


@contextmanager
def scratch_directory() -> Iterator[Path]:
    """A new scratch directory for one load, removed afterwards; abandoned ones go first."""
    root = Path(tempfile.gettempdir())
    remove_abandoned(root)
    hidden = Path(tempfile.mkdtemp(prefix=HIDDEN_PREFIX, dir=root))
    path = root / (PREFIX + hidden.name.removeprefix(HIDDEN_PREFIX))
    try:
        with (hidden / OWNER_FILE).open("w") as owner:
            fcntl.flock(owner, fcntl.LOCK_EX)
            owner.write(f"pid {os.getpid()}\n")  # for a person looking; the lock is what counts
            owner.flush()
            hidden.rename(path)
            yield path
    finally:
        shutil.rmtree(path if path.exists() else hidden, ignore_errors=True)


def remove_abandoned(root: Path) -> list[Path]:
    """Remove the scratch directories under ``root`` that no running load holds."""
    removed = []
    for directory in root.glob(PREFIX + "*"):
        if directory.is_dir() and _abandoned(directory):
            shutil.rmtree(directory, ignore_errors=True)
            if not directory.exists():
                log.info("removed %s, left by a load that did not end", directory)
                removed.append(directory)
    return removed


def _abandoned(directory: Path) -> bool:
    """Whether no process holds the directory's owner lock."""
    try:
        with (directory / OWNER_FILE).open() as owner:
            fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
    except BlockingIOError:  # a running load holds it
        return False
    except OSError:  # no owner file, or another user's directory
        try:
            age = time.time() - directory.stat().st_mtime
        except OSError:
            return False
        return age > UNOWNED_AFTER_SECONDS
