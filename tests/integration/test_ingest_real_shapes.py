"""Real-shaped exports load through their mapping: codes 98/99, "#NULL!", SPSS labels.

Each fixture is written here, small enough to check by hand: a CSV with 98/99
codes, an Excel sheet with "#NULL!" cells (what SPSS writes for system-missing
when it exports to Excel) and an SPSS file with value labels and user-missing
codes. A value becomes NULL only where the mapping declared it missing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cxbench.ingestion.load import FileContractError
from tests.fixtures.mapped_loads import load, query

CSV_MAPPING = """
mapping_version: 1
source: {format: csv, delimiter: ",", encoding: utf-8}
keys: {respondent_id: ID, brand_id: BRAND}
fields:
  country: LAND
  wave: YEAR
  gender: {column: GENDER, values: {1: female, 2: male}, missing: [99]}
  age: {column: AGE, missing: [-1], out_of_range: missing}
  channel: {column: CHANNEL, values: {1: store, 2: web}, missing: [98], out_of_range: missing}
defaults: {scale: [1, 5], missing: [98, 99]}
statements: {int_2: Q1}
outcomes:
  nps: {column: REC, scale: [0, 10], missing: [99]}
  loyalty: STAY
coverage: {pillars: [integrity], outcomes: [nps, loyalty]}
study: {id: test-study, name: A test questionnaire}
"""

CSV_ROWS = """ID,BRAND,LAND,YEAR,GENDER,AGE,CHANNEL,Q1,REC,STAY
1,B1,DE,1994,1,34,1,4,9,5
2,B1,DE,1994,99,999,98,98,99,99
3,B1,DE,1994,2,150,3,5,10,1
4,B1,DE,1994,3,40,1,3,8,3
5,B1,DE,1994,1,abc,1,3,8,3
6,B1,DE,1989,1,-1,2,3,8,3
7,B1,DE,1994,1,-1,2,3,8,97
"""


def rejected(db: Path) -> list[tuple]:
    return query(db, "select row_number, field, reason from raw.rejected_rows order by 1")


def test_csv_codes_98_and_99_become_missing_only_where_declared(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CSV_ROWS)
    db, result = load(tmp_path, "export.csv", CSV_MAPPING)
    assert (result.rows_in, result.rows_loaded, result.rows_rejected) == (7, 3, 4)
    assert rejected(db) == [
        (4, "gender", "GENDER: code '3' is not in the mapping's value map"),
        (5, "age", "AGE: 'abc' is not a whole number in 14-110"),
        (6, "wave", "wave: '1989' is not a plausible year (a whole number such as 2024)"),
        (7, "loyalty", "STAY: '97' outside scale 1-5"),
    ]
    loaded = query(
        db,
        "select row_number, wave, gender, age, channel, int_2, nps, loyalty "
        "from raw.survey_evaluations order by 1",
    )
    assert loaded == [
        (1, 1994, "female", 34, "store", 7.75, 9.0, 10.0),
        (2, 1994, None, None, None, None, None, None),
        (3, 1994, "male", None, None, 10.0, 10.0, 0.0),
    ]


def test_without_the_declaration_a_code_99_still_rejects_the_row(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(CSV_ROWS)
    strict_gender = CSV_MAPPING.replace(", missing: [99]}", "}", 1)
    db, result = load(tmp_path, "export.csv", strict_gender)
    assert rejected(db)[0] == (2, "gender", "GENDER: code '99' is not in the mapping's value map")
    assert result.rows_loaded == 2
    strict_age = CSV_MAPPING.replace(
        "age: {column: AGE, missing: [-1], out_of_range: missing}", "age: AGE"
    )
    db, result = load(tmp_path, "export.csv", strict_age, "strict_age.duckdb")
    reasons = {row: reason for row, _field, reason in rejected(db)}
    assert reasons[2] == "AGE: '999' is not a whole number in 14-110"
    assert reasons[3] == "AGE: '150' is not a whole number in 14-110"
    assert result.rows_loaded == 1


EXCEL_MAPPING = """
mapping_version: 1
source: {format: xlsx, sheet: Data}
fixed: {country: GB, wave: 1999, brand_id: ONE}
keys: {respondent_id: Respondent}
fields:
  gender: {column: Gender, values: {F: female, M: male}, missing: ["#NULL!"]}
  age: {column: Age, missing: ["#NULL!"]}
  interaction_date: {column: Visited, missing: ["#NULL!"]}
