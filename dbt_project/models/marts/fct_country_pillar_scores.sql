{#-
    Country averages per pillar (one row per country × wave × pillar): the mean of the
    eligible, ranked companies' weighted pillar means, plain and
    revenue-weighted, with the standard error and interval of the plain
    average. Disclosure control is the country's (fct_country_scores): a
    suppressed country has every pillar value NULL, with the same reason.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}
with

company_pillar_scores as (

    select * from {{ ref('fct_company_pillar_scores') }}

),

company_scores as (

    select * from {{ ref('fct_company_scores') }}

),

companies as (

    select * from {{ ref('dim_company') }}

),

aggregates as (

    select * from {{ ref('fct_country_scores') }}

),

members as (

    select
        company_pillar_scores.country,
        company_pillar_scores.wave,
        company_pillar_scores.pillar_id,
        company_pillar_scores.mean_score,
        company_pillar_scores.std_error,
        companies.revenue

    from company_pillar_scores
    inner join company_scores
        on company_pillar_scores.company_id = company_scores.company_id
        and company_pillar_scores.wave = company_scores.wave
    left join companies
        on company_pillar_scores.company_id = companies.company_id

    where company_scores.is_eligible
        and company_scores.cx_index is not null

),

averaged as (

    select
        country,
        wave,
        pillar_id,
        count(mean_score) as n_companies_scored,
        avg(mean_score) as avg_score,
        {#- the mean of k independent company means: se = sqrt(Σ se²) / k #}
        sqrt(sum(std_error * std_error)) / count(std_error) as std_error,
        sum(case when revenue > 0 then revenue * mean_score end)
        / sum(case when revenue > 0 then revenue end) as revenue_weighted_score

    from members

    group by all

),

pillar_list as (

    {{ pillar_rows() }}

),

final as (

    select
        aggregates.country,
        aggregates.wave,
        pillar_list.pillar_id,
        cast(coalesce(averaged.n_companies_scored, 0) as integer) as n_companies_scored,
        case when not aggregates.is_suppressed then averaged.avg_score end as avg_score,
        case when not aggregates.is_suppressed then averaged.revenue_weighted_score end
            as revenue_weighted_score,
        case when not aggregates.is_suppressed then averaged.std_error end as std_error,
        case
            when not aggregates.is_suppressed
                then averaged.avg_score - {{ z_critical }} * averaged.std_error
        end as ci_low,
        case
            when not aggregates.is_suppressed
                then averaged.avg_score + {{ z_critical }} * averaged.std_error
        end as ci_high,
        aggregates.is_suppressed,
        aggregates.suppression_reason,
        '{{ var("methodology_version") }}' as methodology_version

    from aggregates
    cross join pillar_list
    left join averaged
        on aggregates.country = averaged.country
        and aggregates.wave = averaged.wave
        and pillar_list.pillar_id = averaged.pillar_id

)

select * from final
