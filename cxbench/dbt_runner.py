"""Run dbt against a warehouse file in a subprocess.

A subprocess, not ``dbtRunner``: the in-process runner keeps the DuckDB file
locked after it returns, and the next stage (checks, the app) must open it.
Target and log folders live beside the warehouse so that two warehouses (a test
and the demo, or a refresh build) never overwrite each other's artefacts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cxcore.settings import DBT_PROJECT_DIR


class DbtError(RuntimeError):
    """dbt exited non-zero; the message holds the tail of its output."""


@dataclass(frozen=True)
class DbtResult:
    """Outcome of one dbt command."""

    invocation_id: str | None
    n_nodes: int
    n_failed: int
    elapsed_seconds: float


def dbt_executable() -> str:
    """The dbt entry point installed in the same environment as this interpreter."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    command: list[str],
    db_path: Path,
    on_line: Callable[[str], None] | None = None,
) -> DbtResult:
    """Run ``dbt <command>`` for ``db_path``; stream output lines to ``on_line``."""
    artefacts = db_path.parent / "dbt"
    env = {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_TARGET_PATH": str(artefacts / "target"),
        "DBT_LOG_PATH": str(artefacts / "logs"),
    }
    args = [dbt_executable(), *command, "--project-dir", str(DBT_PROJECT_DIR)]
    lines: list[str] = []
    with subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            if on_line:
                on_line(line.rstrip())
    if process.returncode != 0:
        tail = "\n".join(lines[-40:])
        raise DbtError(f"dbt {' '.join(command)} failed (exit {process.returncode}):\n{tail}")
    return _read_run_results(artefacts / "target" / "run_results.json")


def _read_run_results(path: Path) -> DbtResult:
    if not path.exists():
        return DbtResult(None, 0, 0, 0.0)
    document = json.loads(path.read_text())
    results = document.get("results", [])
    failed = sum(1 for result in results if result.get("status") in {"error", "fail"})
    return DbtResult(
        invocation_id=document.get("metadata", {}).get("invocation_id"),
        n_nodes=len(results),
        n_failed=failed,
        elapsed_seconds=float(document.get("elapsed_time", 0.0)),
    )
