"""Disclosure control of sector and country aggregates, recomputed from the company rows.

An average over too few companies, or one dominated by a single company, gives
that company's number away; the methodology (docs/methodology.md, Disclosure
control) therefore suppresses an aggregate with fewer than
``min_aggregate_companies`` eligible companies or one company holding more than
``max_company_share`` of its evaluations. The suite does not trust the flag the
build wrote: it recounts the members from ``marts.fct_company_scores`` and
requires the published suppression to match, exactly where the rules say —
a missed suppression leaks a client's score, a needless one hides a publishable
average.

It also checks what a reader sees across tables: a disclosed aggregate has its
value (never silently missing), and the pillar-level aggregates follow their
parent's decision. That a suppressed row has a reason and no values is a rule of
each table, checked by dbt while building. Only the aggregates breaking a rule
are read: the recount and the comparison happen in SQL.
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from expectations.params import QualityParams
from expectations.suites.spec import ERROR, SourceContext

SUITE_NAME = "aggregate_disclosure"
SOURCE_TABLES = (
    "marts.fct_company_scores",
    "marts.fct_benchmark_scores",
    "marts.fct_benchmark_pillar_scores",
)
KEY_COLUMNS = ("level", "study_id", "country", "sector_code", "wave")
DISCLOSED = Column("is_suppressed") == "false"

# {level}: the benchmark_level, 'sector' or 'country'; {group}: the extra grouping key of the
# level (country rows carry sector_code '*', so only sector rows join on it).
_LEVEL_SQL = """
select
    '{level}' as level,
    published.study_id,
    published.country,
    {sector} as sector_code,
    published.wave,
    published.is_suppressed::varchar as is_suppressed,
    published.suppression_reason,
    published.avg_cx_index,
    coalesce(recount.n_members, 0) as n_members,
    recount.top_share,
    (
        coalesce(recount.n_members, 0) < {min_companies}
        or coalesce(recount.top_share, 0) > {max_share}
    )::varchar as expected_is_suppressed,
    coalesce(pillars.n_disagreeing, 0) as n_pillar_rows_disagreeing
from (
    select * from marts.fct_benchmark_scores where benchmark_level = '{level}'
) as published
left join (
    select
        study_id,
        country,
        wave,
        {group_by}
        count(*) as n_members,
        max(n_evaluations)::double / sum(n_evaluations) as top_share
    from members
    group by all
) as recount
    on published.study_id = recount.study_id
    and published.country = recount.country
    and published.wave = recount.wave
    {join_group}
left join (
    select
        pillar_rows.study_id,
        pillar_rows.country,
        pillar_rows.wave,
        {pillar_group}
        count(*) as n_disagreeing
    from marts.fct_benchmark_pillar_scores as pillar_rows
    inner join marts.fct_benchmark_scores as parent
        on pillar_rows.benchmark_level = parent.benchmark_level
        and pillar_rows.sector_code = parent.sector_code
        and pillar_rows.study_id = parent.study_id
        and pillar_rows.country = parent.country
        and pillar_rows.wave = parent.wave
    where pillar_rows.benchmark_level = '{level}'
        and pillar_rows.is_suppressed is distinct from parent.is_suppressed
    group by all
) as pillars
    on published.study_id = pillars.study_id
    and published.country = pillars.country
    and published.wave = pillars.wave
    {pillars_group}
"""


def source_sql(context: SourceContext) -> str:
    """Both levels in one frame, with the decision the rules expect next to the published one."""
    params = context.params
    thresholds = {
        "min_companies": params.min_aggregate_companies,
        "max_share": params.max_company_share,
    }
    sector = _LEVEL_SQL.format(
        level="sector",
        sector="published.sector_code",
        group_by="sector_code,",
        join_group="and published.sector_code = recount.sector_code",
        pillar_group="pillar_rows.sector_code,",
        pillars_group="and published.sector_code = pillars.sector_code",
        **thresholds,
    )
    country = _LEVEL_SQL.format(
        level="country",
        sector="null::varchar",
        group_by="",
        join_group="",
        pillar_group="",
        pillars_group="",
        **thresholds,
    )
    return f"""
with

members as (
    select study_id, country, wave, sector_code, n_evaluations
    from marts.fct_company_scores
    where is_eligible and cx_index is not null
),

judged as (
{sector}
union all
{country}
)

select * from judged
where is_suppressed is distinct from expected_is_suppressed
    or (is_suppressed = 'false' and avg_cx_index is null)
    or n_pillar_rows_disagreeing > 0
order by level, study_id, country, sector_code, wave
"""


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Suppressed exactly where the rules say; disclosed with a value; pillars follow."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gx.expectations.ExpectColumnPairValuesToBeEqual(
                column_A="is_suppressed",
                column_B="expected_is_suppressed",
                meta=ERROR,
                notes=f"Suppressed exactly when fewer than {params.min_aggregate_companies} "
                "eligible companies, or one of them holds more than "
                f"{params.max_company_share:.0%} of the evaluations.",
            ),
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column="avg_cx_index",
                row_condition=DISCLOSED,
                meta=ERROR,
                notes="A disclosed aggregate has its value.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="n_pillar_rows_disagreeing",
                max_value=0,
                meta=ERROR,
                notes="Pillar aggregates are suppressed together with their parent aggregate.",
            ),
        ],
        notes="Disclosure control of sector and country aggregates.",
    )
