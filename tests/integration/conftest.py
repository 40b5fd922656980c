"""Fixtures shared by the integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.dbt_warehouse import build_dbt_warehouse
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
