{#-
    Sector and national benchmarks in one model, under disclosure control, per
    study (studies are never pooled): per benchmark_level ('sector': sector ×
    country × wave; 'country': country × wave, sector_code '*' for every
    sector) the mean CX index and NPS of the eligible, ranked companies, plain
    and weighted by each company's revenue in the wave (its version valid
    then, int_company_versions_assigned). Each measure family is judged on the
    weights it uses (docs/methodology.md, "What a client can and cannot
    infer"): the plain averages, where every company weighs 1/k, by
    equal_weight_suppression_reason; the revenue-weighted one, never shown
    where the plain one is withheld, also by revenue dominance and the p%-rule
    (revenue_suppression_reason). Then complementary suppression
    (complementary_suppression) withholds what would let a withheld average be
    derived from the national one by difference. Withheld values are NULL here
    already, before any mart or reader sees them, with the reason; the pillar
    benchmarks follow these decisions. is_peer_set_disclosed tells the app
    where a client may see its sector's peers (pseudonymised) one by one.
    Country rows carry the sample's weighting diagnostics (NULL on sector
    rows). Companies in the unassigned sector count in their country's row;
    there is no sector row for them.
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
        sum(case when is_member and revenue > 0 then 1 else 0 end) as n_revenue_companies,
        sum(n_evaluations) as n_company_evaluations,
        sum(case when is_member then n_evaluations else 0 end) as n_eligible_evaluations,
        max(case when is_member then n_evaluations end) as top_company_evaluations,
        sum(case when is_member and revenue > 0 then revenue end) as total_revenue,
        {#- the two largest revenues, largest first (macro top_values) #}
        {{ top_values('case when is_member and revenue > 0 then revenue end', 2) }} as top_revenues,
        avg(case when is_member then cx_index end) as avg_cx_index,
        sum(case when is_member and revenue > 0 then revenue * cx_index end)
        / sum(case when is_member and revenue > 0 then revenue end) as revenue_weighted_cx_index,
        avg(case when is_member then nps_score end) as avg_nps_score

    from members

    group by grouping sets ((study_id, sector_code, country, wave), (study_id, country, wave))  -- noqa: PRS

),

shares as (

    select
        {{ star_exclude(['top_revenues']) }},
        case
            when n_eligible_evaluations > 0
                then cast(top_company_evaluations as {{ type_double() }}) / n_eligible_evaluations
        end as top_company_share,
        {{ list_element('top_revenues', 1) }} as top_revenue,
        coalesce({{ list_element('top_revenues', 2) }}, 0) as second_revenue,
        {{ equal_weight_suppression_reason('n_eligible_companies') }} as equal_weight_reason

    from aggregated

),

{# every sector of a country and the unassigned companies (a sector row that is
    never shown) partition the country's members: withhold what the national
    average minus the shown sectors would give away #}
equal_weight_complements as (

    {{ complementary_suppression('shares', 'n_eligible_companies', 'equal_weight_reason is not null') }}

),

equal_weight_disclosed as (

    select
        shares.*,
        case
            when equal_weight_complements.is_complementary then {{ complementary_reason() }}
            else shares.equal_weight_reason
        end as suppression_reason

    from shares
    inner join equal_weight_complements
        on shares.benchmark_level = equal_weight_complements.benchmark_level
        and shares.study_id = equal_weight_complements.study_id
        and shares.country = equal_weight_complements.country
        and shares.sector_code = equal_weight_complements.sector_code
        and shares.wave = equal_weight_complements.wave

),

{# a revenue-weighted average is never shown where the plain one is withheld:
    the plain one's reason stands for both #}
revenue_judged as (

    select
        *,
        coalesce(
            suppression_reason,
            {{ revenue_suppression_reason(
                'n_revenue_companies', 'top_revenue', 'second_revenue', 'total_revenue'
            ) }}
        ) as revenue_primary_reason

    from equal_weight_disclosed

),

revenue_complements as (

    {{ complementary_suppression('revenue_judged', 'n_revenue_companies', 'revenue_primary_reason is not null') }}

),

disclosed as (

    select
        revenue_judged.*,
        case
            when revenue_complements.is_complementary then {{ complementary_reason() }}
            else revenue_judged.revenue_primary_reason
        end as revenue_suppression_reason

    from revenue_judged
    inner join revenue_complements
        on revenue_judged.benchmark_level = revenue_complements.benchmark_level
        and revenue_judged.study_id = revenue_complements.study_id
        and revenue_judged.country = revenue_complements.country
        and revenue_judged.sector_code = revenue_complements.sector_code
        and revenue_judged.wave = revenue_complements.wave

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
        cast(disclosed.n_revenue_companies as integer) as n_revenue_companies,
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
        cast(disclosed.top_revenue / disclosed.total_revenue as {{ type_double() }})
            as top_revenue_share,
        case when disclosed.suppression_reason is null then disclosed.avg_cx_index end
            as avg_cx_index,
        case when disclosed.revenue_suppression_reason is null then disclosed.revenue_weighted_cx_index end
            as revenue_weighted_cx_index,
        case when disclosed.suppression_reason is null then disclosed.avg_nps_score end
            as avg_nps_score,
        disclosed.suppression_reason is not null as is_suppressed,
        disclosed.suppression_reason,
        disclosed.revenue_suppression_reason is not null as is_revenue_suppressed,
        disclosed.revenue_suppression_reason,
        case
            when disclosed.benchmark_level = 'sector'
                then disclosed.suppression_reason is null
                and disclosed.n_eligible_companies >= {{ var('min_peer_companies') }}
        end as is_peer_set_disclosed,
        cast({{ var('min_aggregate_companies') }} as integer) as min_aggregate_companies,
        cast({{ var('max_company_share') }} as {{ type_double() }}) as max_company_share,
        cast({{ var('p_percent') }} as {{ type_double() }}) as p_percent,
        cast({{ var('min_peer_companies') }} as integer) as min_peer_companies

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
