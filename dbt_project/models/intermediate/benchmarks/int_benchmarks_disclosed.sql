{#-
    Sector and national benchmarks in one model, under disclosure control, per
    study (studies are never pooled): per benchmark_level ('sector': sector ×
    country × wave; 'country': country × wave, sector_code '*' for every sector) the mean CX index and NPS of the
    eligible, ranked companies, plain and weighted by each company's revenue in
    the wave (its version valid then, int_company_versions_assigned). Fewer than
    min_aggregate_companies such companies, or one of them holding more than
    max_company_share of their evaluations, and the values are NULL with the
    reason in suppression_reason: they are withheld here, before any mart or
    reader sees them, and the pillar benchmarks follow this decision. Country
    rows carry the sample's weighting diagnostics (NULL on sector rows).
    Companies in the unassigned sector count in their country's row; there is
    no sector row for them.
-#}
with

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

samples as (

    select * from {{ ref('int_country_waves_weighted') }}

),

members as (

    select
        company_waves.study_id,
        company_waves.sector_code,
        company_waves.country,
        company_waves.wave,
        company_waves.n_evaluations,
        company_waves.cx_index,
        company_waves.nps_score,
        companies.revenue,
        company_waves.is_eligible and company_waves.cx_index is not null as is_member

    from company_waves
    left join companies
        on company_waves.company_id = companies.company_id
        and {{ valid_in_wave('companies', 'company_waves.wave') }}

),

{# one scan, both levels: the country grouping set is the sector one without
    the sector, so the two levels cannot drift apart #}
aggregated as (

    select
        case when grouping(sector_code) = 1 then 'country' else 'sector' end as benchmark_level,
        case when grouping(sector_code) = 1 then '*' else sector_code end as sector_code,
        study_id,
        country,
        wave,
        count(*) as n_companies,
        sum(case when is_member then 1 else 0 end) as n_eligible_companies,
        sum(n_evaluations) as n_company_evaluations,
        sum(case when is_member then n_evaluations else 0 end) as n_eligible_evaluations,
        max(case when is_member then n_evaluations end) as top_company_evaluations,
        avg(case when is_member then cx_index end) as avg_cx_index,
        sum(case when is_member and revenue > 0 then revenue * cx_index end)
        / sum(case when is_member and revenue > 0 then revenue end) as revenue_weighted_cx_index,
        avg(case when is_member then nps_score end) as avg_nps_score

    from members

    group by grouping sets ((study_id, sector_code, country, wave), (study_id, country, wave))  -- noqa: PRS

),

shares as (

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

    from shares

),

final as (

    select
        disclosed.benchmark_level,
        disclosed.study_id,
        disclosed.country,
        disclosed.sector_code,
        disclosed.wave,
        cast(disclosed.n_companies as integer) as n_companies,
        cast(disclosed.n_eligible_companies as integer) as n_eligible_companies,
        {#- a country's evaluations are its weighted sample (every evaluation, which
            assert_every_evaluation_counted_once holds against staging) #}
        cast(
            case
                when disclosed.benchmark_level = 'country' then samples.n_evaluations
                else disclosed.n_company_evaluations
            end as integer
        ) as n_evaluations,
        cast(disclosed.n_eligible_evaluations as integer) as n_eligible_evaluations,
        samples.effective_n,
        samples.design_effect,
        samples.min_weight,
        samples.max_weight,
        samples.n_unraked_evaluations,
        samples.is_raking_converged,
        samples.weighting_method,
        samples.weighting_note,
        samples.weight_source,
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
        cast({{ var('max_company_share') }} as {{ type_double() }}) as max_company_share

    from disclosed
    left join samples
        on disclosed.benchmark_level = 'country'
        and disclosed.study_id = samples.study_id
        and disclosed.country = samples.country
        and disclosed.wave = samples.wave

    where
        disclosed.benchmark_level = 'country'
        or disclosed.sector_code != {{ unassigned_sector() }}

)

select * from final
