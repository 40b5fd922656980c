{#-
    Weighted company pillar scores, estimated once for every mart that needs
    them (company scores, benchmarks, leader gaps, maturity links): per company
    × pillar × wave, the raking-weighted mean of the evaluations' pillar scores, its standard
    error from the Kish effective n and a normal-approximation interval, plus
    the unweighted mean for comparison, and how the pillar was measured (the
    study's statements of the pillar, of the catalogue's). Finished from the
    additive sums of int_company_waves_summed, unpivoted to one row per pillar.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

pillar_list as (

    {{ pillar_rows() }}

),

measured as (

    select * from {{ ref('int_survey_samples_measured') }}

),

unpivoted as (

    select
        company_waves.study_id,
        company_waves.company_id,
        company_waves.country,
        company_waves.wave,
        pillar_list.pillar_id,
        company_waves.is_eligible,
        {{ unpivot_pillar_columns(
            'company_waves', ['n', 'sum_w', 'sum_w2', 'sum_wx', 'sum_wx2', 'sum_x', 'sum_x2']
        ) }}

    from company_waves
    cross join pillar_list

),

estimated as (

    select
        study_id,
        company_id,
        country,
        wave,
        pillar_id,
        n as n_evaluations,
        {#- clamped to the 1–10 scale: Σw·x / Σw of a company whose every answer is 10
            can come out at 10.000000000000002 when the sums are added in another order #}
        case when sum_w > 0 then least(greatest(sum_wx / sum_w, 1.0), 10.0) end as mean_score,
        {{ weighted_stddev('sum_w', 'sum_w2', 'sum_wx', 'sum_wx2') }} as stddev_score,
        {{ weighted_std_error('sum_w', 'sum_w2', 'sum_wx', 'sum_wx2') }} as std_error,
        case when n > 0 then sum_x / n end as unweighted_mean_score,
        {{ effective_n('sum_w', 'sum_w2') }} as effective_n,
        case when sum_w > 0 then n * sum_w2 / (sum_w * sum_w) end as design_effect,
        is_eligible

    from unpivoted

),

final as (

    select
        estimated.study_id,
        estimated.company_id,
        estimated.country,
        estimated.wave,
        estimated.pillar_id,
        estimated.n_evaluations,
        measured.n_statements_measured,
        measured.n_statements_total,
        estimated.mean_score,
        estimated.stddev_score,
        estimated.std_error,
        estimated.mean_score - {{ z_critical }} * estimated.std_error as ci_low,
        estimated.mean_score + {{ z_critical }} * estimated.std_error as ci_high,
        estimated.unweighted_mean_score,
        estimated.effective_n,
        estimated.design_effect,
        estimated.is_eligible,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level

    from estimated
    inner join measured
        on estimated.study_id = measured.study_id
        and estimated.country = measured.country
        and estimated.wave = measured.wave
        and estimated.pillar_id = measured.pillar_id

    {#- a pillar no evaluation of the company scored (too few statements answered
        in each, or a pillar the study does not measure) has no estimate, so no
        row: absent, not a row of NULLs #}
    where estimated.n_evaluations > 0

)

select * from final
