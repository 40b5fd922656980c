"""Questionnaire mappings are validated completely before any row is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.mapping import MappingError, load_mapping

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
