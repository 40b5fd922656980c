"""Run dbt against a warehouse file in a subprocess.

A subprocess, not ``dbtRunner``: the in-process runner keeps the DuckDB file
locked after it returns, and the next stage (checks, the app) must open it.
Target and log folders live beside the warehouse so that two warehouses (a test
and the demo, or a refresh build) never overwrite each other's artefacts.

Parsing the project is most of dbt's fixed cost (about 3 s of CPU on a 2-core
machine), so every build of this project shares one partial-parse state
(:data:`PARSE_CACHE`): it is copied into the warehouse's target folder before
dbt starts and back after a successful run. dbt checks the state against the
project files, variables and profile and parses again whenever anything
differs, so a stale copy costs time, never correctness. Installed from a wheel
the project sits in ``site-packages``, which may be read-only and is no place for
run artefacts: nothing is written there (no shared state; each warehouse's target
folder keeps its own). The profile's
connection settings are part of that check, the warehouse path included; dbt
therefore runs in the warehouse's folder with ``CXBENCH_DB`` set to the bare
file name, which is the same for every warehouse called ``cxbench.duckdb``.

Commands that only read (``docs generate``, ``source freshness``) run on the
profile's ``read_only`` target: DuckDB opens the file read-only, so they run
beside the app and other readers and never take the one writer's place. Their
connection settings differ, so they keep a parse state of their own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cxbench.dbt_results import NodeProblem, read_problems, report_lines
from cxcore import storage
from cxcore.settings import CHECKOUT_ROOT, DBT_PROJECT_DIR

#: The partial-parse state shared by every warehouse built from this project
#: (beside dbt's own target folder, which is ignored by git); none when installed.
PARSE_CACHE = (
    DBT_PROJECT_DIR / "target" / "cxbench_partial_parse.msgpack" if CHECKOUT_ROOT else None
)
#: The profile target (profiles.yml) that opens the warehouse read-only.
READ_ONLY_TARGET = "read_only"
#: dbt's own name for that state inside a target folder.
PARSE_FILE = "partial_parse.msgpack"
#: dbt.log level: ``info`` keeps every node's start, result and timing; ``debug``
#: (dbt's default) adds ~1.7 MB of SQL and adapter chatter per build.
FILE_LOG_LEVEL = "info"


class DbtError(RuntimeError):
    """dbt exited non-zero.

    The message names each failing model or test with the database's own error
    (from ``run_results.json``) and a few of a failing test's rows; only when
    dbt stopped before running any node (a parse or connection error) is it the
    tail of dbt's output. ``problems`` holds the failing nodes themselves.
    """

    def __init__(self, message: str, problems: tuple[NodeProblem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Engine:
    """A profile target that dbt runs on through a launcher of its own (not DuckDB)."""

    #: The profiles.yml target.
    target: str
    #: The command that stands for ``dbt`` (its arguments follow).
    launcher: tuple[str, ...]
    #: Environment the launcher needs beside dbt's own.
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DbtResult:
    """Outcome of one dbt command."""

    invocation_id: str | None
    n_nodes: int
    n_failed: int
    elapsed_seconds: float
    #: Nodes that warned (a build that succeeded has no errors or failures).
    problems: tuple[NodeProblem, ...] = field(default_factory=tuple)


def dbt_executable() -> str:
    """The dbt entry point installed in the same environment as this interpreter."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    command: list[str],
    db_path: Path,
    on_line: Callable[[str], None] | None = None,
    *,
    read_only: bool = False,
    artefacts: Path | None = None,
    engine: Engine | None = None,
) -> DbtResult:
    """Run ``dbt <command>`` for ``db_path``; stream output lines to ``on_line``.

    ``read_only`` opens the warehouse read-only (the ``read_only`` target);
    ``artefacts`` is where dbt's target and log folders go (default: ``dbt/``
    beside the warehouse, which a reader may not be allowed to write).
    ``engine`` runs another profile target through its own launcher (Spark:
    cxbench.spark.build); its parse state is kept apart from DuckDB's.
    """
    db_path = db_path.resolve()
    artefacts = artefacts or db_path.parent / "dbt"
    target = artefacts / "target"
    cache = parse_cache(read_only, engine.target if engine else None)
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    restore_parse_state(target, cache)
    run_results = target / "run_results.json"
    run_results.unlink(missing_ok=True)  # a failure must never be read from an older run
    env = {
        **os.environ,
        "CXBENCH_DB": db_path.name,  # relative to cwd: see the module docstring
        # profiles.yml creates a missing file in this format (cxcore.storage).
        "CXBENCH_STORAGE_VERSION": storage.STORAGE_VERSION,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
        "DBT_TARGET_PATH": str(target),
        "DBT_LOG_PATH": str(artefacts / "logs"),
        "DBT_LOG_LEVEL_FILE": FILE_LOG_LEVEL,
        **(engine.env if engine else {}),
    }
    launcher = list(engine.launcher) if engine else [dbt_executable()]
    args = [*launcher, *command, "--project-dir", str(DBT_PROJECT_DIR)]
    if read_only:
        args += ["--target", READ_ONLY_TARGET]
    elif engine:
        args += ["--target", engine.target]
    lines: list[str] = []
    with subprocess.Popen(
        args,
        env=env,
        cwd=db_path.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            if on_line:
                on_line(line.rstrip())
    if process.returncode != 0:
        raise _failure(command, process.returncode, lines, db_path, artefacts)
    save_parse_state(target, cache)
    result = _read_run_results(run_results)
    return DbtResult(
        result.invocation_id,
        result.n_nodes,
        result.n_failed,
        result.elapsed_seconds,
        tuple(read_problems(run_results)),
    )


def _failure(
    command: list[str], returncode: int, lines: list[str], db_path: Path, artefacts: Path
) -> DbtError:
    """The error of a failed run: its failing nodes by name, else the tail of dbt's output."""
    header = f"dbt {' '.join(command)} failed (exit {returncode})"
    problems = tuple(
        problem
        for problem in read_problems(artefacts / "target" / "run_results.json")
        if problem.status in ("error", "fail")
    )
    if not problems:
        tail = "\n".join(lines[-40:])
        return DbtError(f"{header}:\n{tail}")
    details = "\n".join(report_lines(db_path, list(problems)))
    log = artefacts / "logs" / "dbt.log"
    return DbtError(
        f"{header}: {len(problems)} node(s) failed\n{details}\n(full log: {log})", problems
    )


def parse_cache(read_only: bool = False, target: str | None = None) -> Path | None:
    """The shared parse state of the writing target, the read-only one or another
    engine's target (None: none)."""
    name = READ_ONLY_TARGET if read_only else target
    if PARSE_CACHE is None or name is None:
        return PARSE_CACHE
    return PARSE_CACHE.with_name(f"{PARSE_CACHE.stem}.{name}.msgpack")


def restore_parse_state(target: Path, cache: Path | None = PARSE_CACHE) -> None:
    """Give a warehouse's target folder the project's partial-parse state, if there is one."""
    if cache is None or not cache.is_file():
        return
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache, target / PARSE_FILE)


def save_parse_state(target: Path, cache: Path | None = PARSE_CACHE) -> None:
    """Keep the state dbt left in ``target`` for the next build (replaced atomically).

    Two builds may finish at once (tests, a refresh beside the demo): each writes
    a temporary file and renames it, so a reader sees one whole state or the other.
    """
    state = target / PARSE_FILE
    if cache is None or not state.is_file():
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False) as partial:
            partial.write(state.read_bytes())
        os.chmod(partial.name, 0o644)
        os.replace(partial.name, cache)
    except OSError:
        return  # a read-only checkout: every build parses in full, as dbt does by default


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
