"""Plausibility suite for ``raw.population_margins``: the targets every sample is raked to.

Weighting rakes each country × wave sample to these margins, one dimension at a
time. Raking needs each dimension's shares to describe a whole population — they
must sum to 1 — or the weights chase an impossible target and every weighted
score shifts. Per country × wave the latest delivery counts (a corrected file
supersedes the old one), and only that is checked. The keys, the known
dimensions and shares within 0–1 are dbt's to check (source test
``raw_population_margins_structure``); the sum is judged here because its
tolerance is a judgement about rounding, read from the quality thresholds. One
row per country × wave × dimension is read: the sum, never the margins.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR

SUITE_NAME = "raw_population_margins"
SOURCE_TABLES = ("raw.population_margins",)
KEY_COLUMNS = ("country", "wave", "dimension")

SOURCE_SQL = """
with

latest as (
    select *
    from raw.population_margins
    qualify batch_id = arg_max(batch_id, loaded_at) over (partition by country, wave)
),

final as (
    select
        country,
        wave,
        dimension,
        any_value(batch_id) as batch_id,
        count(*) as n_categories,
        sum(share) as dimension_share_sum
    from latest
    group by all
    order by all
)

select * from final
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """The shares of each country × wave × dimension sum to 1 within rounding."""
    tolerance = params.margin_sum_tolerance
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="dimension_share_sum",
                min_value=1 - tolerance,
                max_value=1 + tolerance,
                meta=ERROR,
                notes="The categories of one dimension cover the population once, so their "
                f"shares sum to 1 (± {tolerance:g} for rounding); otherwise raking has "
                "no solution and the weights drift.",
            ),
        ],
        notes="Population margins per country × wave × dimension, as raking needs them.",
    )
