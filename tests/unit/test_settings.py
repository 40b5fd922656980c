"""Where the warehouse lives: explicit path, then CXBENCH_DB, then the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxcore.settings import DEFAULT_DB_PATH, WarehousePathError, load_settings


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
