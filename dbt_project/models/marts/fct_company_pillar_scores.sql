{#-
    Unweighted company pillar scores (methodology 0.1.x): plain mean over the
    company's evaluations with a normal-approximation interval. Raking weights
    and effective n replace the plain mean and n in a later version.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

evaluation_pillar_scores as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_counted') }}

),

aggregated as (

    select
        company_id,
        country,
        wave,
        pillar_id,
        cast(count(pillar_score) as integer) as n_evaluations,
        avg(pillar_score) as mean_score,
        stddev_samp(pillar_score) as stddev_score

    from evaluation_pillar_scores

    group by all

),

with_errors as (

    select
        company_id,
        country,
        wave,
        pillar_id,
        n_evaluations,
        mean_score,
        stddev_score,
        case
            when n_evaluations > 1
                then stddev_score / sqrt(n_evaluations)
        end as std_error

    from aggregated

),

final as (

    select
        with_errors.company_id,
        with_errors.country,
        with_errors.wave,
        with_errors.pillar_id,
        with_errors.n_evaluations,
        with_errors.mean_score,
        with_errors.stddev_score,
        with_errors.std_error,
        with_errors.mean_score - {{ z_critical }} * with_errors.std_error as ci_low,
        with_errors.mean_score + {{ z_critical }} * with_errors.std_error as ci_high,
        company_waves.is_eligible,
        '{{ var("methodology_version") }}' as methodology_version

    from with_errors
    inner join company_waves
        on with_errors.company_id = company_waves.company_id
        and with_errors.country = company_waves.country
        and with_errors.wave = company_waves.wave

)

select * from final
