"""A DuckDB 1.x client opens the served warehouse and an export (issue 18, acceptance).

The project writes with duckdb 2.x, whose default storage format 1.x cannot
read. The warehouses here are built through the real CLI — ingest creates the
file, dbt rebuilds it, publications and refreshes swap staged copies in — so
these tests also prove none of those steps moves the file to a newer format.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxcore.storage import STORAGE_VERSION, storage_version_of
from tests.conftest import DemoWarehouse
from tests.fixtures.duckdb1 import duckdb1_python, read_with_duckdb1
from tests.fixtures.history import History, cli_env, cxbench

pytestmark = pytest.mark.slow

SCORES_SQL = "select count(*), count(distinct company_id) from marts.fct_company_scores"


@pytest.fixture(scope="session")
def duckdb1(request: pytest.FixtureRequest) -> Path:
    """The interpreter of the cached DuckDB 1.x environment (installed on first use)."""
    return duckdb1_python(request.config.rootpath)


def _read_with_duckdb2(db_path: Path, sql: str) -> list[list]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return [list(row) for row in connection.execute(sql).fetchall()]


def test_duckdb1_reads_the_served_demo_warehouse(
    demo_warehouse: DemoWarehouse, duckdb1: Path
) -> None:
    """The 1.x client reads the marts the demo served: the same rows duckdb 2 reads."""
    version, rows = read_with_duckdb1(duckdb1, SCORES_SQL, demo_warehouse.db_path)
    assert version.startswith("1.")
    assert rows == _read_with_duckdb2(demo_warehouse.db_path, SCORES_SQL)
    assert rows[0][0] > 0


def test_demo_warehouse_keeps_the_compatible_storage_version(
    demo_warehouse: DemoWarehouse,
) -> None:
    """Created by ingest, rebuilt by dbt, swapped by two publications: still the old format."""
    assert storage_version_of(demo_warehouse.db_path) == f"{STORAGE_VERSION}+"


def test_refreshed_and_published_warehouse_stays_readable(history: History, duckdb1: Path) -> None:
    """Two refreshes (staged copy, dbt build, swap) and two publications keep the format."""
    assert storage_version_of(history.db_path) == f"{STORAGE_VERSION}+"
    sql = "select count(*) from published.rankings"
    version, rows = read_with_duckdb1(duckdb1, sql, history.db_path)
    assert version.startswith("1.")
    assert rows == _read_with_duckdb2(history.db_path, sql)
    assert rows[0][0] > 0


def test_duckdb1_reads_a_parquet_export(
    demo_warehouse: DemoWarehouse, duckdb1: Path, tmp_path: Path
) -> None:
    """``cxbench export --format parquet``: the 1.x client reads the scores the warehouse holds."""
    env = cli_env(demo_warehouse.db_path, demo_warehouse.world_dir.parent)
    folder = tmp_path / "export"
    cxbench(env, "export", "--format", "parquet", "--to", str(folder))
    exported = folder / "marts.fct_company_scores.parquet"
    sql = SCORES_SQL.replace("marts.fct_company_scores", "read_parquet(?)")
    version, rows = read_with_duckdb1(duckdb1, sql, parameters=[str(exported)])
    assert version.startswith("1.")
    assert rows == _read_with_duckdb2(demo_warehouse.db_path, SCORES_SQL)
