"""Fixtures shared by the integration tests."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from tests.conftest import run_demo
from tests.fixtures.built_once import built_once
from tests.fixtures.dbt_warehouse import build_dbt_warehouse
from tests.fixtures.history import History, build_history, copy_history, located_history
from tests.fixtures.real_warehouse import build_real_warehouse, real_outputs

#: The warehouse file's name in every built folder.
WAREHOUSE = "cxbench.duckdb"


@pytest.fixture(scope="session")
def dbt_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made raw fixture after `dbt build`, built once per session."""
    return built_once(tmp_path_factory, "dbt_build", build_dbt_warehouse) / WAREHOUSE


@pytest.fixture(scope="session")
def design_weighted_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same fixture with a provider's design weights on every evaluation, built."""
    build = functools.partial(build_dbt_warehouse, design_weights=True)
    return built_once(tmp_path_factory, "dbt_build_weighted", build) / WAREHOUSE


@pytest.fixture(scope="session")
def real_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The real survey files through ingest, build and check; the outputs by stage."""
    folder = built_once(tmp_path_factory, "real_build", build_real_warehouse)
    return folder / WAREHOUSE, real_outputs(folder)


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """2019 and 2020 refreshed and published through the CLI (tests/fixtures/history.py)."""
    return located_history(built_once(tmp_path_factory, "history", build_history))


@pytest.fixture
def copied(history: History, tmp_path: Path) -> History:
    """A private copy of the history warehouse, for a test that changes it."""
    return copy_history(history, tmp_path)


@pytest.fixture(scope="session")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The world ``cxbench demo`` builds by default (500,000 evaluations, seed 42): the
    one where most sectors have enough eligible companies for dominance to matter.
    About a minute on two cores."""
    root = built_once(tmp_path_factory, "default_demo", run_demo)
    return root / "warehouse" / WAREHOUSE
