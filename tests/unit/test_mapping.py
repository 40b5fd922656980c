"""Questionnaire mappings are validated completely before any row is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxbench.ingestion.mapping import MappingError
from cxbench.ingestion.mapping_parse import load_mapping

VALID = """
mapping_version: 1
source: {format: csv, delimiter: ";", encoding: utf-8}
fixed: {country: NL, wave: 2024}
keys: {respondent_id: resp, brand_id: brand}
defaults: {scale: [1, 7], missing: [-99]}
statements:
  per_1: q1
  int_1: {column: q2, scale: [0, 10], missing: [98, 99], offset: -1}
outcomes:
  nps: {column: rec, scale: [0, 10]}
text: {comment: remark}
coverage: {pillars: [personalisation, integrity], outcomes: [nps]}
study: {id: test-study, name: A test questionnaire}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mapping.yaml"
    path.write_text(text)
    return path


def test_valid_mapping_applies_defaults_and_overrides(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, VALID))
    assert mapping.source.delimiter == ";"
    assert mapping.statements["per_1"].source_scale == (1.0, 7.0)
    assert mapping.statements["per_1"].missing == ("-99",)
    assert mapping.statements["int_1"].source_scale == (0.0, 10.0)
    assert mapping.statements["int_1"].offset == -1.0
    assert mapping.outcomes["nps"].target_scale == (0.0, 10.0)
    assert mapping.source_columns() == ["resp", "brand", "q1", "q2", "rec", "remark"]


def test_every_problem_is_reported_with_its_key(tmp_path: Path) -> None:
    broken = (
        VALID.replace("mapping_version: 1", "mapping_version: 3")
        .replace("per_1: q1", "per_9: q1")
        .replace("scale: [0, 10], missing", "scale: [10, 0], missing")
        .replace("fixed: {country: NL, wave: 2024}", "fixed: {country: NL, year: 2024}")
        .replace("brand_id: brand", "brand: brand")
    )
    with pytest.raises(MappingError) as caught:
        load_mapping(write(tmp_path, broken))
    problems = "\n".join(caught.value.problems)
    for key in (
        "mapping_version",
        "statements.per_9",
        "statements.int_1.scale",
        "fixed.year",
        "keys.brand_id: required",
        "fixed.wave: required",
    ):
        assert key in problems
    assert str(tmp_path / "mapping.yaml") in str(caught.value)


def test_unparseable_yaml_is_a_mapping_error(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="cannot read YAML"):
        load_mapping(write(tmp_path, "keys: [unclosed"))


REAL_FILE_STYLE = """
mapping_version: 1
source: {delimiter: auto, encoding: auto, decimal: ","}
fixed: {country: de, wave: 2017}
keys:
  respondent_id: {row_number: true}
  brand_id: {column: provider, values: {1: P-ONE, 2.0: P-TWO, "3": P-THREE}}
fields:
  gender: {column: sex, labels: true}
defaults: {scale: [1, 7], missing: [-99]}
statements: {int_2: trust, emp_5: care}
outcomes:
  nps: {column: recommend, scale: [1, 7]}
  loyalty: {column: stay, scale: [1, 7]}
coverage: {pillars: [integrity, empathy], note: reputation items only}
study: {id: test-study, name: A test questionnaire}
"""


def test_value_maps_row_number_ids_labels_and_coverage(tmp_path: Path) -> None:
    mapping = load_mapping(write(tmp_path, REAL_FILE_STYLE))
    assert mapping.keys["respondent_id"].row_number
    assert mapping.keys["brand_id"].values == {"1": "P-ONE", "2": "P-TWO", "3": "P-THREE"}
    assert mapping.fields["gender"].labels
    assert mapping.labelled_columns() == ["sex"]
    assert mapping.source.delimiter is None and mapping.source.encoding is None
    assert mapping.decimal == ","
    assert mapping.coverage.pillars == ("integrity", "empathy") and mapping.coverage.partial
    assert mapping.source_columns() == ["provider", "sex", "trust", "care", "recommend", "stay"]


def test_fixed_brand_replaces_the_brand_column(tmp_path: Path) -> None:
    text = REAL_FILE_STYLE.replace(
        '  brand_id: {column: provider, values: {1: P-ONE, 2.0: P-TWO, "3": P-THREE}}\n', ""
    ).replace("wave: 2017}", "wave: 2017, brand_id: ONE-BANK}")
    mapping = load_mapping(write(tmp_path, text))
    assert "brand_id" not in mapping.keys and mapping.fixed["brand_id"] == "ONE-BANK"


def test_coverage_must_agree_with_the_statements_mapped(tmp_path: Path) -> None:
    text = REAL_FILE_STYLE.replace("pillars: [integrity, empathy]", "pillars: [integrity, speed]")
    with pytest.raises(MappingError) as caught:
        load_mapping(write(tmp_path, text))
    problems = "\n".join(caught.value.problems)
    assert "coverage.pillars: unknown pillar 'speed'" in problems
    assert "statements.emp_5: pillar empathy is not in coverage.pillars" in problems


