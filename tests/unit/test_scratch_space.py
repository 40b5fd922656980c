"""Scratch directories of loads that were killed are removed by the next load; others stay."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cxbench.ingestion import scratch_space
from cxbench.ingestion.scratch_space import OWNER_FILE, PREFIX, scratch_directory

#: The process-id namespace an owner file of this process names.
NAMESPACE = scratch_space.process_namespace()


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary directory loads create their scratch directories in."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _left_behind(root: Path, name: str, owner: str | None, age_seconds: float = 0) -> Path:
    """A scratch directory as a load left it: a part inside, and maybe its owner file."""
    directory = root / f"{PREFIX}{name}"
    directory.mkdir()
    (directory / "part-0.csv").write_bytes(b"id\n1\n")
    if owner is not None:
        (directory / OWNER_FILE).write_text(owner)
    stamp = time.time() - age_seconds
    os.utime(directory, (stamp, stamp))
    return directory


def _ended_process_id() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_directory_whose_load_died_is_removed_by_the_next_load(temp_root: Path) -> None:
    dead = _left_behind(temp_root, "killed", f"{_ended_process_id()} 12345 {NAMESPACE}")
    with scratch_directory() as scratch:
        assert scratch.parent == temp_root and scratch.is_dir()
        assert not dead.exists()
    assert not scratch.exists()


def test_a_running_load_keeps_its_directory(temp_root: Path) -> None:
    # A second load starting meanwhile leaves the first one's directory alone.
    with scratch_directory() as running, scratch_directory() as other:
        assert running.is_dir() and other.is_dir()
        assert (running / OWNER_FILE).read_text().split()[0] == str(os.getpid())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="start times need /proc")
def test_a_process_id_used_again_by_a_later_process_does_not_keep_a_directory(
    temp_root: Path,
) -> None:
    # Our own id, but another start time: the load that wrote it has ended.
    reused = _left_behind(temp_root, "reused", f"{os.getpid()} 1 {NAMESPACE}")
    scratch_space.remove_abandoned(temp_root)
    assert not reused.exists()


def test_a_directory_without_owner_is_removed_only_when_old(temp_root: Path) -> None:
    young = _left_behind(temp_root, "being-created", None)
    old = _left_behind(temp_root, "old-version", None, scratch_space.UNOWNED_AFTER_SECONDS + 60)
    garbled = _left_behind(temp_root, "garbled", "", scratch_space.UNOWNED_AFTER_SECONDS + 60)
    removed = scratch_space.remove_abandoned(temp_root)
    assert young.exists()
    assert not old.exists() and not garbled.exists()
    assert sorted(removed) == sorted([old, garbled])


def test_other_temporary_files_are_left_alone(temp_root: Path) -> None:
    unrelated = temp_root / "someone-else"
    unrelated.mkdir()
    (unrelated / OWNER_FILE).write_text(f"{_ended_process_id()} 1 {NAMESPACE}")
    scratch_space.remove_abandoned(temp_root)
    assert unrelated.exists()


def test_a_directory_of_another_process_namespace_is_left_alone(temp_root: Path) -> None:
    """A container sharing the temporary directory: its process ids mean nothing here."""
    theirs = _left_behind(temp_root, "container", f"{_ended_process_id()} 1 pid:[1]")
    scratch_space.remove_abandoned(temp_root)
    assert theirs.exists()
