{#-
    Sector and national averages per pillar (one row per benchmark × pillar):
    the mean of the eligible, ranked companies' weighted pillar means, plain
    and revenue-weighted, with the standard error and interval of the plain
    average. Disclosure control is the benchmark's (int_benchmarks_disclosed),
    per measure family: where its plain average is withheld every pillar value
    is NULL, with the same reason; where its revenue-weighted one is, the
    revenue-weighted pillar averages are, with that reason.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}
with

company_pillars as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

benchmarks as (

    select * from {{ ref('int_benchmarks_disclosed') }}

),

measured as (

    select * from {{ ref('int_survey_samples_measured') }}

    where is_measured

),

members as (

    select
        company_waves.study_id,
        company_waves.sector_code,
        company_pillars.country,
        company_pillars.wave,
        company_pillars.pillar_id,
        company_pillars.mean_score,
        company_pillars.std_error,
        companies.revenue

    from company_pillars
    inner join company_waves
        on company_pillars.study_id = company_waves.study_id
        and company_pillars.company_id = company_waves.company_id
        and company_pillars.country = company_waves.country
        and company_pillars.wave = company_waves.wave
    left join companies
        on company_pillars.company_id = companies.company_id
        and {{ valid_in_wave('companies', 'company_pillars.wave') }}

    where company_waves.is_eligible
        and company_waves.cx_index is not null

),

averaged as (

    select
        case when grouping(sector_code) = 1 then 'country' else 'sector' end as benchmark_level,
        case when grouping(sector_code) = 1 then '*' else sector_code end as sector_code,
        study_id,
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

    group by grouping sets (  -- noqa: PRS
        (study_id, sector_code, country, wave, pillar_id), (study_id, country, wave, pillar_id)
    )

),

final as (

    select
        benchmarks.benchmark_level,
        benchmarks.study_id,
        benchmarks.country,
        benchmarks.sector_code,
        benchmarks.wave,
        measured.pillar_id,
        cast(coalesce(averaged.n_companies_scored, 0) as integer) as n_companies_scored,
        case when not benchmarks.is_suppressed then averaged.avg_score end as avg_score,
        case when not benchmarks.is_revenue_suppressed then averaged.revenue_weighted_score end
            as revenue_weighted_score,
        case when not benchmarks.is_suppressed then averaged.std_error end as std_error,
        case
            when not benchmarks.is_suppressed
                then averaged.avg_score - {{ z_critical }} * averaged.std_error
        end as ci_low,
        case
            when not benchmarks.is_suppressed
                then averaged.avg_score + {{ z_critical }} * averaged.std_error
        end as ci_high,
        benchmarks.is_suppressed,
        benchmarks.suppression_reason,
        benchmarks.is_revenue_suppressed,
        benchmarks.revenue_suppression_reason,
        '{{ var("methodology_version") }}' as methodology_version

    {#- the pillars the study measures: one row each #}
    from benchmarks
    inner join measured
        on benchmarks.study_id = measured.study_id
        and benchmarks.country = measured.country
        and benchmarks.wave = measured.wave
    left join averaged
        on benchmarks.benchmark_level = averaged.benchmark_level
        and benchmarks.study_id = averaged.study_id
        and benchmarks.sector_code = averaged.sector_code
        and benchmarks.country = averaged.country
        and benchmarks.wave = averaged.wave
        and measured.pillar_id = averaged.pillar_id

)

select * from final