defaults: {scale: [1, 10], missing: ["#NULL!"]}
statements: {emp_5: Care}
outcomes:
  nps: {column: Recommend, scale: [0, 10]}
  loyalty: {column: Stay, scale: [0, 10]}
coverage: {pillars: [empathy]}
study: {id: test-study, name: A test questionnaire}
"""


def write_workbook(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["Respondent", "Gender", "Age", "Visited", "Care", "Recommend", "Stay"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def test_excel_null_cells_become_missing_where_declared(tmp_path: Path) -> None:
    write_workbook(
        tmp_path / "export.xlsx",
        [
            ["R1", "F", 30, dt.date(1999, 5, 1), 8, 9, 7],
            ["R2", "#NULL!", "#NULL!", "#NULL!", "#NULL!", "#NULL!", "#NULL!"],
            ["R3", "M", 41, "#NULL!", 6, 3, "#NULL"],
        ],
    )
    db, result = load(tmp_path, "export.xlsx", EXCEL_MAPPING)
    assert rejected(db) == [(3, "loyalty", "Stay: not a number '#NULL'")]
    assert result.rows_loaded == 2
    loaded = query(
        db,
        "select row_number, wave, gender, age, interaction_date, emp_5, nps, loyalty "
        "from raw.survey_evaluations order by 1",
    )
    assert loaded == [
        (1, 1999, "female", 30, dt.date(1999, 5, 1), 8.0, 9.0, 7.0),
        (2, 1999, None, None, None, None, None, None),
    ]


SPSS_MAPPING = """
mapping_version: 1
keys: {respondent_id: {row_number: true}, brand_id: {column: BANK, values: {1: BANK-A, 2: BANK-B}}}
fields:
  country: {column: LAND, labels: true}
  wave: YEAR
  gender: {column: GENDER, labels: true, out_of_range: missing}
defaults: {scale: [1, 7]}
statements: {int_2: TRUST}
outcomes:
  nps: {column: REC, scale: [0, 10], values: {1: 10, 2: 5, 3: 0}, missing: [9]}
  loyalty: {column: STAY, scale: [0, 10]}
