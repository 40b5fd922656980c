"""Plausibility suite for ``raw.population_margins``: the targets every sample is raked to.

Weighting rakes each country × wave sample to these margins, one dimension at a
time. Raking needs each dimension's shares to describe a whole population — they
must sum to 1 — or the weights chase an impossible target and every weighted
score shifts. Per country × wave the latest delivery counts (a corrected file
supersedes the old one), and only that is checked; each row carries its
dimension's sum so a failure names the rows of the broken group.
"""

from __future__ import annotations

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites.spec import ERROR, WARNING

SUITE_NAME = "raw_population_margins"
SOURCE_TABLES = ("raw.population_margins",)
GRAIN = ("country", "wave", "dimension", "category")
#: Dimensions weighting knows how to rake on (docs/methodology.md, "Raking weights").
KNOWN_DIMENSIONS = ("age_band", "gender", "region")

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
        category,
        batch_id,
        row_number,
        share,
        sum(share) over (partition by country, wave, dimension) as dimension_share_sum
    from latest
)

select * from final
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, shares and their sums per country × wave × dimension."""
    tolerance = params.margin_sum_tolerance
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *(
                gx.expectations.ExpectColumnValuesToNotBeNull(
                    column=column, meta=ERROR, notes=f"{column} names the margin cell."
                )
                for column in GRAIN
            ),
            gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=list(GRAIN),
                meta=ERROR,
                notes="One share per category: a repeated category is counted twice in its sum.",
            ),
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="dimension",
                value_set=list(KNOWN_DIMENSIONS),
                meta=WARNING,
                notes="Weighting ignores a dimension it does not know; the margin is "
                "then loaded but has no effect.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="share",
                min_value=0,
                max_value=1,
                meta=ERROR,
                notes="A share of a population lies between 0 and 1.",
            ),
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
