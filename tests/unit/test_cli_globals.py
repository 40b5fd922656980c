"""Global options: ``python -m cxbench``, ``--version``, ``-v``/``--log-level``."""

from __future__ import annotations

import logging
import subprocess
import sys
from importlib.metadata import version

import pytest
import typer
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.cli_globals import HANDLER_NAME, level_for, register

PROBE = "probe step done"


def _probe_app() -> typer.Typer:
    """A CLI with the real global options and one command that logs like ours do.

    (A real command that logs, e.g. ``generate``, takes seconds; the wheel test runs
    ``cxbench -v demo`` end to end.)
    """
    probe = typer.Typer()
    register(probe)

    @probe.command()
    def step() -> None:
        logging.getLogger("cxbench.probe").info(PROBE)
        logging.getLogger("cxbench.probe").debug("probe detail")

    @probe.command()
    def other() -> None:  # two commands: the probe app is a group, as cxbench is
        pass

    return probe


def _run(*options: str) -> tuple[int, str]:
    """Run ``[options] step``; its exit code and stderr."""
    result = CliRunner().invoke(_probe_app(), [*options, "step"])
    return result.exit_code, result.stderr


def test_python_dash_m_cxbench_prints_the_installed_version() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "cxbench", "--version"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"cxbench {version('cxbench')}"


def test_info_lines_hidden_by_default_and_shown_on_stderr_with_v() -> None:
    code, stderr = _run()
    assert code == 0
    assert PROBE not in stderr
    code, stderr = _run("-v")
    assert code == 0
    assert PROBE in stderr
    assert "INFO" in stderr
    assert "probe detail" not in stderr


def test_vv_shows_debug_lines_but_not_other_libraries_debug() -> None:
    code, stderr = _run("-vv")
    assert code == 0
    assert "probe detail" in stderr
    assert logging.getLogger("urllib3").getEffectiveLevel() == logging.WARNING


def test_log_level_option_overrides_v() -> None:
    code, stderr = _run("-v", "--log-level", "error")
    assert code == 0
    assert PROBE not in stderr
    code, stderr = _run("--log-level", "DEBUG")
    assert "probe detail" in stderr


def test_repeated_runs_install_one_handler() -> None:
    for _ in range(2):
        _run("-v")
    ours = [h for h in logging.getLogger().handlers if h.get_name() == HANDLER_NAME]
    assert len(ours) == 1


def test_unknown_log_level_is_bad_input_on_the_real_command() -> None:
    result = CliRunner().invoke(app, ["--log-level", "chatty", "sql", "select 1"])
    assert result.exit_code == 2
    assert "--log-level must be one of" in result.output


def test_version_option_on_the_real_command() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"cxbench {version('cxbench')}"


@pytest.mark.parametrize(
    ("verbose", "option", "expected"),
    [
        (0, None, logging.WARNING),
        (1, None, logging.INFO),
        (2, None, logging.DEBUG),
        (3, None, logging.DEBUG),
        (2, "warning", logging.WARNING),
    ],
)
def test_level_from_v_count_and_option(verbose: int, option: str | None, expected: int) -> None:
    assert level_for(verbose, option) == expected
