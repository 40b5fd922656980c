"""Disclosure control of sector and country aggregates, recomputed from the company rows.

An average over too few companies, or one dominated by a single company, gives
that company's number away. The methodology (docs/methodology.md, "What a client
can and cannot infer") judges each average on the weights it uses: a plain mean
(each company 1/k) needs ``min_aggregate_companies`` companies and 1/k at most
``max_company_share``; a revenue-weighted mean is withheld wherever the plain one
is, and also with too few companies with revenue, one company above
``max_company_share`` of the revenue, or failing the p%-rule (``p_percent``).
Averages withheld only so that another cannot be derived by difference say so
('complementary: …'); dbt's unit tests and the recomputation test check where
those go. The suite does not trust the flags the build wrote: it recounts the
members and their revenue (``marts.fct_company_scores``, ``marts.dim_company_history``)
and requires the published decisions to match the rules exactly, complementary
ones aside — a missed suppression leaks a client's score, a needless one hides a
publishable average.

It also checks what a reader sees across tables: a disclosed aggregate has its
value (never silently missing), and the pillar-level aggregates follow their
parent's decisions. That a suppressed row has a reason and no values is a rule of
each table, checked by dbt while building. Only the aggregates breaking a rule
are read: the recount and the comparison happen in SQL.
"""

from __future__ import annotations

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.spec import ERROR, SourceContext

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
    published.is_revenue_suppressed::varchar as is_revenue_suppressed,
    published.revenue_suppression_reason,
    published.avg_cx_index,
    coalesce(recount.n_members, 0) as n_members,
    coalesce(recount.n_revenue_members, 0) as n_revenue_members,
    recount.top_revenue,
    recount.second_revenue,
    recount.total_revenue,
    (
        coalesce(recount.n_members, 0) < {min_companies}
        or 1.0 / greatest(recount.n_members, 1) > {max_share}
        or coalesce(published.suppression_reason like '{complementary}%', false)
    ) as expected_plain,
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
        count(case when revenue > 0 then 1 end) as n_revenue_members,
        max(case when revenue > 0 then revenue end) as top_revenue,
        coalesce(max(case when revenue > 0 then revenue end, 2)[2], 0) as second_revenue,
        sum(case when revenue > 0 then revenue end) as total_revenue
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
        and (
            pillar_rows.is_suppressed is distinct from parent.is_suppressed
            or pillar_rows.is_revenue_suppressed is distinct from parent.is_revenue_suppressed
        )
    group by all
) as pillars
    on published.study_id = pillars.study_id
    and published.country = pillars.country
    and published.wave = pillars.wave
    {pillars_group}
"""

#: The start of the reason dbt writes for complementary suppression
#: (dbt_project/macros/disclosure/complementary_reason.sql).
COMPLEMENTARY = "complementary"


def source_sql(context: SourceContext) -> str:
    """Both levels in one frame, with the decision the rules expect next to the published one."""
    params = context.params
    thresholds = {
        "min_companies": params.min_aggregate_companies,
        "max_share": params.max_company_share,
        "complementary": COMPLEMENTARY,
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
    select scores.study_id, scores.country, scores.wave, scores.sector_code, history.revenue
    from marts.fct_company_scores as scores
    left join marts.dim_company_history as history
        on scores.company_id = history.company_id
        and coalesce(history.valid_from_wave <= scores.wave, true)
        and coalesce(scores.wave < history.valid_to_wave, true)
    where scores.is_eligible and scores.cx_index is not null
),

levels as (
{sector}
union all
{country}
),

judged as (
    select
        * exclude (expected_plain),
        expected_plain::varchar as expected_is_suppressed,
        (
            expected_plain
            or n_revenue_members < {params.min_aggregate_companies}
            or coalesce(top_revenue > {params.max_company_share} * total_revenue, false)
            or coalesce(
                total_revenue - top_revenue - second_revenue
                < {params.p_percent / 100} * top_revenue,
                false
            )
            or coalesce(revenue_suppression_reason like '{COMPLEMENTARY}%', false)
        )::varchar as expected_is_revenue_suppressed
    from levels
)

select * from judged
where is_suppressed is distinct from expected_is_suppressed
    or is_revenue_suppressed is distinct from expected_is_revenue_suppressed
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
                notes=f"Plain means withheld exactly when fewer than "
                f"{params.min_aggregate_companies} eligible companies, or 1/k above "
                f"{params.max_company_share:.0%} (or complementary suppression).",
            ),
            gx.expectations.ExpectColumnPairValuesToBeEqual(
                column_A="is_revenue_suppressed",
                column_B="expected_is_revenue_suppressed",
                meta=ERROR,
                notes="Revenue-weighted means withheld exactly where the plain one is, with "
                f"fewer than {params.min_aggregate_companies} companies with revenue, one "
                f"above {params.max_company_share:.0%} of it, or revenue beyond the two "
                f"largest under {params.p_percent:g}% of the largest (or complementary).",
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
                notes="Pillar aggregates follow both decisions of their parent aggregate.",
            ),
        ],
        notes="Disclosure control of sector and country aggregates.",
    )
