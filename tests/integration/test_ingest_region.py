"""The respondent's region loads like the other categorical fields: codes, labels, missing.

Two real-shaped fixtures small enough to check by hand: an SPSS file whose
REGION has value labels, a user-missing code declared in the file and a code
without a label, and a CSV coding regions 1/2 with 99 for no answer and a code
outside its value map. A region becomes NULL only where the file or the mapping
says it is missing, or where ``out_of_range: missing`` allows it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.raw_schema import ensure_raw_schema
from tests.fixtures.mapped_loads import load, query

SPSS_MAPPING = """
mapping_version: 1
fixed: {country: DE, wave: 2021, brand_id: BANK-A}
keys: {respondent_id: {row_number: true}}
fields:
  region: {column: REGION, labels: true, missing: [8]}
statements: {int_2: {column: TRUST, scale: [1, 7]}}
outcomes:
  nps: {column: REC, scale: [0, 10]}
  loyalty: {column: STAY, scale: [0, 10]}
coverage: {pillars: [integrity]}
study: {id: region-test, name: Region test}
"""


def write_sav(path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pyreadstat = pytest.importorskip("pyreadstat")
    frame = pd.DataFrame(
        {
            # 1, 2 labelled; 9 user-missing in the file; 8 the mapping's missing code;
            # 3 has no label.
            "REGION": [1.0, 2.0, 9.0, 8.0, 3.0],
            "TRUST": [7.0, 4.0, 1.0, 4.0, 5.0],
            "REC": [10.0, 5.0, 0.0, 7.0, 8.0],
            "STAY": [9.0, 5.0, 1.0, 6.0, 8.0],
        }
    )
    labels = {"REGION": {1.0: "Nord", 2.0: "Süd-West", 9.0: "Keine Angabe", 8.0: "Verweigert"}}
    pyreadstat.write_sav(
        frame, str(path), variable_value_labels=labels, missing_ranges={"REGION": [9.0]}
    )


def regions(db: Path) -> list[tuple]:
    return query(db, "select row_number, region from raw.survey_evaluations order by 1")


def test_spss_region_stores_its_label_and_missing_codes_as_null(tmp_path: Path) -> None:
    write_sav(tmp_path / "export.sav")
    db, result = load(tmp_path, "export.sav", SPSS_MAPPING)
    assert (result.rows_loaded, result.rows_rejected) == (5, 0)
    # Labels as spelt in the file (no case change); 9 is user-missing in the file,
    # 8 is declared missing in the mapping; 3 has no label and keeps its code.
    assert regions(db) == [(1, "Nord"), (2, "Süd-West"), (3, None), (4, None), (5, "3")]


def test_spss_region_without_a_label_is_null_with_out_of_range_missing(tmp_path: Path) -> None:
    write_sav(tmp_path / "export.sav")
    lenient = SPSS_MAPPING.replace("missing: [8]}", "missing: [8], out_of_range: missing}")
    db, result = load(tmp_path, "export.sav", lenient)
    assert result.rows_loaded == 5
    assert regions(db) == [(1, "Nord"), (2, "Süd-West"), (3, None), (4, None), (5, None)]


CSV_MAPPING = """
mapping_version: 1
source: {format: csv, delimiter: ","}
fixed: {country: GB, wave: 2022}
keys: {respondent_id: ID, brand_id: BRAND}
fields:
  region: {column: REGION, values: {1: North West, 2: London}, missing: [99], out_of_range: missing}
defaults: {scale: [1, 5], missing: [9]}
statements: {emp_5: CARE}
outcomes:
  nps: {column: REC, scale: [0, 10], missing: [99]}
  loyalty: STAY
coverage: {pillars: [empathy]}
study: {id: region-test, name: Region test}
"""

CSV_ROWS = """ID,BRAND,REGION,CARE,REC,STAY
1,B1,1,4,9,5
2,B1,2,9,10,4
3,B1,99,3,8,3
4,B1,7,5,6,2
5,B1,,2,3,1
"""


def test_csv_region_code_99_and_a_code_outside_the_map_become_null(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CSV_ROWS)
    db, result = load(tmp_path, "export.csv", CSV_MAPPING)
    assert (result.rows_loaded, result.rows_rejected) == (5, 0)
    assert regions(db) == [(1, "North West"), (2, "London"), (3, None), (4, None), (5, None)]
    # the rest of the respondent loads: row 4's answers are there
    assert query(db, "select emp_5, nps from raw.survey_evaluations where row_number = 4") == [
        (10.0, 6.0)
    ]


def test_csv_region_codes_reject_their_row_unless_declared(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CSV_ROWS)
    strict = CSV_MAPPING.replace(", missing: [99], out_of_range: missing}", "}")
    db, result = load(tmp_path, "export.csv", strict)
    assert result.rows_loaded == 3
    assert query(db, "select row_number, field, reason from raw.rejected_rows order by 1") == [
        (3, "region", "REGION: code '99' is not in the mapping's value map"),
        (4, "region", "REGION: code '7' is not in the mapping's value map"),
    ]


def test_a_warehouse_without_region_or_latent_columns_is_brought_up_to_date(
    tmp_path: Path,
) -> None:
    (tmp_path / "export.csv").write_text(CSV_ROWS)
    db, _ = load(tmp_path, "export.csv", CSV_MAPPING)
    with duckdb.connect(str(db)) as con:  # as a warehouse of the previous version
        con.execute("alter table raw.survey_evaluations drop column region")
        con.execute("alter table raw.load_batches drop column latent_statements")
        ensure_raw_schema(con)
        ensure_raw_schema(con)  # once only: a second run changes nothing
    # rows loaded before regions existed have none; their batch mapped no latent score
    assert query(db, "select count(*), count(region) from raw.survey_evaluations") == [(5, 0)]
    assert query(db, "select latent_statements from raw.load_batches") == [("",)]
    (tmp_path / "next.csv").write_text(CSV_ROWS.replace("B1", "B2"))
    _, result = load(tmp_path, "next.csv", CSV_MAPPING)
    assert result.rows_loaded == 5
    assert query(db, "select count(region) from raw.survey_evaluations") == [(2,)]
