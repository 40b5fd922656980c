"""A load killed with SIGKILL leaves no trace of its batch; running it again loads it once.

A child process loads a large generated export and prints each step as it starts.
The parent kills it (SIGKILL: no cleanup, no rollback in Python) as soon as the
step named by the case begins, reopens the warehouse (DuckDB replays its WAL,
which holds only committed transactions) and checks that nothing of the batch is
there; then it loads the file again, fully, exactly once. The killed load's
scratch directory, which it could not remove, is removed by the next load.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from cxbench.generator import generate_world
from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping

ROWS = 100_000
CHILD = """
import sys, time
from pathlib import Path
from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
source, db, pause_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
def step(name):
    print(name, flush=True)
    if name == pause_at:
        time.sleep(60)
mapping = load_mapping(source.with_name(source.stem + ".mapping.yaml"))
load_survey_file(db, source, mapping, salt="kill", on_step=step)
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    world = tmp_path_factory.mktemp("sigkill") / "world"
    generate_world(world, evaluations=ROWS, waves=[2024], countries=["NL"], seed=13)
    return world / "survey" / "cx_NL_2024.csv"


def _kill_when(step: str, pause: bool, source: Path, db: Path, temp: Path) -> list[str]:
    """Run the child until it announces ``step``, then SIGKILL it; return the steps seen.

    With ``pause`` the child stops at that step: at "commit" every row is inserted
    and the transaction is open, the worst moment to die. ``temp``: the child's
    temporary directory.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(source), str(db), step if pause else ""],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "TMPDIR": str(temp)},
    )
    seen: list[str] = []
    assert child.stdout is not None
    for line in child.stdout:
        seen.append(line.strip())
        if seen[-1] == step:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, f"child ended on its own after {seen}"
    return seen


def _counts(db: Path) -> tuple[int, int, int]:
    with duckdb.connect(str(db)) as con:  # read-write: replays the WAL like a real restart
        tables = {name for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'raw'"
        ).fetchall()}  # fmt: skip
        if "load_batches" not in tables:
            return (0, 0, 0)
        return con.execute(
            "select (select count(*) from raw.load_batches), "
            "(select count(*) from raw.survey_evaluations), "
            "(select count(*) from raw.rejected_rows)"
        ).fetchall()[0]


@pytest.mark.parametrize(
    ("step", "pause"),
    [
        ("checking and inserting rows", False),
        ("checking keys", True),
        ("commit", True),
    ],
    ids=["while_inserting", "inserted_while_checking_keys", "everything_done_not_committed"],
)
def test_sigkill_mid_load_leaves_no_trace_and_rerun_loads_once(
    step: str, pause: bool, big_export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, temp = tmp_path / "wh.duckdb", tmp_path / "temp"
    temp.mkdir()
    seen = _kill_when(step, pause, big_export, db, temp)
    assert seen[-1] == step and "done" not in seen
    assert _counts(db) == (0, 0, 0)
    assert len(list(temp.glob("cxbench-read-*"))) == 1  # the kill left it behind
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    mapping = load_mapping(big_export.with_name(big_export.stem + ".mapping.yaml"))
    result = load_survey_file(db, big_export, mapping, salt="kill")
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", ROWS, 0)
    assert list(temp.iterdir()) == []
    again = load_survey_file(db, big_export, mapping, salt="kill")
    assert again.status == "skipped"
    assert _counts(db) == (1, ROWS, 0)
