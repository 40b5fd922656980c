"""Fixtures shared by the integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.dbt_warehouse import build_dbt_warehouse


@pytest.fixture(scope="session")
def dbt_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made raw fixture after `dbt build`, built once per session."""
    return build_dbt_warehouse(tmp_path_factory.mktemp("dbt_build"))
