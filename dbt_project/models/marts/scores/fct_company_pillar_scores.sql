{#-
    Weighted company pillar scores per company × pillar × wave, as estimated in
    int_company_pillars_estimated (the formulas live there, once), with the
    methodology version that produced them.
-#}
with

company_pillars as (

    select * from {{ ref('int_company_pillars_estimated') }}

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
        confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from company_pillars

)

select * from final
