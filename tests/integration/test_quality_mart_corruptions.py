"""Faults planted in the dbt-built marts are caught by the expectation written for each.

The hand-made warehouse of ``test_quality_corruptions`` has no weights or
aggregates, so these cases corrupt a copy of the session's demo warehouse (real
generated data through the real build) instead. Each case changes one thing
with one SQL statement and runs the one suite meant to catch it; the failures
must be exactly the listed ones. Faults that break a rule of one table (a weight
not above 0, importance not summing to 1, a suppressed aggregate with a reason
missing or a value shown) are dbt's: see ``test_structure_corruptions``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DemoWarehouse
from tests.fixtures.quality_failures import Failure, failure_of, first_row, run_suites_on_copy

pytestmark = pytest.mark.slow

BETWEEN = "column_values_to_be_between"
IN_SET = "column_values_to_be_in_set"
WEIGHTS = "sample_weights"
DISCLOSURE = "aggregate_disclosure"
GAPS = "fct_leader_gaps"
SUPPRESSION_RULE = (
    DISCLOSURE,
    "column_pair_values_to_be_equal",
    "is_suppressed, expected_is_suppressed",
    "error",
)
REVENUE_RULE = (
    DISCLOSURE,
    "column_pair_values_to_be_equal",
    "is_revenue_suppressed, expected_is_revenue_suppressed",
    "error",
)
PILLARS_FOLLOW = (DISCLOSURE, BETWEEN, "n_pillar_rows_disagreeing", "error")
CELLS = "intermediate.int_sample_cells_raked"


CASES: dict[str, tuple[str, str, set[Failure]]] = {
    "weights_not_averaging_one": (
        WEIGHTS,
        f"update {CELLS} set weight = 1.2 where country = 'NL' and wave = 2025",
        {(WEIGHTS, BETWEEN, "mean_weight", "error")},
    ),
    "negative_weight": (
        WEIGHTS,
        f"update {CELLS} set raking_factor = -0.5, weight = -0.5 "
        f"where {first_row(CELLS, 'is_raked')}",
        {
            (WEIGHTS, BETWEEN, "mean_weight", "error"),
            (WEIGHTS, BETWEEN, "min_raked_weight", "error"),
        },
    ),
    "weight_above_the_trim_bound": (
        WEIGHTS,
        f"update {CELLS} set raking_factor = 4.5, weight = 4.5 "
        f"where {first_row(CELLS, 'is_raked')}",
        {
            (WEIGHTS, BETWEEN, "mean_weight", "error"),
            (WEIGHTS, BETWEEN, "max_raked_weight", "error"),
        },
    ),
    "unsuppressed_small_sector": (
        DISCLOSURE,
        "update marts.fct_benchmark_scores set is_suppressed = false, suppression_reason = null, "
        "avg_cx_index = 7.0 where "
        + first_row(
            "marts.fct_benchmark_scores",
            "benchmark_level = 'sector' and is_suppressed and n_eligible_companies < 5",
        ),
        {SUPPRESSION_RULE, PILLARS_FOLLOW},
    ),
    "needless_country_suppression": (
        DISCLOSURE,
        "update marts.fct_benchmark_scores set is_suppressed = true, "
        "suppression_reason = 'fewer than 5 eligible companies', avg_cx_index = null where "
        + first_row(
            "marts.fct_benchmark_scores", "benchmark_level = 'country' and not is_suppressed"
        ),
        {SUPPRESSION_RULE, PILLARS_FOLLOW},
    ),
    "dominant_revenue_in_a_disclosed_country": (
        DISCLOSURE,
        "update marts.dim_company_history set revenue = 1e12 where company_id = "
        "(select min(company_id) from marts.fct_company_scores"
        " where is_eligible and cx_index is not null and (study_id, country, wave) in"
        " (select (study_id, country, wave) from marts.fct_benchmark_scores"
        "  where benchmark_level = 'country' and not is_revenue_suppressed))",
        {REVENUE_RULE},
    ),
    "nps_outside_its_interval": (
        "fct_company_scores",
        "update marts.fct_company_scores set nps_ci_high = nps_score - 1 where "
        + first_row("marts.fct_company_scores", "is_eligible"),
        {
            (
                "fct_company_scores",
                "column_pair_values_a_to_be_greater_than_b",
                "nps_ci_high, nps_score where is_eligible == True",
                "error",
            )
        },
    ),
    "gap_not_leader_minus_company": (
        GAPS,
        "update marts.fct_leader_gaps set gap_to_leader = gap_to_leader + 0.5 where "
        + first_row("marts.fct_leader_gaps", "direction = 'behind' and importance > 0"),
        {
            (GAPS, BETWEEN, "gap_arithmetic_error", "error"),
            (GAPS, BETWEEN, "priority_arithmetic_error", "error"),
        },
    ),
    "gap_measured_to_a_non_leader": (
        GAPS,
        "update marts.fct_leader_gaps set leader_company_id = company_id where "
        + first_row("marts.fct_leader_gaps", "not is_leader"),
        {(GAPS, IN_SET, "is_named_leader_a_sector_leader", "error")},
    ),
    "priority_list_not_starting_at_one": (
        GAPS,
        "update marts.fct_leader_gaps set priority_rank = priority_rank + 1 where company_id = "
        "(select min(company_id) from marts.fct_leader_gaps where priority_rank is not null)",
        {(GAPS, IN_SET, "first_priority_rank", "error")},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_planted_mart_fault_fails_exactly_its_expectations(
    demo_warehouse: DemoWarehouse, tmp_path: Path, case: str
) -> None:
    suite, sql, expected = CASES[case]
    run = run_suites_on_copy(demo_warehouse.db_path, tmp_path, [suite], fault=sql)
    assert {failure_of(result) for result in run.failed} == expected
    assert not run.success


def test_the_new_suites_pass_on_the_clean_build(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    """Without a planted fault the same suites find nothing (no suite that cannot pass)."""
    suites = {suite for suite, _sql, _ in CASES.values()}
    run = run_suites_on_copy(demo_warehouse.db_path, tmp_path, suites)
    assert run.failed == ()
    assert {result.suite for result in run.results} == suites
