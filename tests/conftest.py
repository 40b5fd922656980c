"""Shared fixtures: one small warehouse built once per test session through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

# First, before any test module loads numpy: OpenBLAS's threads and kernels are
# settled when numpy first loads it (cxbench.blas_environment).
import cxbench  # noqa: F401

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


@dataclass(frozen=True)
class DemoWarehouse:
    """A warehouse built by ``cxbench demo --no-app`` and the world it came from."""

    db_path: Path
    world_dir: Path
    output: str


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> DemoWarehouse:
    """Run the demo end to end (generate → ingest → build → check) in a scratch folder."""
    root = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "CXBENCH_DB": str(root / "warehouse" / "cxbench.duckdb"),
        "CXBENCH_DATA_DIR": str(root / "generated"),
        "CXBENCH_SALT": "test-salt",
        "COLUMNS": "200",
    }
    command = [sys.executable, "-m", "cxbench.cli", "demo", "--no-app",
               "--evaluations", str(DEMO_EVALUATIONS), "--seed", str(DEMO_SEED)]  # fmt: skip
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    world = root / "generated" / f"world-{DEMO_EVALUATIONS}-seed{DEMO_SEED}"
    return DemoWarehouse(Path(env["CXBENCH_DB"]), world, completed.stdout)
