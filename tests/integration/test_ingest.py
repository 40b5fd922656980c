"""Loading a file: every row loaded or rejected with a reason, atomically, once."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxbench.ingestion.load import FileContractError, load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from cxbench.ingestion.raw_schema import ensure_raw_schema

MAPPING = """
mapping_version: 1
source: {format: csv, delimiter: ",", encoding: utf-8}
fixed: {country: NL, wave: 2024}
keys: {respondent_id: resp_id, brand_id: brand_code}
fields: {age: age, gender: gender}
defaults: {scale: [1, 10], missing: [99]}
statements: {per_1: q01, per_2: q02}
outcomes:
  nps: {column: recommend, scale: [0, 10]}
text: {comment: remarks}
coverage: {pillars: [personalisation], outcomes: [nps], note: two statements only}
study: {id: test-study, name: A test questionnaire}
"""

ROWS = """resp_id,brand_code,age,gender,q01,q02,recommend,remarks
R1,NL-A,34,female,7,99,9,Mail jan.jansen@example.nl of bel +31 6 12345678
R2,NL-A,200,male,7,8,9,
R3,NL-B,40,male,x,8,9,
R1,NL-A,34,female,7,8,9,second time
R4,NL-B,50,Female,11,8,9,
R5,,50,female,5,8,9,
R6,NL-B,61,male,4,5,7,"Prima, IBAN NL91ABNA0417164300"
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    source = tmp_path / "export.csv"
    source.write_text(ROWS)
    mapping = tmp_path / "export.mapping.yaml"
    mapping.write_text(MAPPING)
    return source, mapping, tmp_path / "wh.duckdb"


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_rows_are_loaded_or_rejected_with_field_and_reason(files) -> None:
    source, mapping, db = files
    result = load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    assert (result.rows_in, result.rows_loaded, result.rows_rejected) == (7, 2, 5)
    rejected = query(db, "select row_number, field, reason from raw.rejected_rows order by 1")
    assert rejected == [
        (2, "age", "age: '200' is not a whole number in 14-110"),
        (3, "per_1", "q01: not a number 'x'"),
        (4, "study_id, wave, country, respondent_id, brand_id",
         "duplicate key: same (study_id, wave, country, respondent_id, brand_id) as row 1"),
        (5, "per_1", "q01: '11' outside scale 1-10"),
        (6, "brand_id", "brand_code: missing value"),
    ]  # fmt: skip
    loaded = query(
        db, "select row_number, per_1, per_2, nps, gender from raw.survey_evaluations order by 1"
    )
    assert loaded == [(1, 7.0, None, 9.0, "female"), (7, 4.0, 5.0, 7.0, "male")]
    batch = query(db, "select rows_in, rows_loaded, rows_rejected, status from raw.load_batches")
    assert batch == [(7, 2, 5, "loaded")]


def test_rejected_row_keeps_the_source_record(files) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    record = query(db, "select record->>'q01' from raw.rejected_rows where row_number = 3")
    assert record == [("x",)]


def test_respondent_ids_are_salted_hashes_and_comments_scrubbed(files) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    rows = query(db, "select respondent_id, comment from raw.survey_evaluations order by 1")
    texts = " ".join(str(comment) for _, comment in rows)
    assert all(len(respondent) == 64 and respondent != "R1" for respondent, _ in rows)
    assert "example.nl" not in texts and "12345678" not in texts and "NL91" not in texts
    assert "[email]" in texts and "[phone]" in texts and "[iban]" in texts


def test_same_file_twice_is_a_no_op_that_says_so(files) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    again = load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    assert again.status == "skipped" and "already loaded" in again.message
    assert query(db, "select count(*) from raw.survey_evaluations") == [(2,)]
    assert query(db, "select count(*) from raw.load_batches") == [(1,)]


def test_rows_already_loaded_by_another_file_are_rejected_as_duplicates(files) -> None:
    source, mapping, db = files
    first = load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    copy = source.with_name("copy.csv")
    copy.write_text(ROWS + "R9,NL-C,30,male,5,5,5,\n")
    result = load_survey_file(db, copy, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    assert (result.rows_loaded, result.rows_rejected) == (1, 7)
    reasons = query(
        db,
        "select count(*) from raw.rejected_rows "
        f"where reason like '%already loaded by batch {first.batch_id}'",
    )
    assert reasons == [(2,)]


def test_missing_column_fails_the_file_and_writes_nothing(files) -> None:
    source, mapping, db = files
    source.write_text(ROWS.replace("recommend", "recommendation"))
    with pytest.raises(FileContractError, match=r"missing column.*recommend"):
        load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    assert query(db, "select count(*) from raw.load_batches") == [(0,)]
    assert query(db, "select count(*) from raw.rejected_rows") == [(0,)]


def test_batch_above_max_reject_rate_is_refused_and_nothing_written(files) -> None:
    source, mapping, db = files
    result = load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=0.5)
    assert result.status == "refused" and "exceeds --max-reject-rate" in result.message
    assert query(db, "select count(*) from raw.survey_evaluations") == [(0,)]
    assert query(db, "select count(*) from raw.rejected_rows") == [(0,)]


def test_header_only_file_is_a_clear_error(files) -> None:
    source, mapping, db = files
    source.write_text(ROWS.splitlines()[0] + "\n")
    with pytest.raises(FileContractError, match="no data rows"):
        load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)


def test_the_batch_records_its_study_and_what_it_measured(files) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    assert query(db, "select distinct study_id from raw.survey_evaluations") == [("test-study",)]
    assert query(
        db, "select study_id, study_name, study_instrument, measured_statements "
        "from raw.load_batches",
    ) == [("test-study", "A test questionnaire", "", "per_1,per_2")]  # fmt: skip


def test_two_studies_may_share_respondent_ids(files, tmp_path: Path) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    other = tmp_path / "other.csv"
    other.write_text(ROWS.replace("second time", "second time again"))
    other_mapping = tmp_path / "other.mapping.yaml"
    other_mapping.write_text(MAPPING.replace("id: test-study", "id: other-study"))
    result = load_survey_file(db, other, load_mapping(other_mapping), salt="s", max_reject_rate=1.0)
    assert result.rows_loaded == 2  # as the first file: only its own faults rejected
    counts = query(
        db, "select study_id, count(*) from raw.survey_evaluations group by 1 order by 1"
    )
    assert counts == [("other-study", 2), ("test-study", 2)]


def test_a_warehouse_loaded_before_studies_is_brought_up_to_date(files) -> None:
    source, mapping, db = files
    load_survey_file(db, source, load_mapping(mapping), salt="s", max_reject_rate=1.0)
    with duckdb.connect(str(db)) as con:  # as a warehouse of the previous version
        con.execute("alter table raw.survey_evaluations drop column study_id")
        for column in ("study_id", "study_name", "study_instrument", "measured_statements"):
            con.execute(f"alter table raw.load_batches drop column {column}")
        ensure_raw_schema(con)
    assert query(db, "select distinct study_id from raw.survey_evaluations") == [("cxbench",)]
    # what the batch measured is read from its answers: per_2 of row 1 was 99 (missing)
    # but row 7 answered it
    assert query(db, "select study_id, measured_statements from raw.load_batches") == [
        ("cxbench", "per_1,per_2")
    ]
