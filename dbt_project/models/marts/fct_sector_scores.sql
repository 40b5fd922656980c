{#-
    Sector averages per sector × country × wave (docs/methodology.md): the mean CX
    index and NPS of the sector's eligible, ranked companies, plain and
    revenue-weighted, under disclosure control — fewer than
    min_aggregate_companies such companies, or one of them holding more than
    max_company_share of their evaluations, and the values are NULL with the
    reason in suppression_reason.
-#}
with

company_scores as (

    select * from {{ ref('fct_company_scores') }}

),

companies as (

    select * from {{ ref('dim_company') }}

),

members as (

    select
        company_scores.sector_code,
        company_scores.country,
        company_scores.wave,
        company_scores.n_evaluations,
        company_scores.cx_index,
        company_scores.nps_score,
        companies.revenue,
        company_scores.is_eligible and company_scores.cx_index is not null as is_member

    from company_scores
    left join companies
        on company_scores.company_id = companies.company_id

),

aggregated as (

    select
        sector_code,
        country,
        wave,
        count(*) as n_companies,
        sum(case when is_member then 1 else 0 end) as n_eligible_companies,
        sum(case when is_member then n_evaluations else 0 end) as n_evaluations,
        max(case when is_member then n_evaluations end) as top_company_evaluations,
        avg(case when is_member then cx_index end) as avg_cx_index,
        sum(case when is_member and revenue > 0 then revenue * cx_index end)
        / sum(case when is_member and revenue > 0 then revenue end) as revenue_weighted_cx_index,
        avg(case when is_member then nps_score end) as avg_nps_score

    from members

    group by all

),

disclosed as (

    select
        *,
        case
            when n_evaluations > 0 then cast(top_company_evaluations as {{ type_double() }}) / n_evaluations
        end as top_company_share

    from aggregated

),

reasoned as (

    select
        *,
        {{ suppression_reason('n_eligible_companies', 'coalesce(top_company_share, 0)') }}
            as suppression_reason

    from disclosed

),

final as (

    select
        sector_code,
        country,
        wave,
        cast(n_companies as integer) as n_companies,
        cast(n_eligible_companies as integer) as n_eligible_companies,
        cast(n_evaluations as integer) as n_evaluations,
        cast(top_company_share as {{ type_double() }}) as top_company_share,
        case when suppression_reason is null then avg_cx_index end as avg_cx_index,
        case when suppression_reason is null then revenue_weighted_cx_index end
            as revenue_weighted_cx_index,
        case when suppression_reason is null then avg_nps_score end as avg_nps_score,
        suppression_reason is not null as is_suppressed,
        suppression_reason,
        cast({{ var('min_aggregate_companies') }} as integer) as min_aggregate_companies,
        cast({{ var('max_company_share') }} as {{ type_double() }}) as max_company_share,
        '{{ var("methodology_version") }}' as methodology_version

    from reasoned

)

select * from final
