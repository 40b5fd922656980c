"""Scratch directories of loads that were killed are removed by the next load; others stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cxbench.ingestion import scratch_space
from cxbench.ingestion.scratch_space import OWNER_FILE, PREFIX, scratch_directory

#: A load in another process: prints its scratch directory, then waits to be killed.
HOLDER = """
import sys, tempfile, time
from cxbench.ingestion.scratch_space import scratch_directory
tempfile.tempdir = sys.argv[1]
with scratch_directory() as scratch:
    print(scratch, flush=True)
    time.sleep(60)
"""


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary directory loads create their scratch directories in."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _left_behind(root: Path, name: str, owner: bool, age_seconds: float = 0) -> Path:
    """A scratch directory as a load left it: a part inside, and maybe its (unlocked) owner file."""
    directory = root / f"{PREFIX}{name}"
    directory.mkdir()
    (directory / "part-0.csv").write_bytes(b"id\n1\n")
    if owner:
        (directory / OWNER_FILE).write_text("pid 1\n")
    stamp = time.time() - age_seconds
    os.utime(directory, (stamp, stamp))
    return directory


def test_a_load_in_another_process_keeps_its_directory_until_it_is_killed(
    temp_root: Path,
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(temp_root)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert holder.stdout is not None
    scratch = Path(holder.stdout.readline().strip())
    try:
        assert scratch.is_dir()
        assert scratch_space.remove_abandoned(temp_root) == []
        assert scratch.is_dir()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert scratch.is_dir()  # no cleanup ran in the killed process
    assert scratch_space.remove_abandoned(temp_root) == [scratch]


def test_the_next_load_removes_a_directory_nobody_holds(temp_root: Path) -> None:
    dead = _left_behind(temp_root, "killed", owner=True)
    with scratch_directory() as scratch:
        assert scratch.parent == temp_root and scratch.name.startswith(PREFIX)
        assert not dead.exists()
    assert not scratch.exists()


def test_a_running_load_keeps_its_directory(temp_root: Path) -> None:
    # A second load starting meanwhile in the same process leaves the first one's alone.
    with scratch_directory() as running, scratch_directory() as other:
        assert running.is_dir() and other.is_dir()
        assert (running / OWNER_FILE).read_text() == f"pid {os.getpid()}\n"


def test_a_directory_without_owner_is_removed_only_when_old(temp_root: Path) -> None:
    young = _left_behind(temp_root, "young", owner=False)
    old = _left_behind(
        temp_root, "old", owner=False, age_seconds=scratch_space.UNOWNED_AFTER_SECONDS + 60
    )
    assert scratch_space.remove_abandoned(temp_root) == [old]
    assert young.exists() and not old.exists()


def test_other_temporary_files_are_left_alone(temp_root: Path) -> None:
    unrelated = temp_root / "someone-else"
    unrelated.mkdir()
    (unrelated / OWNER_FILE).write_text("pid 1\n")
    scratch_space.remove_abandoned(temp_root)
    assert unrelated.exists()