def test_declared_pillar_without_statements_is_a_problem(tmp_path: Path) -> None:
    text = REAL_FILE_STYLE.replace("[integrity, empathy]", "[integrity, empathy, resolution]")
    with pytest.raises(MappingError, match=r"coverage\.pillars: resolution is declared but no"):
        load_mapping(write(tmp_path, text))


def test_source_options_and_key_specs_are_validated(tmp_path: Path) -> None:
    text = (
        REAL_FILE_STYLE.replace('decimal: ","', 'decimal: ";", delimiter: "ab", sheet: [1]')
        .replace("delimiter: auto, ", "")
        .replace("encoding: auto", "encoding: klingon, header_row: 0, colour: red")
        .replace("{row_number: true}", "{row_number: true, column: id}")
        .replace("labels: true}", "labels: true, values: {1: f}}")
        .replace("country: de", "country: EU")
    )
    with pytest.raises(MappingError) as caught:
        load_mapping(write(tmp_path, text))
    problems = "\n".join(caught.value.problems)
    for expected in (
        "source.decimal",
        "source.delimiter",
        "source.sheet",
        "source.encoding: unknown encoding 'klingon'",
        "source.header_row",
        "source.colour: unknown option",
        "keys.respondent_id: row_number: true takes no other option",
        "fields.gender: use either values or labels",
        "fixed.country: 'EU' is not an ISO 3166-1 alpha-2 code",
    ):
        assert expected in problems


def test_missing_code_inside_the_scale_is_refused(tmp_path: Path) -> None:
    text = REAL_FILE_STYLE.replace("missing: [-99]", "missing: [-99, 4]")
    with pytest.raises(MappingError, match=r"statements\.int_2\.missing: code 4 lies inside"):
        load_mapping(write(tmp_path, text))


def test_offset_is_taken_into_account_for_missing_codes(tmp_path: Path) -> None:
    """An export storing answer + 1 has 8 as its top answer on a 1-7 scale, not a code."""
    text = REAL_FILE_STYLE.replace("missing: [-99]", "missing: [-99, 0], offset: -1")
    with pytest.raises(MappingError, match=r"code 0 lies inside"):
        load_mapping(write(tmp_path, text.replace("[1, 7], missing", "[-1, 7], missing")))
    assert load_mapping(write(tmp_path, text)).statements["int_2"].offset == -1.0


def test_unknown_sections_are_reported(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="statments: unknown section"):
        load_mapping(write(tmp_path, REAL_FILE_STYLE + "statments: {}\n"))


def test_shipped_example_mappings_are_valid() -> None:
    from cxbench.ingestion.maturity_mapping import load_maturity_mapping
    from cxcore.settings import REPO_ROOT

    examples = sorted((REPO_ROOT / "data" / "examples").glob("*.mapping.yaml"))
    assert len(examples) >= 3
    for path in examples:
        maturity = "kind: maturity" in path.read_text(encoding="utf-8")
        assert (load_maturity_mapping(path) if maturity else load_mapping(path)).description


def test_a_partial_questionnaire_must_name_its_study(tmp_path: Path) -> None:
    without = VALID.replace("study: {id: test-study, name: A test questionnaire}\n", "")
    with pytest.raises(MappingError, match=r"study: required: the questionnaire measures 2 of 30"):
        load_mapping(write(tmp_path, without))


@pytest.mark.parametrize(
    ("study", "problem"),
    [
        ("{id: My Study, name: x}", "study.id: 'My Study' is not a study id"),
        ("{id: cxbench, name: x}", "study.id: 'cxbench' is the canonical questionnaire"),
        ("{id: ok-1}", "study.name: required"),
        ("{id: ok-1, name: x, wave: 3}", "study.wave: unknown option"),
        ("{id: ok-1, name: x, instrument: [1]}", "study.instrument: text"),
    ],
)
def test_a_study_section_is_checked(tmp_path: Path, study: str, problem: str) -> None:
    text = VALID.replace("study: {id: test-study, name: A test questionnaire}", f"study: {study}")
    with pytest.raises(MappingError) as caught:
        load_mapping(write(tmp_path, text))
    assert any(problem in found for found in caught.value.problems), caught.value.problems


def test_the_study_and_its_measured_statements_are_read(tmp_path: Path) -> None:
    text = VALID.replace(
        "study: {id: test-study, name: A test questionnaire}",
        "study: {id: test-study, name: ' A tracker ', instrument: v2}",
    )
    mapping = load_mapping(write(tmp_path, text))
    assert (mapping.study.study_id, mapping.study.name, mapping.study.instrument) == (
        "test-study", "A tracker", "v2",
    )  # fmt: skip
    assert mapping.measured_statements() == ("per_1", "int_1")
