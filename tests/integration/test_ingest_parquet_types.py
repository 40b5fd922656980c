"""Parquet's own types: an instant becomes one date everywhere; a boolean is no answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cxbench.ingestion.contracts import DIGIT_SEPARATOR
from tests.fixtures.history import cli_env, cxbench, query
from tests.fixtures.malformed.corpus import MAPPING

LATE = dt.datetime(2024, 6, 18, 23, 30, tzinfo=dt.UTC)


def _export(folder: Path, **replaced: pa.Array) -> dict[str, str]:
    """Two rows as Parquet (columns replaced as given) and their mapping; the CLI's env."""
    columns = {
        "resp": pa.array(["R1", "R2"]),
        "brand": pa.array(["B1", "B2"]),
        "q1": pa.array([1, 2]),
        "q2": pa.array([3, 4]),
        "rec": pa.array([9, 10]),
        "stay": pa.array([8, 7]),
        "remark": pa.array([None, "ok"]),
        "visited": pa.array([LATE, LATE], pa.timestamp("us", tz="UTC")),
        **replaced,
    }
    pq.write_table(pa.table(columns), folder / "export.parquet")
    mapping = MAPPING.replace(
        "keys: {respondent_id: resp, brand_id: brand}",
        "keys: {respondent_id: resp, brand_id: brand}\nfields: {interaction_date: visited}",
    )
    assert mapping != MAPPING
    (folder / "export.mapping.yaml").write_text(mapping)
    return cli_env(folder / "wh" / "cxbench.duckdb", folder / "data")


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/Los_Angeles"])
def test_an_instant_is_stored_as_its_utc_date_whatever_the_loading_zone(
    tmp_path: Path, zone: str
) -> None:
    """23:30 UTC on 18 June is 19 June in Tokyo and still 18 June in Los Angeles."""
    env = {**_export(tmp_path), "TZ": zone}

    cxbench(env, "ingest", str(tmp_path / "export.parquet"))

    stored = query(
        Path(env["CXBENCH_DB"]), "select distinct interaction_date from raw.survey_evaluations"
    )
    assert stored == [(dt.date(2024, 6, 18),)]


def test_a_boolean_column_is_no_answer(tmp_path: Path) -> None:
    """Cast to a number it would store true as 1: it is rejected, as an Excel TRUE is."""
    env = _export(tmp_path, stay=pa.array([True, None]))

    cxbench(env, "ingest", str(tmp_path / "export.parquet"), "--max-reject-rate", "1")

    db = Path(env["CXBENCH_DB"])
    assert query(db, "select row_number, reason from raw.rejected_rows") == [
        (1, "stay: not a number 'true'")
    ]
    assert query(db, "select row_number, loyalty from raw.survey_evaluations") == [(2, None)]


def test_a_nan_age_is_rejected_though_the_files_statistics_leave_it_out(tmp_path: Path) -> None:
    """Parquet's min/max skip NaN; a range test DuckDB drops on them must not let it through."""
    env = _export(tmp_path, age=pa.array([float("nan"), 40.0]))
    mapping = tmp_path / "export.mapping.yaml"
    mapping.write_text(
        mapping.read_text().replace("fields: {interaction_date: visited}", "fields: {age: age}")
    )

    cxbench(env, "ingest", str(tmp_path / "export.parquet"), "--max-reject-rate", "1")

    db = Path(env["CXBENCH_DB"])
    assert query(db, "select row_number, field from raw.rejected_rows") == [(1, "age")]
    assert query(db, "select row_number, age from raw.survey_evaluations") == [(2, 40)]


def test_digits_joined_by_an_underscore_in_a_text_column_are_no_answer(tmp_path: Path) -> None:
    """Cast by DuckDB, the text "1_0" would be 10: the reader leaves text to the checks."""
    env = _export(tmp_path, rec=pa.array(["9", "1_0"]))
    mapping = tmp_path / "export.mapping.yaml"  # numeric missing codes: a typed read is tried
    mapping.write_text(mapping.read_text().replace(', "#NULL!"]', "]"))

    cxbench(env, "ingest", str(tmp_path / "export.parquet"), "--max-reject-rate", "1")

    db = Path(env["CXBENCH_DB"])
    assert query(db, "select row_number, reason from raw.rejected_rows") == [
        (2, "rec: '1_0'" + DIGIT_SEPARATOR)
    ]
    assert query(db, "select row_number, nps from raw.survey_evaluations") == [(1, 9.0)]
