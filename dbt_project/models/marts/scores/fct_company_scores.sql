{#-
    Headline numbers per study × company × country × wave with ranks, sector leadership and
    movers, as computed once in int_company_waves_ranked (which the benchmark,
    leader-gap and maturity marts read too), with the methodology version.
-#}
with

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        n_evaluations,
        effective_n,
        design_effect,
        cx_index,
        cee_method,
        cx_index_pillars,
        is_partial_coverage,
        nps_score,
        nps_ci_low,
        nps_ci_high,
        n_nps_responses,
        csat_top2_box_pct,
        n_csat_responses,
        ces_top3_box_pct,
        n_ces_responses,
        is_eligible,
        rank_in_country,
        rank_in_sector,
        is_sector_leader,
        previous_wave,
        previous_cx_index,
        cx_index_change,
        previous_rank_in_country,
        rank_in_country_change,
        is_mover_comparable,
        min_base,
        '{{ var("methodology_version") }}' as methodology_version

    from company_waves

)

select * from final
