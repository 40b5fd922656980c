{#-
    Weighted company pillar scores per company × pillar × wave, as estimated in
    int_company_pillars_estimated (the formulas live there, once), with the
    change of each pillar since the previous wave and the methodology version
    that produced them. A pillar change follows the movers' rule of
    int_company_waves_ranked (is_mover_comparable: same study, same index
    pillars, ranked in both waves, no merger in between) and compares the same
    pillar; the two waves are independent samples, so the change's standard
    error is sqrt(se_now² + se_previous²).
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

company_pillars as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

with_previous as (

    select
        company_pillars.*,
        previous.wave as previous_wave,
        previous.mean_score as previous_mean_score,
        company_pillars.mean_score - previous.mean_score as mean_score_change,
        {{ difference_std_error('company_pillars.std_error', 'previous.std_error') }} as change_std_error

    from company_pillars
    left join company_waves
        on company_pillars.study_id = company_waves.study_id
        and company_pillars.company_id = company_waves.company_id
        and company_pillars.country = company_waves.country
        and company_pillars.wave = company_waves.wave
        and company_waves.is_mover_comparable
    left join company_pillars as previous
        on company_waves.study_id = previous.study_id
        and company_waves.company_id = previous.company_id
        and company_waves.country = previous.country
        and company_waves.previous_wave = previous.wave
        and company_pillars.pillar_id = previous.pillar_id

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        pillar_id,
        n_evaluations,
        n_statements_measured,
        n_statements_total,
        mean_score,
        stddev_score,
        std_error,
        ci_low,
        ci_high,
        unweighted_mean_score,
        effective_n,
        design_effect,
        is_eligible,
        previous_wave,
        previous_mean_score,
        mean_score_change,
        change_std_error,
        abs(mean_score_change) > {{ z_critical }} * change_std_error as is_change_significant,
        confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from with_previous

)

select * from final