coverage: {pillars: [integrity]}
study: {id: test-study, name: A test questionnaire}
"""


def write_sav(path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pyreadstat = pytest.importorskip("pyreadstat")
    frame = pd.DataFrame(
        {
            "BANK": [1.0, 2.0, 1.0, 2.0, 1.0],
            "LAND": [1.0, 2.0, 3.0, 1.0, 4.0],
            "YEAR": [1993.0, 1993.0, 1993.0, 1993.0, 1993.0],
            "GENDER": [1.0, 9.0, 1.0, 3.0, 2.0],
            "TRUST": [7.0, 99.0, 4.0, 1.0, 4.0],
            "REC": [1.0, 9.0, 2.0, 4.0, 3.0],
            "STAY": [10.0, 8.0, 5.0, 0.0, 5.0],
        }
    )
    labels = {
        "LAND": {1.0: "DE", 2.0: "at", 3.0: "Germany"},
        "GENDER": {1.0: "Female", 2.0: "Male", 9.0: "No answer"},
        "REC": {1.0: "Definitely", 2.0: "Maybe", 3.0: "Never", 9.0: "Don't know"},
    }
    missing = {"GENDER": [9.0], "TRUST": [99.0]}
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels, missing_ranges=missing)


def test_spss_labels_give_country_and_gender_and_codes_give_the_outcome(tmp_path: Path) -> None:
    write_sav(tmp_path / "export.sav")
    db, result = load(tmp_path, "export.sav", SPSS_MAPPING)
    assert rejected(db) == [
        (3, "country", "country: 'Germany' is not an ISO 3166-1 alpha-2 code"),
        (4, "nps", "REC: code '4' is not in the mapping's value map"),
        (5, "country", "country: '4' is not an ISO 3166-1 alpha-2 code"),
    ]
    assert result.rows_loaded == 2
    loaded = query(
        db,
        "select row_number, brand_id, country, wave, gender, int_2, nps, loyalty "
        "from raw.survey_evaluations order by 1",
    )
    # Row 2: GENDER 9 and TRUST 99 are SPSS user-missing (NULL on read); REC 9
    # is the mapping's missing code.
    assert loaded == [
        (1, "BANK-A", "DE", 1993, "female", 10.0, 10.0, 10.0),
        (2, "BANK-B", "AT", 1993, None, None, None, 8.0),
    ]


def test_an_unlabelled_code_becomes_missing_only_with_out_of_range(tmp_path: Path) -> None:
    write_sav(tmp_path / "export.sav")
    lenient = SPSS_MAPPING.replace("{1: 10, 2: 5, 3: 0}", "{1: 10, 2: 5, 3: 0, 4: 0}")
    db, _ = load(tmp_path, "export.sav", lenient)
    strict = lenient.replace(", out_of_range: missing}", "}")
    strict_db, _ = load(tmp_path, "export.sav", strict, "strict.duckdb")
    sql = "select gender from raw.survey_evaluations where row_number = 4"
    assert query(db, sql) == [(None,)]
    assert query(strict_db, sql) == [("3",)]


def test_labels_asked_of_a_column_without_labels_fail_the_file(tmp_path: Path) -> None:
    write_sav(tmp_path / "export.sav")
    text = SPSS_MAPPING.replace(
        "{column: BANK, values: {1: BANK-A, 2: BANK-B}}", "{column: BANK, labels: true}"
    )
    with pytest.raises(
        FileContractError, match=r"labels of BANK, but the file has no value labels for them"
    ):
        load(tmp_path, "export.sav", text)


def test_declared_age_codes_hold_when_the_reader_parses_ages_as_numbers(tmp_path: Path) -> None:
    """Without the "abc" row every AGE parses, so the reader types the column itself."""
    lines = [line for line in CSV_ROWS.splitlines() if not line.startswith("5,")]
    (tmp_path / "export.csv").write_text("\n".join(lines) + "\n")
    db, result = load(tmp_path, "export.csv", CSV_MAPPING)
    assert [row for row, _field, _reason in rejected(db)] == [4, 5, 6]  # file rows 4, 6, 7
    assert rejected(db)[2][1] == "loyalty"  # its age -1 passed: a declared missing code
    assert not any("read as text" in note for note in result.notes)
    ages = query(db, "select row_number, age from raw.survey_evaluations order by 1")
    assert ages == [(1, 34), (2, None), (3, None)]
    strict = CSV_MAPPING.replace("missing: [-1], out_of_range: missing", "missing: [-1]")
    db, _ = load(tmp_path, "export.csv", strict, "strict.duckdb")
    assert ("AGE: '999' is not a whole number in 14-110",) in query(
        db, "select reason from raw.rejected_rows"
    )


def test_a_decimal_answer_or_age_in_a_csv_is_never_rounded(tmp_path: Path) -> None:
    """DuckDB's CSV reader rounds 3.5 read as a whole-number type: numbers are read as DOUBLE."""
    lines = [line for line in CSV_ROWS.splitlines() if line.startswith(("ID", "1,", "3,"))]
    lines[1] = lines[1].replace(",34,1,4,", ",34,1,3.5,")  # Q1 3.5 on 1-5
    lines[2] = lines[2].replace(",150,", ",34.5,")  # a fractional age
    (tmp_path / "export.csv").write_text("\n".join(lines) + "\n")
    db, result = load(tmp_path, "export.csv", CSV_MAPPING)
    assert not any("read as text" in note for note in result.notes)
    assert query(db, "select row_number, int_2 from raw.survey_evaluations") == [(1, 6.625)]
    assert rejected(db) == [(2, "age", "AGE: '34.5' is not a whole number in 14-110")]
