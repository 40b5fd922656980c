"""The new suites' rules follow the thresholds and the definitions they claim to follow."""

from __future__ import annotations

import pandas as pd
import pytest

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites import REGISTRY, SourceContext
from cxbench.expectations.suites import raw_survey_evaluations as survey
from cxbench.expectations.suites.comment_privacy import (
    PHONE_CANDIDATE_RULE,
    PHONE_FLAG,
    flag_phone_numbers,
    pii_screen_predicates,
)
from cxcore.catalogue import statement_ids
from tests.fixtures.dbt_structure import structure_tests


def _thresholds(suite_name: str, params: QualityParams) -> dict[tuple[str, str], tuple]:
    """(column, severity) → (min, max) of every between-expectation of a suite."""
    return {
        (expectation.column, expectation.meta["severity"]): (
            expectation.min_value,
            expectation.max_value,
        )
        for expectation in REGISTRY[suite_name].build_suite(params).expectations
        if expectation.expectation_type == "expect_column_values_to_be_between"
    }


def test_wave_over_wave_thresholds_come_from_params() -> None:
    params = QualityParams(
        max_score_jump_se=3.0,
        max_score_jump_points=2.0,
        max_sector_share_shift=0.05,
        max_sector_share_shift_error=0.2,
        max_missingness_jump=0.1,
        max_missingness_jump_error=0.4,
    )
    assert _thresholds("wave_score_jumps", params) == {
        ("score_jump_in_standard_errors", "warning"): (None, 3.0),
        ("score_jump", "error"): (None, 2.0),
    }
    assert _thresholds("wave_sector_shares", params) == {
        ("sample_share_shift", "warning"): (None, 0.05),
        ("sample_share_shift", "error"): (None, 0.2),
    }
    assert _thresholds("wave_missingness", params) == {
        ("missing_share_rise", "warning"): (None, 0.1),
        ("missing_share_rise", "error"): (None, 0.4),
    }


def test_margin_tolerance_comes_from_params() -> None:
    params = QualityParams(margin_sum_tolerance=0.01)
    margins = _thresholds("raw_population_margins", params)
    assert margins == {("dimension_share_sum", "error"): pytest.approx((0.99, 1.01))}


def test_dbt_checks_every_answer_on_its_canonical_scale() -> None:
    """The raw source's structure test bounds every statement of the catalogue and each outcome."""
    [structure] = structure_tests("survey_evaluations")
    scales = {
        column: (rule["min_value"], rule["max_value"])
        for rule in structure["ranges"]
        for column in rule["columns"]
    }
    assert {scales.pop(statement) for statement in statement_ids()} == {(1, 10)}
    assert scales == {"nps": (0, 10), "loyalty": (0, 10), "csat": (1, 5), "ces": (1, 7)}
    assert structure["keys"] == [["study_id", "wave", "country", "respondent_id", "brand_id"]]


def test_survey_screen_selects_rows_for_every_expectation() -> None:
    """A rule the SQL screen does not select for would never see a failing row."""
    predicates = pii_screen_predicates()
    for expectation in survey.build_suite(QualityParams()).expectations:
        if expectation.column == PHONE_FLAG:
            assert PHONE_CANDIDATE_RULE in predicates
        else:
            kind = expectation.meta["rule"].removeprefix("no ")
            assert f"{kind} in comment" in predicates, expectation.meta


def test_survey_screen_caps_rows_per_rule_but_not_phone_candidates() -> None:
    sql = survey.source_sql(SourceContext(QualityParams(max_screened_rows=37)))
    assert sql.count("limit 37") == len(pii_screen_predicates()) - 1


@pytest.mark.parametrize(
    ("comment", "country", "flagged"),
    [
        ("Call me on +31 6 1234 5678 please", "NL", True),
        ("Bel 06-12345678 na vijf", "NL", True),
        ("Call me on [phone] please", "NL", False),
        ("Refund to NL91 ABNA 0417 1643 00", "NL", False),  # the IBAN rule's failure
        ("Customer since 2019", "NL", False),
        (None, "NL", False),
    ],
)
def test_phone_flag_uses_ingestion_matcher(
    comment: str | None, country: str, flagged: bool
) -> None:
    frame = pd.DataFrame({"comment": [comment], "country": [country]})
    assert flag_phone_numbers(frame)[PHONE_FLAG].tolist() == [flagged]


def test_phone_flag_on_an_empty_frame() -> None:
    frame = pd.DataFrame({"comment": pd.Series([], dtype=object), "country": []})
    assert flag_phone_numbers(frame)[PHONE_FLAG].dtype == bool
