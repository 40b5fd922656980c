"""Plausibility suite for ``marts.fct_company_scores``: eligibility, ranks and sector leaders.

Ranks are what gets published, so the suite recomputes them from their definition
instead of trusting the window function that built them: a company's rank in its study ×
country × wave is 1 + the number of eligible companies there with a strictly higher CX
index over the same pillars (ties share a rank, the next rank skips — "1, 2, 2, 4"; no
other gaps, and the first rank is 1). The same holds within a sector, and the sector
leader is whoever ranks 1 in its sector (several when tied). Companies that are not
ranked (ineligible, or no CX index) must have no rank at all, and companies without
reference data (sector UNASSIGNED) no sector rank. The expected values are computed in
SQL next to the published ones, and each pair must agree. The mart's structure
(contract, key, scales of the CX index, NPS and box scores) is dbt's to check
(``fct_company_scores_structure``). Only the rows that break a rule leave DuckDB: the
published and recomputed values are compared in SQL first, and GX judges the rows that
differ.
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, SourceContext

SUITE_NAME = "fct_company_scores"
SOURCE_TABLES = ("marts.fct_company_scores",)
#: The grain: one row per study × company × country × wave.
GRAIN = ("study_id", "company_id", "country", "wave")
KEY_COLUMNS = GRAIN
ELIGIBLE = Column("is_eligible") == True  # noqa: E712  (builds a GX condition)

SOURCE_SQL_TEMPLATE = """
with

company_scores as (
    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        n_evaluations,
        cx_index,
        cx_index_pillars,
        is_eligible,
        rank_in_country,
        rank_in_sector,
        is_sector_leader,
        nps_score,
        nps_ci_low,
        nps_ci_high,
        csat_top2_box_pct,
        ces_top3_box_pct,
        methodology_version
    from marts.fct_company_scores
),

rankable as (
    select * from company_scores where is_eligible and cx_index is not null
),

country_ranks as (
    select
        rankable.study_id,
        rankable.company_id,
        rankable.country,
        rankable.wave,
        1 + count(higher.company_id) as expected_rank_in_country
    from rankable
    left join rankable as higher
        on higher.study_id = rankable.study_id
        and higher.cx_index_pillars = rankable.cx_index_pillars
        and higher.country = rankable.country
        and higher.wave = rankable.wave
        and higher.cx_index > rankable.cx_index
    group by all
),

sector_ranks as (
    select
        rankable.study_id,
        rankable.company_id,
        rankable.country,
        rankable.wave,
        1 + count(higher.company_id) as expected_rank_in_sector
    from rankable
    left join rankable as higher
        on higher.study_id = rankable.study_id
        and higher.cx_index_pillars = rankable.cx_index_pillars
        and higher.country = rankable.country
        and higher.wave = rankable.wave
        and higher.sector_code is not distinct from rankable.sector_code
        and higher.cx_index > rankable.cx_index
    where rankable.sector_code is distinct from 'UNASSIGNED'
    group by all
),

-- Compared pairs leave SQL as double / varchar: pandas' nullable integers and
-- booleans raise on comparing a value with NULL, where NaN and None compare unequal.
final as (
    select
        company_scores.* replace (
            rank_in_country::double as rank_in_country,
            rank_in_sector::double as rank_in_sector,
            is_sector_leader::varchar as is_sector_leader
        ),
        country_ranks.expected_rank_in_country::double as expected_rank_in_country,
        sector_ranks.expected_rank_in_sector::double as expected_rank_in_sector,
        coalesce(sector_ranks.expected_rank_in_sector = 1, false)::varchar
            as expected_is_sector_leader
    from company_scores
    left join country_ranks
        on company_scores.study_id = country_ranks.study_id
        and company_scores.company_id = country_ranks.company_id
        and company_scores.country = country_ranks.country
        and company_scores.wave = country_ranks.wave
    left join sector_ranks
        on company_scores.study_id = sector_ranks.study_id
        and company_scores.company_id = sector_ranks.company_id
        and company_scores.country = sector_ranks.country
        and company_scores.wave = sector_ranks.wave
)

select * from final
where (is_eligible and n_evaluations < {min_base})
    or rank_in_country is distinct from expected_rank_in_country
    or rank_in_sector is distinct from expected_rank_in_sector
    or is_sector_leader is distinct from expected_is_sector_leader
    or (is_eligible and (nps_score < nps_ci_low or nps_ci_high < nps_score))
order by all
"""


def source_sql(context: SourceContext) -> str:
    """The company rows breaking a rule, with the recomputed ranks next to the published ones."""
    return SOURCE_SQL_TEMPLATE.format(min_base=context.params.min_base)


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, eligibility, CX index scale, ranks and leaders, in reading order."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *_score_expectations(params),
            *_rank_expectations(),
            *_outcome_expectations(),
        ],
        notes="Company × wave scores: who is ranked, and whether ranks follow their definition.",
    )


def _score_expectations(params: QualityParams) -> list[gx.expectations.Expectation]:
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column="n_evaluations",
            min_value=params.min_base,
            row_condition=ELIGIBLE,
            meta=ERROR,
            notes=f"Only companies with at least min_base ({params.min_base}) evaluations "
            "in the country × wave are ranked: below that a rank is noise.",
        ),
    ]


def _rank_expectations() -> list[gx.expectations.Expectation]:
    rules = (
        (
            "rank_in_country",
            "expected_rank_in_country",
            "Rank = 1 + eligible companies in the country × wave with a higher CX index: "
            "starts at 1, gaps only after ties, none for unranked companies.",
        ),
        (
            "rank_in_sector",
            "expected_rank_in_sector",
            "The same definition within sector × country × wave.",
        ),
        (
            "is_sector_leader",
            "expected_is_sector_leader",
            "The sector leader is the eligible company ranked 1 in its sector × country × "
            "wave: exactly one, or all of those tied at the top.",
        ),
    )
    return [
        gx.expectations.ExpectColumnPairValuesToBeEqual(
            column_A=published,
            column_B=expected,
            ignore_row_if="both_values_are_missing",
            meta=ERROR,
            notes=notes,
        )
        for published, expected, notes in rules
    ]


def _outcome_expectations() -> list[gx.expectations.Expectation]:
    """NPS inside its interval (ranked companies)."""
    interval = [
        gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A=high,
            column_B=low,
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            row_condition=ELIGIBLE,
            meta=ERROR,
            notes="The adjusted-Wald interval of a ranked company's NPS contains the NPS. "
            "It is centred on the NPS with 3/4 of a promoter and of a detractor added, so "
            "for a handful of answers (unranked companies) it may miss an NPS of ±100; at "
            "min_base answers the shift is under a point and well inside the interval.",
        )
        for high, low in (("nps_score", "nps_ci_low"), ("nps_ci_high", "nps_score"))
    ]
    return interval
