"""``cxbench bench`` prints JSON on stdout and its progress bar on stderr.

``cxbench bench > result.json`` must give a file ``json.load`` reads. The real
stages take minutes, so each child process is replaced by a stand-in that
reports a timing (and creates the warehouse file the summary measures); the
progress bar, the summary and the printing are the real ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxbench.benchmarks import stages


def _stage(stage: str, command: list[str], env: dict[str, str], log: Path) -> stages.StageTiming:
    Path(env["CXBENCH_DB"]).write_bytes(b"\0" * 2**20)
    print(f"child output of {stage}")  # a stray print must not reach stdout either
    return stages.StageTiming(stage, 2.0, 1.5, 64.0)


@pytest.mark.parametrize("terminal", [True, False], ids=["stderr a terminal", "stderr a file"])
def test_stdout_is_the_json_and_the_progress_bar_is_on_stderr(
    terminal: bool, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(stages, "run_stage", _stage)
    monkeypatch.setattr(stages, "run_dbt", lambda command, db_path, on_line=None: None)
    monkeypatch.setattr(stages, "build_nodes", lambda db_path: 130)
    # Rich draws a live bar (and takes over sys.stdout) only on a terminal
    monkeypatch.setattr(stages.err_console, "_force_terminal", terminal)

    result = stages.run_benchmark(evaluations=1_000, seed=1, record=False)

    out, err = capfd.readouterr()
    assert json.loads(out) == result
    assert result["dbt_nodes"] == 130 and result["ratio"] == 3.0
    assert [stage["stage"] for stage in result["stages"]] == list(stages.stage_commands(
        Path("w"), Path("f"), 1, 1
    ))  # fmt: skip
    assert "bench: check" in err and "5/5" in err
    assert "child output of build" in err
