"""Plausibility suite for ``marts.fct_leader_gaps``: the priority list a client acts on.

The gap table tells a client what to fix first, so its arithmetic is checked
again from its own columns and against the rankings: the gap is the leader's
pillar mean minus the company's, priority is gap × importance, the leader named
is a company that ``fct_company_scores`` marks as sector leader, and the priority
ranks of a company × wave start at 1. The table's own rules (key, references,
the leader's own gaps zero) are dbt's (``fct_leader_gaps_structure``). The
arithmetic is redone in SQL and only the rows that disagree are read.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR

SUITE_NAME = "fct_leader_gaps"
SOURCE_TABLES = ("marts.fct_leader_gaps", "marts.fct_company_scores")
GRAIN = ("study_id", "company_id", "country", "pillar_id", "wave")
KEY_COLUMNS = ("study_id", "company_id", "country", "wave", "pillar_id")
#: Rounding room for arithmetic redone on doubles.
TOLERANCE = 1e-9

GAPS_SQL = """
with

gaps as (
    select * from marts.fct_leader_gaps
),

leaders as (
    select study_id, company_id, country, wave, is_sector_leader
    from marts.fct_company_scores
),

first_priorities as (
    select study_id, company_id, country, wave, min(priority_rank) as first_priority_rank
    from gaps
    group by all
)

select
    gaps.study_id,
    gaps.company_id,
    gaps.country,
    gaps.wave,
    gaps.pillar_id,
    gaps.leader_company_id,
    gaps.gap_to_leader,
    abs(gaps.gap_to_leader - (gaps.leader_mean_score - gaps.mean_score)) as gap_arithmetic_error,
    abs(gaps.priority - gaps.gap_to_leader * gaps.importance) as priority_arithmetic_error,
    coalesce(leaders.is_sector_leader, false)::varchar as is_named_leader_a_sector_leader,
    first_priorities.first_priority_rank
from gaps
left join leaders
    on gaps.study_id = leaders.study_id
    and gaps.leader_company_id = leaders.company_id
    and gaps.country = leaders.country
    and gaps.wave = leaders.wave
left join first_priorities
    on gaps.study_id = first_priorities.study_id
    and gaps.company_id = first_priorities.company_id
    and gaps.country = first_priorities.country
    and gaps.wave = first_priorities.wave
"""

#: Only the rows breaking a rule leave DuckDB (the same conditions as the expectations).
SOURCE_SQL = f"""
select * from ({GAPS_SQL})
where gap_arithmetic_error > {TOLERANCE}
    or priority_arithmetic_error > {TOLERANCE}
    or is_named_leader_a_sector_leader <> 'true'
    or first_priority_rank <> 1
order by all
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Gap and priority arithmetic, the leader, and priority ranks from 1."""
    del params  # nothing configurable: these are definitions, not thresholds
    within_rounding = [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=column, max_value=TOLERANCE, meta=ERROR, notes=notes
        )
        for column, notes in (
            (
                "gap_arithmetic_error",
                "Gap = leader's pillar mean − the company's (positive: behind).",
            ),
            ("priority_arithmetic_error", "Priority = gap × the pillar's combined importance."),
        )
    ]
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *within_rounding,
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="is_named_leader_a_sector_leader",
                value_set=["true"],
                meta=ERROR,
                notes="Gaps are measured to the company the rankings name as sector leader.",
            ),
            gx.expectations.ExpectColumnValuesToBeInSet(
                column="first_priority_rank",
                value_set=[1],
                meta=ERROR,
                notes="Every company's priority list starts at 1 (what to fix first).",
            ),
        ],
        notes="Gaps to the sector leader and the priority list built on them.",
    )
