"""A provider's design weight column loads as given, or the row is rejected and says why.

Two real-shaped exports: an SPSS file whose WGHT variable holds an agency's
design weights (one case with a user-missing code), and a semicolon CSV from a
European tool with decimal commas, a blank weight, a zero, a negative weight and
a text. The weights are stored exactly as the file has them (not rounded, not
rescaled: raking does that later), the batch records the weight column, and
every other row loads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.coverage_summary import summarize_coverage
from cxbench.ingestion.mapping import MappingError
from cxbench.ingestion.mapping_parse import load_mapping
from tests.fixtures.mapped_loads import load, query

MAPPING = """
mapping_version: 1
source: {{format: {fmt}{extra}}}
fixed: {{country: DE, wave: 2022, brand_id: BANK-A}}
keys: {{respondent_id: ID}}
fields: {{weight: WGHT}}
statements: {{int_2: {{column: TRUST, scale: [1, 7]}}}}
outcomes:
  nps: {{column: REC, scale: [0, 10]}}
  loyalty: {{column: STAY, scale: [0, 10]}}
coverage: {{pillars: [integrity]}}
study: {{id: weighted-test, name: Weighted test}}
"""


def stored_weights(db: Path) -> list[tuple]:
    return query(db, "select row_number, design_weight from raw.survey_evaluations order by 1")


def rejects(db: Path) -> list[tuple]:
    return query(db, "select row_number, field, reason from raw.rejected_rows order by 1")


def test_csv_design_weights_are_stored_exactly_and_bad_ones_rejected(tmp_path: Path) -> None:
    rows = [
        "ID;TRUST;REC;STAY;WGHT",
        "r1;7;10;9;0,8734",  # decimal comma, four decimals kept
        "r2;4;5;5;1,25",
        "r3;5;8;8;",  # no weight
        "r4;6;9;9;0",  # zero would drop the respondent from every weighted number
        "r5;2;3;4;-1,5",
        "r6;3;6;6;n/a",
        "r7;6;9;8;12",
    ]
    (tmp_path / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = MAPPING.format(fmt="csv", extra=", delimiter: ';', decimal: ','")
    db, result = load(tmp_path, "export.csv", text)

    assert (result.rows_in, result.rows_loaded, result.rows_rejected) == (7, 3, 4)
    assert stored_weights(db) == [(1, 0.8734), (2, 1.25), (7, 12.0)]
    assert rejects(db) == [
        (3, "weight", "WGHT: no design weight (a weighted file needs one for every row)"),
        (4, "weight", "WGHT: '0' is not a design weight (a finite number above 0)"),
        (5, "weight", "WGHT: '-1,5' is not a design weight (a finite number above 0)"),
        (6, "weight", "WGHT: 'n/a' is not a design weight (a finite number above 0)"),
    ]
    assert query(db, "select design_weight_column from raw.load_batches") == [("WGHT",)]


def test_spss_design_weights_load_from_the_parsed_column(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pyreadstat = pytest.importorskip("pyreadstat")
    frame = pd.DataFrame(
        {
            "ID": ["a", "b", "c", "d"],
            "TRUST": [7.0, 4.0, 5.0, 6.0],
            "REC": [10.0, 5.0, 8.0, 9.0],
            "STAY": [9.0, 5.0, 8.0, 9.0],
            # 99 is declared user-missing in the file: no weight, so the row is rejected
            "WGHT": [0.61803398875, 1.0, 99.0, 2.5],
        }
    )
    pyreadstat.write_sav(frame, str(tmp_path / "export.sav"), missing_ranges={"WGHT": [99.0]})
    db, result = load(tmp_path, "export.sav", MAPPING.format(fmt="sav", extra=""))

    assert (result.rows_loaded, result.rows_rejected) == (3, 1)
    assert stored_weights(db) == [(1, 0.61803398875), (2, 1.0), (4, 2.5)]
    assert [row[:2] for row in rejects(db)] == [(3, "weight")]


def test_a_file_without_weights_stores_none_and_says_raking_starts_at_one(tmp_path: Path) -> None:
    (tmp_path / "plain.csv").write_text("ID;TRUST;REC;STAY\nr1;7;10;9\n", encoding="utf-8")
    text = MAPPING.format(fmt="csv", extra=", delimiter: ';'").replace(
        "fields: {weight: WGHT}\n", ""
    )
    db, result = load(tmp_path, "plain.csv", text)

    assert result.rows_loaded == 1
    assert stored_weights(db) == [(1, None)]
    assert query(db, "select design_weight_column from raw.load_batches") == [(None,)]
    summary = summarize_coverage(load_mapping(tmp_path / "plain.csv.mapping.yaml"))
    assert summary.weights_text().startswith("none in the file")


def test_the_coverage_summary_names_the_weight_column(tmp_path: Path) -> None:
    path = tmp_path / "weighted.mapping.yaml"
    path.write_text(MAPPING.format(fmt="csv", extra=""))
    assert summarize_coverage(load_mapping(path)).weights_text() == (
        "design weights from column WGHT (raking starts from them)"
    )


def test_a_weight_with_missing_codes_or_a_value_map_is_a_mapping_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.mapping.yaml"
    path.write_text(
        MAPPING.format(fmt="csv", extra="").replace(
            "fields: {weight: WGHT}", "fields: {weight: {column: WGHT, missing: [99]}}"
        )
    )
    with pytest.raises(MappingError, match=r"fields\.weight\.missing: has no effect"):
        load_mapping(path)
