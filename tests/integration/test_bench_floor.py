"""The benchmark's floor computes the production path's core numbers from the same files.

``cxbench bench`` divides the production path's time by the floor's, which is
only fair if the floor does the same work: read every survey export under its
mapping (canonical names, missing codes NULL) and compute the core numbers. On
the demo world the floor's company scores must equal the marts built from it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cxbench.benchmarks.floor import run_floor, survey_select
from cxbench.benchmarks.sql.core_script import compare_core_numbers
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.pipeline import mapping_for
from tests.conftest import DemoWarehouse


def test_floor_equals_the_marts_built_from_the_same_files(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    floor_db = tmp_path / "floor.duckdb"
    n_rows = run_floor(demo_warehouse.world_dir, floor_db)
    with duckdb.connect(str(demo_warehouse.db_path), read_only=True) as connection:
        [(loaded, rejected)] = connection.execute(
            "select sum(rows_loaded), sum(rows_rejected) from raw.load_batches "
            "where kind = 'survey'"
        ).fetchall()
    assert rejected == 0, "the demo world is clean, so both sides see the same rows"
    assert n_rows == loaded
    assert compare_core_numbers(demo_warehouse.db_path, floor_db) < 1e-9


def test_floor_reads_missing_codes_as_null_and_maps_names(
    demo_warehouse: DemoWarehouse,
) -> None:
    export = sorted((demo_warehouse.world_dir / "survey").glob("*.csv"))[0]
    mapping = load_mapping(mapping_for(export))
    with duckdb.connect() as connection:
        frame = connection.execute(survey_select(export, mapping)).df()
        [(raw_missing,)] = connection.execute(
            f"select count(*) from read_csv('{export}') "
            f"where {mapping.statements['per_1'].column} = 99"
        ).fetchall()
    assert {"country", "wave", "brand_id", "per_1", "emp_5", "nps", "loyalty"} <= set(frame)
    assert frame["per_1"].between(1, 10).all() or frame["per_1"].isna().any()
    assert frame["per_1"].isna().sum() >= raw_missing > 0
    assert frame["per_1"].max() <= 10
