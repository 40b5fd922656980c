"""The malformed-input corpus: every case ends in a clear error or exact rejects, never half.

Each case names a file under tests/fixtures/malformed/ (text, committed) or one
written at test time (``binaries.write_all`` for Excel, SPSS, Parquet and
byte-exact CSVs, ``strict_inputs.write_strict_inputs`` for the strictness
cases), optional patches to the corpus mapping ``mini.mapping.yaml``, and the
outcome: an error matching a pattern with nothing written, or the exact rows
rejected (row number → field) with every other row loaded. What every case
asserts besides (stored values equal the file's, a later good load works, exit
code 2 and no traceback through the CLI) is in ``tests/fixtures/malformed/corpus.py``;
the strictness cases themselves in ``strict_cases.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.contracts import AMBIGUOUS_POINT
from cxbench.ingestion.load import load_survey_file
from cxbench.ingestion.mapping_parse import load_mapping
from tests.fixtures.malformed.binaries import ONE_MB, write_all
from tests.fixtures.malformed.corpus import MAPPING, TEXT_FIXTURES, Case, query, run_case
from tests.fixtures.malformed.strict_cases import STRICT_CASES
from tests.fixtures.malformed.strict_inputs import write_strict_inputs

KEY = "study_id, wave, country, respondent_id, brand_id"


def comments(rows: str = "1, 2, 3") -> str:
    """SQL selecting the stored comments of some rows."""
    return (
        "select row_number, comment from raw.survey_evaluations "
        f"where row_number in ({rows}) order by 1"
    )


#: Brands coded 1 and 2 in a column "provider", mapped to brand ids.
CODED_BRANDS = {"brand_id: brand}": "brand_id: {column: provider, values: {1: BR-A, 2: BR-B}}}"}
LABELS = {
    "keys: {respondent_id: resp, brand_id: brand}": (
        "keys: {respondent_id: resp, brand_id: {column: brand, labels: true}}\n"
        "fields: {gender: {column: sex, labels: true}}"
    )
}
CASES = [
    Case("empty_file_is_an_error", "empty_file.csv", error=r"empty_file\.csv: the file is empty"),
    Case("header_only_is_an_error", "header_only.csv", error=r"header but no data rows"),
    Case(
        "a_point_in_a_file_of_decimal_commas_is_ambiguous_not_a_decimal_point",
        "decimal_comma_thousands.csv",
        exact=False,
        loaded=3,
        rejected={2: "weight", 4: "weight"},
        patch={
            'delimiter: ","': 'delimiter: ";"',
            "keys: {respondent_id: resp, brand_id: brand}": (
                "keys: {respondent_id: resp, brand_id: brand}\nfields: {weight: wght}"
            ),
        },
        sql=(
            "select row_number, per_1, design_weight, null from raw.survey_evaluations "
            "union all select row_number, null, null, reason from raw.rejected_rows order by 1",
            [
                (1, 1.0, 0.75, None),
                (
                    2,
                    None,
                    None,
                    "wght: '1.234'" + AMBIGUOUS_POINT,
                ),
                (3, 5.5, 987.0, None),
                (
                    4,
                    None,
                    None,
                    "wght: '2.500,5'" + AMBIGUOUS_POINT,
                ),
                (5, 6.625, 1.0, None),
            ],
        ),
    ),
    Case(
        "an_overflowing_age_and_nan_answers_reject_their_rows_not_the_file",
        "numbers_no_check_can_hold.csv",
        exact=False,
        loaded=1,
        rejected={1: "age", 2: "age", 3: "per_1"},
        patch={
            "keys: {respondent_id: resp, brand_id: brand}": (
                "keys: {respondent_id: resp, brand_id: brand}\nfields: {age: age}"
            )
        },
        sql=(
            "select row_number, reason from raw.rejected_rows order by 1",
            [
                (1, "age: '31612345678' is not a whole number in 14-110"),
                (2, "age: 'nan' is not a whole number in 14-110"),
                (3, "q1: 'nan' outside scale 1-5"),
            ],
        ),
    ),
    Case(
        "wrong_declared_delimiter_names_the_likely_one",
        "wrong_delimiter.csv",
        error=r"wrong_delimiter\.csv: missing column\(s\) resp, brand.*looks ';'-separated",
    ),
    Case(
        "undeclared_semicolon_delimiter_and_decimal_comma_load",
        "semicolon_decimal_comma.csv",
        loaded=3,
        patch={'delimiter: ","': "delimiter: auto"},
        sql=(
            "select row_number, per_1, per_2 from raw.survey_evaluations order by 1",
            [(1, 8.875, 3.25), (2, 10.0, 5.5), (3, 5.5, 2.125)],
        ),
    ),
    Case(
        "undeclared_windows_1252_is_detected_and_transcoded",
        "windows_1252.csv",
        loaded=3,
        patch={"encoding: utf-8": "encoding: auto"},
        sql=(comments("1"), [(1, "Müller sagt: prima - 5 € zu teuer")]),
    ),
    Case(
        "windows_1252_declared_as_utf8_is_an_error",
        "windows_1252.csv",
        error=r"windows_1252\.csv: cannot read file: .*(unicode|UTF-8)",
    ),
    Case(
        "utf16_with_bom_is_detected",
        "utf16_bom.csv",
        loaded=3,
        patch={"encoding: utf-8": "encoding: auto"},
        sql=(comments("1"), [(1, "Müller sagt: prima")]),
    ),
    Case(
        "utf16_declared_as_utf8_says_it_looks_utf16",
        "utf16_bom.csv",
        error=r"utf16_bom\.csv: the mapping declares utf-8, but the file looks UTF-16",
    ),
    Case(
        "an_excel_workbook_named_csv_says_so",
        "workbook_named_csv.csv",
        error=r"workbook_named_csv\.csv: the file is not text but a ZIP archive \(an Excel",
    ),
    Case(
        "a_gzipped_csv_says_to_decompress_it",
        "gzipped_named_csv.csv",
        error=r"gzipped_named_csv\.csv: the file is not text but gzip-compressed",
    ),
    Case(
        "utf8_bom_crlf_and_quoted_newlines_load",
        "utf8_bom_crlf_quoted.csv",
        loaded=3,
        sql=(comments("3"), [(3, 'two\r\nlines, one "quote"')]),
    ),
    Case(
        "truncated_parquet_is_an_error",
        "truncated.parquet",
        error=r"truncated\.parquet: cannot read",
    ),
    Case(
        "parquet_loads_with_typed_numbers",
        "valid.parquet",
        loaded=3,
        sql=(
            "select row_number, per_1, per_2 from raw.survey_evaluations order by 1",
            [(1, 1.0, 3.25), (2, 10.0, None), (3, 5.5, 7.75)],
        ),
    ),
    Case(
        "parquet_text_in_a_numeric_column_rejects_that_row",
        "text_in_numeric.parquet",
        loaded=2,
        rejected={2: "per_1"},
    ),
    Case(
        "excel_title_row_above_header_is_an_error_without_header_row",
        "title_row.xlsx",
        error=r"title_row\.xlsx: missing column\(s\) resp, brand",
    ),
    Case(
        "excel_header_row_selected_skips_title_and_empty_rows",
        "title_row.xlsx",
        loaded=4,
        patch={"encoding: utf-8}": "encoding: utf-8, sheet: Export, header_row: 2}"},
        sql=(comments("1, 5"), [(1, "Müller sagt: prima"), (5, "=HYPERLINK(x) typed as text")]),
    ),
    Case(
        "spss_value_labels_stored_where_the_mapping_asks",
        "value_labels.sav",
        loaded=3,
        patch=LABELS,
        sql=(
            "select row_number, brand_id, gender, per_2 from raw.survey_evaluations order by 1",
            [(1, "B-ONE", "female", 3.25), (2, "B-TWO", "male", None), (3, "B-ONE", "3", 7.75)],
        ),
    ),
    Case(
        "spss_legacy_encoding_undeclared_is_an_error",
        "windows_1252.sav",
        error=r"windows_1252\.sav: not a readable SPSS file.*declare source\.encoding",
        patch=LABELS,
    ),
    Case(
        "spss_legacy_encoding_declared_loads",
        "windows_1252.sav",
        loaded=3,
        patch={**LABELS, "encoding: utf-8": "encoding: windows-1252"},
        sql=(comments("1"), [(1, "Müller ist zufrieden")]),
    ),
    Case(
        "missing_key_column_is_an_error",
        "missing_key_column.csv",
        error=r"missing_key_column\.csv: missing column\(s\) brand; the file has resp,",
    ),
    Case(
        "mapping_naming_a_missing_column_is_an_error",
        "missing_item_column.csv",
        error=r"missing_item_column\.csv: missing column\(s\) q2",
    ),
    Case(
        "duplicate_keys_reject_every_repeat",
        "duplicate_keys.csv",
        loaded=3,
        rejected={3: KEY, 5: KEY},
    ),
    Case(
        "out_of_range_answers_are_rejected",
        "out_of_range.csv",
        loaded=1,
        rejected={1: "per_1", 2: "per_1", 3: "nps", 4: "nps"},
    ),
    Case(
        "non_numeric_answers_are_rejected_missing_codes_are_not",
        "non_numeric.csv",
        loaded=2,
        rejected={1: "per_1", 2: "per_2", 5: "nps", 6: "nps"},
    ),
    Case("nul_byte_in_a_field_rejects_the_row", "nul_bytes.csv", loaded=2, rejected={2: "comment"}),
    Case(
        "mixed_line_ends_name_the_first_line_that_differs",
        "mixed_line_ends.csv",
        error=r"mixed_line_ends\.csv: cannot read file: .*mixes line ends: line 11 ends with LF, "
        "line 1 with CRLF",
    ),
    Case(
        "one_megabyte_field_is_kept_whole",
        "one_mb_field.csv",
        loaded=2,
        sql=(
            "select row_number, length(comment) from raw.survey_evaluations where row_number = 2",
            [(2, ONE_MB)],
        ),
    ),
    Case(
        "inconsistent_scales_fail_the_mapping_naming_each_key",
        "valid.csv",
        error=r"(?s)statements\.per_1\.missing: code 3 lies inside the scale 1-5.*"
        r"outcomes\.nps\.scale: must be \[low, high\]",
        patch={
            "missing: [98, 99": "missing: [3, 98, 99",
            "scale: [0, 10]}\n  loyalty": "scale: [10, 0]}\n  loyalty",
        },
    ),
    Case(
        "unknown_fixed_country_fails_the_mapping",
        "valid.csv",
        error=r"fixed\.country: 'XX' is not an ISO 3166-1 alpha-2 code",
        patch={"country: NL": "country: XX"},
    ),
    Case(
        "unknown_countries_and_implausible_waves_in_rows_are_rejected",
        "country_and_wave_columns.csv",
        loaded=2,
        rejected={2: "country", 3: "country", 5: "wave", 6: "wave", 7: "wave"},
        patch={"fixed: {country: NL, wave: 2024}": "fields: {country: cc, wave: year}"},
        sql=(
            "select row_number, country from raw.survey_evaluations order by 1",
            [(1, "NL"), (4, "NL")],
        ),
    ),
    Case(
        "formula_like_text_is_kept_as_plain_text",
        "formula_like_text.csv",
        loaded=3,
        sql=(
            comments(),
            [
                (1, '=HYPERLINK("http://example.invalid","click me")'),
                (2, "+SUM(A1:A9)"),
                (3, "@cmd|' /C calc'!A0"),
            ],
        ),
    ),
    Case(
        "short_row_is_rejected_with_its_field_count",
        "ragged_row.csv",
        loaded=2,
        rejected={2: "row"},
        sql=(
            "select reason from raw.rejected_rows",
            [
                (
                    "row has 5 fields where the header has 7; its values would land in the wrong "
                    "columns",
                )
            ],
        ),
    ),
    Case(
        "unterminated_quote_is_an_error",
        "unterminated_quote.csv",
        error=r"unterminated_quote\.csv: cannot read file: .*unterminated quote",
    ),
    Case(
        "rows_without_keys_are_rejected",
        "missing_keys_in_rows.csv",
        loaded=1,
        rejected={1: "respondent_id", 2: "brand_id"},
    ),
    Case(
        "offset_corrects_answers_stored_plus_one",
        "stored_plus_one.csv",
        exact=False,
        loaded=1,
        rejected={2: "per_1"},
        patch={
            'missing: [98, 99, "#NULL!"]}': 'missing: [98, 99, "#NULL!"], offset: -1}',
            "scale: [0, 10]}": "scale: [0, 10], offset: -1}",
        },
        sql=(
            "select per_1, per_2, nps, loyalty from raw.survey_evaluations",
            [(1.0, 10.0, 0.0, 10.0)],
        ),
    ),
    Case(
        "brand_value_map_rejects_unmapped_codes",
        "coded_brands.csv",
        exact=False,
        loaded=2,
        rejected={3: "brand_id"},
        patch=CODED_BRANDS,
        sql=("select brand_id from raw.survey_evaluations order by 1", [("BR-A",), ("BR-B",)]),
    ),
    Case(
        "brand_codes_written_as_floats_match_the_value_map_by_number",
        "float_coded_brands.csv",
        exact=False,
        loaded=2,
        rejected={3: "brand_id"},
        patch=CODED_BRANDS,
        sql=("select brand_id from raw.survey_evaluations order by 1", [("BR-A",), ("BR-B",)]),
    ),
    Case(
        "value_labels_asked_of_a_csv_is_an_error",
        "valid.csv",
        error=r"valid\.csv: the mapping stores value labels of brand, but the file carries none",
        patch={"brand_id: brand}": "brand_id: {column: brand, labels: true}}"},
    ),
    Case(
        "unsupported_file_type_is_an_error",
        "not_a_table.json",
        error=r"not_a_table\.json: unsupported file type '\.json'",
    ),
    Case(
        "blank_lines_and_padding_are_not_data",
        "blank_lines_and_spaces.csv",
        loaded=2,
        sql=(
            "select row_number, brand_id, per_1, comment from raw.survey_evaluations order by 1",
            [(1, "B1", 1.0, "padded"), (2, "B1", 5.5, None)],
        ),
    ),
    Case(
        "partial_questionnaire_without_coverage_fails_the_mapping",
        "valid.csv",
        error=r"statements: 28 catalogue statement\(s\) not mapped.*must say so",
        patch={"coverage: {pillars: [personalisation], note: a two-statement test": "# "},
    ),
]


ALL_CASES = [*CASES, *STRICT_CASES]


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("malformed-binaries")
    write_all(folder)
    write_strict_inputs(folder)
    return folder


def _source(name: str, binaries: Path) -> Path:
    text = TEXT_FIXTURES / name
    return text if text.exists() else binaries / name


def test_corpus_has_at_least_60_cases() -> None:
    assert len(ALL_CASES) >= 60
    assert len({case.id for case in ALL_CASES}) == len(ALL_CASES)
    assert sum(case.cli for case in ALL_CASES) >= 10


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_malformed_input(case: Case, binaries: Path, tmp_path: Path) -> None:
    run_case(case, _source(case.file, binaries), tmp_path)


def test_parquet_decimals_are_not_rounded_by_the_typed_read(tmp_path: Path) -> None:
    """Parquet doubles are cast, not parsed: a whole-number read must not round 4.5 to 4."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "halves.parquet"
    pq.write_table(
        pa.table({"resp": ["R1"], "brand": ["B1"], "q1": [4.5], "q2": [2.0], "rec": [9.0],
                  "stay": [8.0], "remark": [None]}),
        source,
    )  # fmt: skip
    mapping_path = tmp_path / "mini.mapping.yaml"
    mapping_path.write_text(MAPPING, encoding="utf-8")
    load_survey_file(
        tmp_path / "wh.duckdb", source, load_mapping(mapping_path), salt="s", max_reject_rate=1.0
    )
    assert query(tmp_path / "wh.duckdb", "select per_1 from raw.survey_evaluations") == [
        (1 + 3.5 * 9 / 4,)
    ]
