"""The new suites' rules follow the thresholds and the definitions they claim to follow."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from cxcore.catalogue import statement_ids
from expectations.params import QualityParams
from expectations.suites import REGISTRY, SourceContext
from expectations.suites import raw_survey_evaluations as survey
from expectations.suites.comment_privacy import PHONE_CANDIDATE_RULE, PHONE_FLAG, flag_phone_numbers


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


def test_margin_tolerance_and_scales_come_from_params() -> None:
    params = QualityParams(margin_sum_tolerance=0.01, cx_index_max=7.0, maturity_max=4.0)
    margins = _thresholds("raw_population_margins", params)
    assert margins[("dimension_share_sum", "error")] == pytest.approx((0.99, 1.01))
    assert _thresholds("fct_company_scores", params)[("cx_index", "error")] == (0.0, 7.0)
    assert _thresholds("raw_maturity_assessments", params)[("score", "error")] == (1.0, 4.0)


def test_answer_scales_are_the_canonical_ones() -> None:
    scales = survey.answer_scales(QualityParams(score_min=0.0, score_max=7.0))
    assert {scales[statement] for statement in statement_ids()} == {(0.0, 7.0)}
    assert (scales["nps"], scales["loyalty"], scales["csat"], scales["ces"]) == (
        (0.0, 10.0), (0.0, 10.0), (1.0, 5.0), (1.0, 7.0),
    )  # fmt: skip
    assert len(scales) == 34


def test_survey_screen_selects_rows_for_every_expectation() -> None:
    """A rule the SQL screen does not select for would never see a failing row."""
    params = QualityParams()
    predicates = list(survey.screen_predicates(params).values())
    for expectation in survey.build_suite(params).expectations:
        columns = getattr(expectation, "column_list", None) or [expectation.column]
        if columns == [PHONE_FLAG]:
            assert PHONE_CANDIDATE_RULE in survey.screen_predicates(params)
        elif len(columns) > 1:
            assert "is_duplicate_key" in predicates
        else:
            pattern = re.compile(rf"\b{columns[0]}\b")
            assert any(pattern.search(predicate) for predicate in predicates), columns


def test_survey_screen_caps_rows_per_rule_but_not_phone_candidates() -> None:
    sql = survey.source_sql(SourceContext(QualityParams(max_screened_rows=37)))
    n_rules = len(survey.screen_predicates(QualityParams()))
    assert sql.count("limit 37") == n_rules - 1
    assert "between 1.0 and 10.0" in sql


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
