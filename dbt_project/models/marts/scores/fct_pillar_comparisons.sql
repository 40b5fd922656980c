{#-
    Each company's pillar means against three comparators, in one sign
    convention: difference = company − comparator (negative = behind).
    - leader: its sector leader (fct_leader_gaps; difference = −gap_to_leader,
      independent samples). The leader's row against itself: difference 0,
      standard error 0, direction 'level'.
    - sector / country: the plain sector / national average as published in
      fct_benchmark_pillar_scores (the mean of the k eligible, ranked companies'
      means, each weighing w = 1/k). When the company is one of those k, its
      own sampling error sits on both sides of the difference:
      c − (1/k)Σ_j m_j = (1 − 1/k) m_c − (1/k) Σ_{j≠c} m_j, so
      var = (1 − 1/k)² se_c² + Σ_{j≠c} se_j² / k². The published standard
      error is sqrt(Σ_j se_j²) / k, so Σ_{j≠c} se_j² / k² = se_avg² − se_c² / k²
      without re-deriving the member set. A company outside the average (not
      eligible or unranked) is independent of it: var = se_c² + se_avg².
      A suppressed average gives NULL comparator, difference and direction.
    direction: behind / level / ahead by the two-sided z test at
    confidence_level (level = not significant).
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

company_pillars as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

leader_gaps as (

    select * from {{ ref('fct_leader_gaps') }}

),

benchmark_pillars as (

    select * from {{ ref('fct_benchmark_pillar_scores') }}

),

companies as (

    select
        company_waves.study_id,
        company_waves.company_id,
        company_waves.country,
        company_waves.wave,
        company_waves.sector_code,
        company_pillars.pillar_id,
        company_pillars.mean_score,
        company_pillars.std_error,
        {#- the members of fct_benchmark_pillar_scores' averages #}
        company_waves.is_eligible
        and company_waves.cx_index is not null
        and company_pillars.mean_score is not null as is_in_average

    from company_waves
    inner join company_pillars
        on company_waves.study_id = company_pillars.study_id
        and company_waves.company_id = company_pillars.company_id
        and company_waves.country = company_pillars.country
        and company_waves.wave = company_pillars.wave

),

against_leader as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        pillar_id,
        'leader' as comparator,
        leader_company_id as comparator_company_id,
        mean_score,
        leader_mean_score as comparator_mean_score,
        case
            when mean_score is null or leader_mean_score is null then null
            when is_leader then 0
            else -gap_to_leader
        end as difference,
        case when is_leader then 0 else gap_std_error end as difference_std_error

    from leader_gaps

),

against_averages as (

    select
        companies.study_id,
        companies.company_id,
        companies.country,
        companies.wave,
        companies.sector_code,
        companies.pillar_id,
        benchmark_pillars.benchmark_level as comparator,
        cast(null as {{ dbt.type_string() }}) as comparator_company_id,
        companies.mean_score,
        benchmark_pillars.avg_score as comparator_mean_score,
        companies.mean_score - benchmark_pillars.avg_score as difference,
        case
            when benchmark_pillars.avg_score is null then null
            when companies.is_in_average
                then sqrt(
                    greatest(
                        power(1 - 1.0 / benchmark_pillars.n_companies_scored, 2)
                        * companies.std_error * companies.std_error
                        + benchmark_pillars.std_error * benchmark_pillars.std_error
                        - companies.std_error * companies.std_error
                        / power(benchmark_pillars.n_companies_scored, 2),
                        0
                    )
                )
            else
                sqrt(
                    companies.std_error * companies.std_error
                    + benchmark_pillars.std_error * benchmark_pillars.std_error
                )
        end as difference_std_error

    from companies
    inner join benchmark_pillars
        on companies.study_id = benchmark_pillars.study_id
        and companies.country = benchmark_pillars.country
        and companies.wave = benchmark_pillars.wave
        and companies.pillar_id = benchmark_pillars.pillar_id
        and (
            (
                benchmark_pillars.benchmark_level = 'sector'
                and companies.sector_code = benchmark_pillars.sector_code
            )
            or benchmark_pillars.benchmark_level = 'country'
        )

),

compared as (

    select * from against_leader
    {{ union_all_by_name() }}
    select * from against_averages

),

with_errors as (

    select
        compared.*,
        companies.std_error,
        case
            when compared.comparator = 'leader' then leaders.std_error
            else benchmark_pillars.std_error
        end as comparator_std_error

    from compared
    inner join companies
        on compared.study_id = companies.study_id
        and compared.company_id = companies.company_id
        and compared.country = companies.country
        and compared.wave = companies.wave
        and compared.pillar_id = companies.pillar_id
    left join companies as leaders
        on compared.comparator = 'leader'
        and compared.study_id = leaders.study_id
        and compared.comparator_company_id = leaders.company_id
        and compared.country = leaders.country
        and compared.wave = leaders.wave
        and compared.pillar_id = leaders.pillar_id
    left join benchmark_pillars
        on compared.comparator <> 'leader'
        and compared.study_id = benchmark_pillars.study_id
        and compared.country = benchmark_pillars.country
        and compared.wave = benchmark_pillars.wave
        and compared.pillar_id = benchmark_pillars.pillar_id
        and compared.comparator = benchmark_pillars.benchmark_level
        and benchmark_pillars.sector_code
        = case when compared.comparator = 'sector' then compared.sector_code else '*' end

),

tested as (

    select
        *,
        case
            when difference_std_error > 0 then difference / difference_std_error
        end as z_score

    from with_errors

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        pillar_id,
        comparator,
        comparator_company_id,
        mean_score,
        std_error,
        comparator_mean_score,
        comparator_std_error,
        difference,
        difference_std_error,
        z_score,
        case
            when difference is null then null
            when z_score < -{{ z_critical }} then 'behind'
            when z_score > {{ z_critical }} then 'ahead'
            else 'level'
        end as direction,
        coalesce(abs(z_score) > {{ z_critical }}, false) as is_significant,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from tested

)

select * from final
