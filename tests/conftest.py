"""Shared fixtures: one small warehouse built once per test session through the real CLI."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# First, before any test module loads numpy: OpenBLAS's threads and kernels are
# settled when numpy first loads it (cxbench.blas_environment).
import cxbench  # noqa: F401
from tests import file_order
from tests.fixtures import history as cli
from tests.fixtures.built_once import built_once

# A pytest-xdist worker's __main__ has neither __spec__ nor __file__, which
# pyspark's Connect client (imported by Great Expectations) takes for its own
# doctest run and answers with sys.exit(0): give it a file, one that exists,
# since a spawned process pool's children run their parent's main file.
if getattr(sys.modules["__main__"], "__spec__", None) is None:
    sys.modules["__main__"].__dict__.setdefault(
        "__file__", str(Path(__file__).with_name("xdist_worker_main.py"))
    )
# pytest-xdist sets COLUMNS in its workers, and Rich fixes a console's width from
# COLUMNS when the console is made (cxbench.console, at import): the CLI's tables
# then wrapped at 80 columns whatever width a test set for its own run.
os.environ.pop("COLUMNS", None)

DEMO_EVALUATIONS = 40_000
DEMO_SEED = 11
#: The demo's printed output, kept beside its warehouse.
DEMO_OUTPUT = "demo-output.txt"


@dataclass(frozen=True)
class DemoWarehouse:
    """A warehouse built by ``cxbench demo --no-app`` and the world it came from."""

    db_path: Path
    world_dir: Path
    output: str


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> DemoWarehouse:
    """Run the demo end to end (generate → ingest → build → check) once; a copy per worker."""
    root = built_once(tmp_path_factory, "demo", build_demo)
    world = root / "generated" / f"world-{DEMO_EVALUATIONS}-seed{DEMO_SEED}"
    output = (root / DEMO_OUTPUT).read_text()
    return DemoWarehouse(root / "warehouse" / "cxbench.duckdb", world, output)


def build_demo(root: Path) -> None:
    """``cxbench demo --no-app`` in ``root``, its output kept in :data:`DEMO_OUTPUT`."""
    output = run_demo(root, "--evaluations", str(DEMO_EVALUATIONS), "--seed", str(DEMO_SEED))
    (root / DEMO_OUTPUT).write_text(output)


def run_demo(root: Path, *options: str) -> str:
    """``cxbench demo --no-app [options]`` with its warehouse and world in ``root``; its output."""
    env = {**cli.cli_env(root / "warehouse" / "cxbench.duckdb", root / "generated"),
           "CXBENCH_SALT": "test-salt"}  # fmt: skip
    return cli.cxbench(env, "demo", "--no-app", *options).stdout


def pytest_configure(config: pytest.Config) -> None:
    """Record the seconds per test file when asked (tests/file_order.py), in the controller."""
    target = os.environ.get(file_order.RECORD_ENV)
    if target and not hasattr(config, "workerinput"):
        recorder = file_order.SecondsRecorder(Path(target))
        config.pluginmanager.register(recorder, "cxbench-file-seconds")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest test files first (tests/file_order.py); each worker sorts alike."""
    items[:] = file_order.longest_files_first(items, file_order.recorded_seconds())
