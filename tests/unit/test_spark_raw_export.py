"""The raw layer's export for Spark (cxbench.spark.raw_export) and the models' frames.

No Spark here: the folders, the manifest and the view SQL are checked as written;
tests/integration/test_spark_build.py runs them on Spark.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cxbench.spark.raw_export import export_raw, read_manifest, register_statements, spark_type
from cxcore.model_frames import engine_frame, to_pandas
from cxcore.storage import connect_writable


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    db_path = tmp_path / "cxbench.duckdb"
    with connect_writable(db_path) as connection:
        connection.execute("create schema raw")
        connection.execute(
            "create table raw.survey_evaluations as select * from (values "
            "('b1', 2024, 'NL', timestamp '2024-05-01 10:00:00', 7.5), "
            "('b1', 2025, 'NL', timestamp '2025-05-01 10:00:00', null), "
            "('b2', 2024, 'DE', timestamp '2024-06-01 10:00:00', 3.0)"
            ") as t(batch_id, wave, country, loaded_at, per_1)"
        )
        connection.execute("alter table raw.survey_evaluations alter wave type integer")
        connection.execute("alter table raw.survey_evaluations alter per_1 type double")
        connection.execute("create table raw.rejected_rows (batch_id varchar, record json)")
    return db_path


def test_tables_with_country_and_wave_are_partitioned_by_them(
    warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "raw"
    exported = {table.name: table for table in export_raw(warehouse, out)}
    evaluations = exported["survey_evaluations"]
    assert evaluations.partition_by == ("country", "wave")
    assert evaluations.rows == 3
    assert (out / "survey_evaluations" / "country=NL" / "wave=2025").is_dir()
    assert evaluations.columns == (
        ("batch_id", "string"),
        ("wave", "int"),
        ("country", "string"),
        ("loaded_at", "timestamp_ntz"),
        ("per_1", "double"),
    )
    # an empty table is one file that keeps its schema
    assert exported["rejected_rows"].partition_by == ()
    assert (out / "rejected_rows" / "data.parquet").is_file()
    assert read_manifest(out) == list(exported.values())


def test_the_parquet_keeps_every_value(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "raw"
    export_raw(warehouse, out)
    with duckdb.connect(":memory:") as connection:
        rows = connection.execute(
            "select batch_id, cast(wave as integer), country, loaded_at, per_1 "
            "from read_parquet(?, hive_partitioning = true) order by batch_id, wave",
            [str(out / "survey_evaluations" / "**" / "*.parquet")],
        ).fetchall()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        expected = connection.execute(
            "select * from raw.survey_evaluations order by batch_id, wave"
        ).fetchall()
    assert rows == expected


def test_the_views_cast_every_column_in_the_table_order(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "raw"
    export_raw(warehouse, out)
    statements = register_statements(out)
    assert statements[0] == "create database if not exists raw"
    view = next(text for text in statements if "raw.`survey_evaluations`" in text)
    casts = [line.strip() for line in view.splitlines() if line.strip().startswith("cast(")]
    assert casts[1] == "cast(`wave` as int) as `wave`,"
    assert casts[3] == "cast(`loaded_at` as timestamp_ntz) as `loaded_at`,"
    assert f"from parquet.`{(out / 'survey_evaluations').resolve().as_posix()}`" in view


def test_an_unknown_type_is_refused() -> None:
    assert spark_type("DECIMAL(18,3)") == "decimal(18,3)"
    with pytest.raises(ValueError, match="no Spark type"):
        spark_type("STRUCT(a INTEGER)")


def test_a_duckdb_model_gets_and_returns_pandas() -> None:
    with duckdb.connect(":memory:") as connection:
        frame = to_pandas(connection.sql("select 1 as a, 'x' as b"))
        assert frame.to_dict("records") == [{"a": 1, "b": "x"}]
        typed = pd.DataFrame({"a": pd.array([1.5, None], dtype="float64")})
        assert engine_frame(connection, typed) is typed
