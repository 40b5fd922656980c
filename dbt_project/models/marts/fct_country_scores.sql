{#-
    National averages per country × wave (docs/methodology.md): the mean CX index and
    NPS of the country's eligible, ranked companies, plain and
    revenue-weighted, under the same disclosure control as sectors, with the
    sample's weighting diagnostics (design effect, effective n, raking).
-#}
with

company_scores as (

    select * from {{ ref('fct_company_scores') }}

),

companies as (

    select * from {{ ref('dim_company') }}

),

samples as (

    select * from {{ ref('int_country_waves_weighted') }}

),

members as (

    select
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
        country,
        wave,
        count(*) as n_companies,
        sum(case when is_member then 1 else 0 end) as n_eligible_companies,
        sum(case when is_member then n_evaluations else 0 end) as n_eligible_evaluations,
        max(case when is_member then n_evaluations end) as top_company_evaluations,
        avg(case when is_member then cx_index end) as avg_cx_index,
        sum(case when is_member and revenue > 0 then revenue * cx_index end)
        / sum(case when is_member and revenue > 0 then revenue end) as revenue_weighted_cx_index,
        avg(case when is_member then nps_score end) as avg_nps_score

    from members

    group by all

),

reasoned as (

    select
        *,
        case
            when n_eligible_evaluations > 0
                then cast(top_company_evaluations as {{ type_double() }}) / n_eligible_evaluations
        end as top_company_share

    from aggregated

),

disclosed as (

    select
        *,
        {{ suppression_reason('n_eligible_companies', 'coalesce(top_company_share, 0)') }}
            as suppression_reason

    from reasoned

),

final as (

    select
        disclosed.country,
        disclosed.wave,
        cast(disclosed.n_companies as integer) as n_companies,
        cast(disclosed.n_eligible_companies as integer) as n_eligible_companies,
        samples.n_evaluations,
        cast(disclosed.n_eligible_evaluations as integer) as n_eligible_evaluations,
        samples.effective_n,
        samples.design_effect,
        samples.min_weight,
        samples.max_weight,
        samples.n_unraked_evaluations,
        samples.is_raking_converged,
        cast(disclosed.top_company_share as {{ type_double() }}) as top_company_share,
        case when disclosed.suppression_reason is null then disclosed.avg_cx_index end
            as avg_cx_index,
        case when disclosed.suppression_reason is null then disclosed.revenue_weighted_cx_index end
            as revenue_weighted_cx_index,
        case when disclosed.suppression_reason is null then disclosed.avg_nps_score end
            as avg_nps_score,
        disclosed.suppression_reason is not null as is_suppressed,
        disclosed.suppression_reason,
        cast({{ var('min_aggregate_companies') }} as integer) as min_aggregate_companies,
        cast({{ var('max_company_share') }} as {{ type_double() }}) as max_company_share,
        '{{ var("methodology_version") }}' as methodology_version

    from disclosed
    left join samples
        on disclosed.country = samples.country
        and disclosed.wave = samples.wave

)

select * from final
