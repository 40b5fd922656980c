"""A load's scratch directory, and the ones that killed loads left behind.

A large CSV is copied into parts in a temporary directory of its load
(:mod:`cxbench.ingestion.readers.csv_parts`), as large as the file itself. The
directory is removed when the load ends, however it ends, except when the
process is killed outright (SIGKILL, the out-of-memory killer, a power cut):
then the copy stayed in the temporary directory for good, one more with every
killed load. So each scratch directory names its owner (process id, start
time and process-id namespace) in a file, and a load first removes the
directories whose owner is gone. A directory of another namespace (a container
sharing the temporary directory) is left alone: its process ids are not ours to
look up.
"""

from __future__ import annotations

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
OWNER_FILE = "owner"
#: A directory without a readable owner is removed only once it is this old: a
#: load may be creating it right now, or a version before owners left it.
UNOWNED_AFTER_SECONDS = 3600


@contextmanager
def scratch_directory() -> Iterator[Path]:
    """A new scratch directory for one load, removed afterwards; abandoned ones go first."""
    root = Path(tempfile.gettempdir())
    remove_abandoned(root)
    with tempfile.TemporaryDirectory(prefix=PREFIX, dir=root) as name:
        path = Path(name)
        (path / OWNER_FILE).write_text(_owner(os.getpid()))
        yield path


def remove_abandoned(root: Path) -> list[Path]:
    """Remove the scratch directories under ``root`` whose owning process is gone."""
    removed = []
    for directory in root.glob(PREFIX + "*"):
        try:
            owner = (directory / OWNER_FILE).read_text()
            abandoned = not _is_running(owner)
        except (OSError, ValueError):  # no owner (yet), or another user's directory
            abandoned = _age_seconds(directory) > UNOWNED_AFTER_SECONDS
        if abandoned and directory.is_dir():
            shutil.rmtree(directory, ignore_errors=True)
            if not directory.exists():
                log.info("removed %s, left by a load that did not end", directory)
                removed.append(directory)
    return removed


def _owner(pid: int) -> str:
    """``"<pid> <start> <namespace>"``: the start time tells the process from a later one
    given the same id."""
    return f"{pid} {_started(pid) or '-'} {process_namespace()}"


def _is_running(owner: str) -> bool:
    """Whether the process an owner file names still runs (ValueError: not an owner)."""
    pid_text, started, namespace = owner.split()
    if namespace != process_namespace():
        return True  # another container's process: we cannot tell, so it runs
    pid = int(pid_text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it runs
        return True
    return started == "-" or _started(pid) in (None, started)


def _started(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (Linux); None elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The fields after the command name, which may hold spaces, in parentheses:
    # the start time is field 22 of the line, the 20th after the name.
    return stat.rsplit(")", 1)[1].split()[19]


def process_namespace() -> str:
    """This process's process-id namespace (Linux), ``-`` where there is none to read."""
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return "-"


def _age_seconds(directory: Path) -> float:
    try:
        return time.time() - directory.stat().st_mtime
    except OSError:
        return 0.0
