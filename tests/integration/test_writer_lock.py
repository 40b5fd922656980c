"""One writer at a time: every writing command takes the same lock; the swap never loses a write.

Exit codes and messages through the real CLI (a subprocess per command); the
lock is held by another real process, as it would be by a running refresh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from cxbench.publication.refresh import RefreshFailed, refresh_wave
from cxbench.publication.swap import ServedChanged, copy_served, swap_in
from cxbench.writer_lock import holder_of, writer_lock
from cxcore.settings import load_settings
from tests.conftest import DemoWarehouse
from tests.fixtures.history import cli_env, cxbench, query
from tests.integration.test_correctable_loads import CLEAN_ROWS
from tests.integration.test_ingest import MAPPING

HOLDER = """
import sys, time
from pathlib import Path
from cxbench.writer_lock import writer_lock
with writer_lock(Path(sys.argv[1]), sys.argv[2], wait=0):
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
"""
HOLDING_COMMAND = "cxbench refresh --wave 2025"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "export.csv").write_text(CLEAN_ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    return {**cli_env(tmp_path / "wh" / "cxbench.duckdb", tmp_path / "gen"), "COLUMNS": "1000"}


def _hold(db_path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the warehouse's writer lock for ``seconds``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), HOLDING_COMMAND, str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "{folder}/export.csv"],
        ["retract", "survey-0000"],
        ["build"],
        ["check"],
        ["refresh", "--wave", "2025", "--input", "{folder}"],
        ["publish", "--wave", "2025"],
    ],
    ids=lambda args: args[0],
)
def test_a_second_writer_exits_two_naming_who_holds_the_lock(
    env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    db_path = Path(env["CXBENCH_DB"])
    holder = _hold(db_path, 60)
    try:
        started = time.monotonic()
        result = cxbench(
            {**env, "CXBENCH_LOCK_WAIT": "1"},
            *(arg.format(folder=tmp_path) for arg in args),
            check=False,
        )
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"is being written by `{HOLDING_COMMAND}` (pid {holder.pid}, since " in result.stdout
    assert "waited 1 s" in result.stdout and "Traceback" not in result.stderr
    assert waited >= 1
    assert not db_path.exists() or query(db_path, "select count(*) from raw.load_batches") == [(0,)]


def test_a_second_writer_waits_for_a_short_holder_then_runs(env: dict[str, str]) -> None:
    db_path = Path(env["CXBENCH_DB"])
    holder = _hold(db_path, 1)
    folder = db_path.parent.parent
    result = cxbench({**env, "CXBENCH_LOCK_WAIT": "30"}, "ingest", str(folder / "export.csv"))
    holder.wait()
    assert "7 = 7 + 0" in result.stdout
    assert holder_of(db_path) is None  # released: the lock file no longer names a holder


def test_a_killed_holder_leaves_no_lock_behind(env: dict[str, str]) -> None:
    db_path = Path(env["CXBENCH_DB"])
    holder = _hold(db_path, 60)
    holder.kill()
    holder.wait()
    folder = db_path.parent.parent
    result = cxbench({**env, "CXBENCH_LOCK_WAIT": "0"}, "ingest", str(folder / "export.csv"))
    assert "7 = 7 + 0" in result.stdout


def test_the_swap_refuses_when_the_served_file_changed_after_the_copy(tmp_path: Path) -> None:
    served, staged = tmp_path / "cxbench.duckdb", tmp_path / "staged.duckdb"
    with duckdb.connect(str(served)) as connection:
        connection.execute("create table loads as select 1 as n")
    copied = copy_served(served, staged)
    with duckdb.connect(str(served)) as connection:  # a writer that did not take the lock
        connection.execute("insert into loads values (2)")

    with pytest.raises(ServedChanged, match="changed after the staged copy was taken"):
        swap_in(staged, served, copied)

    assert query(served, "select n from loads order by n") == [(1,), (2,)]
    assert staged.exists()  # not swapped in


def test_the_swap_refuses_a_served_file_created_after_the_copy(tmp_path: Path) -> None:
    served, staged = tmp_path / "cxbench.duckdb", tmp_path / "staged.duckdb"
    assert copy_served(served, staged) is None
    duckdb.connect(str(staged)).close()
    duckdb.connect(str(served)).close()
    with pytest.raises(ServedChanged, match="did not exist then"):
        swap_in(staged, served, None)


@pytest.fixture
def served_demo(demo_warehouse: DemoWarehouse, tmp_path: Path) -> Path:
    """A private copy of the demo warehouse folder (file and dbt artefacts)."""
    target = tmp_path / "warehouse"
    shutil.copytree(demo_warehouse.db_path.parent, target)
    return target / demo_warehouse.db_path.name


@pytest.mark.slow
def test_an_ingest_during_a_refresh_is_refused_never_lost(
    served_demo: Path, demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    env = {**cli_env(served_demo, tmp_path / "gen"), "CXBENCH_SALT": "test-salt"}
    env["COLUMNS"] = "1000"
    (tmp_path / "export.csv").write_text(CLEAN_ROWS)
    (tmp_path / "export.mapping.yaml").write_text(MAPPING)
    refresh = subprocess.Popen(
        [sys.executable, "-m", "cxbench.cli", "refresh", "--wave", "2025",
         "--input", str(demo_warehouse.world_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while "cxbench refresh" not in str((holder_of(served_demo) or {}).get("command")):
        assert time.monotonic() < deadline and refresh.poll() is None, "refresh never held it"
        time.sleep(0.05)

    during = cxbench({**env, "CXBENCH_LOCK_WAIT": "0"}, "ingest", str(tmp_path / "export.csv"),
                     check=False)  # fmt: skip
    output, _ = refresh.communicate(timeout=600)

    assert during.returncode == 2 and "cxbench refresh --wave 2025" in during.stdout
    assert refresh.returncode == 0, output[-3000:]
    # told to retry, the ingest loads into the refreshed warehouse and stays there
    cxbench(env, "ingest", str(tmp_path / "export.csv"))
    assert query(served_demo, "select count(*) from raw.load_batches where study_id = ?",
                 ["test-study"]) == [(1,)]  # fmt: skip


@pytest.mark.slow
def test_a_refresh_whose_served_file_was_written_meanwhile_refuses_to_swap(
    served_demo: Path, demo_warehouse: DemoWarehouse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_SALT", "test-salt")

    def write_behind_the_lock(stage: str) -> None:
        if stage == "gate":  # e.g. an older cxbench ingesting without the lock
            with duckdb.connect(str(served_demo)) as connection:
                connection.execute("create table raw.written_meanwhile as select 1 as n")

    with pytest.raises(RefreshFailed) as failed:
        refresh_wave(
            load_settings(served_demo), 2025, demo_warehouse.world_dir,
            on_stage=write_behind_the_lock,
        )  # fmt: skip

    assert failed.value.stage == "swap" and failed.value.exit_code == 2
    assert "changed after the staged copy was taken" in str(failed.value)
    assert query(served_demo, "select n from raw.written_meanwhile") == [(1,)]
    assert not (served_demo.parent / ".staging").exists()


def test_the_lock_is_reentrant_within_a_process_and_names_the_outer_holder(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "cxbench.duckdb"
    with writer_lock(db_path, "cxbench refresh --wave 2025", wait=0):
        with writer_lock(db_path, "cxbench ingest", wait=0):  # would block on a second flock
            assert holder_of(db_path)["command"] == "cxbench refresh --wave 2025"
        assert holder_of(db_path)["pid"] == os.getpid()  # still held by the outer block
    assert holder_of(db_path) is None
