"""Where the warehouse lives: explicit path, then CXBENCH_DB, then the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxcore.settings import (
    CHECKOUT_ROOT,
    DBT_PROJECT_DIR,
    DEFAULT_DB_PATH,
    WarehousePathError,
    find_checkout,
    load_settings,
)


def test_explicit_path_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CXBENCH_DB", str(tmp_path / "env.duckdb"))
    assert load_settings(tmp_path / "given.duckdb").db_path == tmp_path / "given.duckdb"
    assert load_settings().db_path == tmp_path / "env.duckdb"
    assert load_settings().warehouse_dir == tmp_path


def test_default_path_without_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CXBENCH_DB", raising=False)
    assert load_settings().db_path == DEFAULT_DB_PATH


@pytest.mark.parametrize("name", ["raw.duckdb", "marts.db", "Audit.duckdb"])
def test_file_named_like_a_schema_is_refused_with_the_reason(tmp_path: Path, name: str) -> None:
    with pytest.raises(WarehousePathError, match="same as a schema"):
        load_settings(tmp_path / name)


def test_checkout_is_recognised_by_its_project_files(tmp_path: Path) -> None:
    (tmp_path / "dbt_project").mkdir()
    assert find_checkout(tmp_path) is None  # site-packages: no pyproject, no dbt_project.yml
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    assert find_checkout(tmp_path) is None
    (tmp_path / "dbt_project" / "dbt_project.yml").write_text("name: cxbench\n")
    assert find_checkout(tmp_path) == tmp_path


def test_running_from_this_checkout_finds_its_dbt_project() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert repo == CHECKOUT_ROOT
    assert repo / "dbt_project" == DBT_PROJECT_DIR
    assert repo / "warehouse" / "cxbench.duckdb" == DEFAULT_DB_PATH
