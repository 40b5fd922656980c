"""Plausibility suite for ``marts.fct_maturity_stages``: the stage follows its rule.

The stage is published, so the suite recomputes it from its definition instead of
trusting the model: the number of consecutive maturity steps, from the first
(customer-centric) upwards, whose mean score in ``marts.fct_maturity`` reaches the
threshold the mart states (``step_threshold``). Published and recomputed values
must agree, and the overall score must lie on the 1–5 scale.
"""

from __future__ import annotations

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites.spec import ERROR

SUITE_NAME = "fct_maturity_stages"
SOURCE_TABLES = ("marts.fct_maturity_stages", "marts.fct_maturity")
KEY_COLUMNS = ("company_id", "wave")
STEPS = 7

SOURCE_SQL = f"""
with
stages as (
    select * from marts.fct_maturity_stages
),
ladder as (
    select
        stages.company_id,
        stages.wave,
        step.step_order,
        coalesce(maturity.score >= stages.step_threshold, false) as is_reached
    from stages
    cross join range(1, {STEPS + 1}) as step(step_order)
    left join marts.fct_maturity as maturity
        on maturity.company_id = stages.company_id
        and maturity.wave = stages.wave
        and maturity.item_group = 'maturity_step'
        and maturity.sort_order = step.step_order
),
expected as (
    select
        company_id,
        wave,
        coalesce(min(case when not is_reached then step_order end), {STEPS + 1}) - 1
            as expected_stage
    from ladder
    group by all
)
select
    stages.company_id,
    stages.wave,
    stages.overall_score,
    stages.n_respondents,
    stages.maturity_stage::double as maturity_stage,
    expected.expected_stage::double as expected_stage
from stages
left join expected
    on stages.company_id = expected.company_id
    and stages.wave = expected.wave
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, the overall score's scale, and the stage against its recomputation."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=list(KEY_COLUMNS),
                meta=ERROR,
                notes="One stage per organisation × wave.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="overall_score",
                min_value=params.maturity_min,
                max_value=params.maturity_max,
                meta=ERROR,
                notes="A mean of item means on 1–5 stays on 1–5.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_respondents",
                min_value=1,
                meta=ERROR,
                notes="A stage needs at least one manager's answers.",
            ),
            gx.expectations.ExpectColumnPairValuesToBeEqual(
                column_A="maturity_stage",
                column_B="expected_stage",
                meta=ERROR,
                notes="Stage = consecutive steps from customer-centric upwards whose mean "
                "reaches step_threshold; an unscored step ends the run.",
            ),
        ],
        notes="Maturity stages: the ladder rule of docs/methodology.md holds for every row.",
    )
