"""Plausibility suite for ``marts.fct_maturity_stages``: the stage follows its rule.

The stage is published, so the suite recomputes it from its definition instead of
trusting the model: the number of consecutive maturity steps, from the first
(customer-centric) upwards, whose mean score in ``marts.fct_maturity`` reaches the
threshold the mart states (``step_threshold``). Published and recomputed values
must agree. The table's own rules (key, overall score on 1–5, at least one
manager) are dbt's (``fct_maturity_stages_structure``). Only the rows whose
published stage differs from the recomputed one are read.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR

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
    stages.maturity_stage::double as maturity_stage,
    expected.expected_stage::double as expected_stage
from stages
left join expected
    on stages.company_id = expected.company_id
    and stages.wave = expected.wave
where stages.maturity_stage is distinct from expected.expected_stage
order by all
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """The published stage against its recomputation."""
    del params  # nothing configurable: the mart states the threshold it used
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
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
