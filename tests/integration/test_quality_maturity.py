"""Faults planted in the maturity marts are caught by the suite written for each.

Like ``test_quality_mart_corruptions``: a copy of the session's demo warehouse
(generated assessments through the real build), one SQL statement per fault, the
one suite meant to catch it, exactly the listed failures. A mean off the 1–5
scale, an impossible spread or an estimate outside its interval break a rule of
the table, which dbt checks: see ``test_structure_corruptions``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DemoWarehouse
from tests.fixtures.quality_failures import Failure, failure_of, first_row, run_suites_on_copy

pytestmark = pytest.mark.slow

ITEMS, STAGES, LINKS = "fct_maturity", "fct_maturity_stages", "fct_maturity_outcome_links"
TABLE = {suite: f"marts.{suite}" for suite in (ITEMS, STAGES, LINKS)}
BETWEEN = "column_values_to_be_between"
OVERALL_CEE = "item_id = 'overall' and outcome_id = 'cee'"


CASES: dict[str, tuple[str, str, set[Failure]]] = {
    "managers_disagree_everywhere": (
        ITEMS,
        f"update marts.{ITEMS} set score_sd = 1.9 where n_respondents > 1",
        {(ITEMS, BETWEEN, "wide_spread_share", "warning")},
    ),
    "stage_off_the_ladder": (
        STAGES,
        f"update marts.{STAGES} set maturity_stage = maturity_stage + 1 "
        f"where {first_row(TABLE[STAGES], 'maturity_stage < 7')}",
        {(STAGES, "column_pair_values_to_be_equal", "maturity_stage, expected_stage", "error")},
    ),
    "link_from_too_few_organisations": (
        LINKS,
        f"update marts.{LINKS} set n_companies = 4 where {OVERALL_CEE}",
        {(LINKS, BETWEEN, "n_companies where is_estimable == True", "error")},
    ),
    "maturity_reversed": (
        LINKS,
        f"update marts.{LINKS} set correlation = -0.5, slope = -0.8, correlation_ci_low = -0.7, "
        f"correlation_ci_high = -0.2, slope_ci_low = -1.2, slope_ci_high = -0.4 "
        f"where {OVERALL_CEE}",
        {(LINKS, "column_values_to_be_in_set", "is_overall_link_reversed", "warning")},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_planted_maturity_fault_fails_exactly_its_expectations(
    demo_warehouse: DemoWarehouse, tmp_path: Path, case: str
) -> None:
    suite, sql, expected = CASES[case]
    run = run_suites_on_copy(demo_warehouse.db_path, tmp_path, [suite], fault=sql)
    assert {failure_of(result) for result in run.failed} == expected


def test_maturity_suites_pass_on_the_clean_build(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    names = (ITEMS, STAGES, LINKS)
    run = run_suites_on_copy(demo_warehouse.db_path, tmp_path, names)
    assert run.failed == ()
    assert {result.suite for result in run.results} == set(names)
