"""Fixtures shared by the integration tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.dbt_warehouse import build_dbt_warehouse
from tests.fixtures.history import History, build_history, copy_history
from tests.fixtures.real_warehouse import build_real_warehouse


@pytest.fixture(scope="session")
def dbt_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made raw fixture after `dbt build`, built once per session."""
    return build_dbt_warehouse(tmp_path_factory.mktemp("dbt_build"))


@pytest.fixture(scope="session")
def design_weighted_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same fixture with a provider's design weights on every evaluation, built."""
    return build_dbt_warehouse(tmp_path_factory.mktemp("dbt_build_weighted"), design_weights=True)


@pytest.fixture(scope="session")
def real_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The real survey files through ingest, build and check; the outputs by stage."""
    return build_real_warehouse(tmp_path_factory.mktemp("real_build"))


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """2019 and 2020 refreshed and published through the CLI (tests/fixtures/history.py)."""
    return build_history(tmp_path_factory.mktemp("history"))


@pytest.fixture
def copied(history: History, tmp_path: Path) -> History:
    """A private copy of the history warehouse, for a test that changes it."""
    return copy_history(history, tmp_path)


@pytest.fixture(scope="session")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world ``cxbench demo`` builds by default (500,000 evaluations, seed 42): the
    one where most sectors have enough eligible companies for dominance to matter.
    About a minute on two cores."""
    root = tmp_path_factory.mktemp("default_demo")
    db_path = root / "warehouse" / "cxbench.duckdb"
    env = {**os.environ, "CXBENCH_DB": str(db_path), "CXBENCH_DATA_DIR": str(root / "generated"),
           "CXBENCH_SALT": "test-salt", "COLUMNS": "200"}  # fmt: skip
    command = [sys.executable, "-m", "cxbench.cli", "demo", "--no-app"]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-4000:]
    return db_path
