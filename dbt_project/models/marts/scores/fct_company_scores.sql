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
        cx_index_std_error,
        cx_index_ci_low,
        cx_index_ci_high,
        cee_method,
        cx_index_pillars,
        is_partial_coverage,
        nps_score,
        nps_ci_low,
        nps_ci_high,
        n_nps_responses,
        csat_top2_box_pct,
        csat_ci_low,
        csat_ci_high,
        n_csat_responses,
        ces_top3_box_pct,
        ces_ci_low,
        ces_ci_high,
        n_ces_responses,
        is_eligible,
        rank_in_country,
        rank_in_sector,
        rank_in_country_best,
        rank_in_country_worst,
        rank_in_sector_best,
        rank_in_sector_worst,
        is_sector_leader,
        previous_wave,
        previous_cx_index,
        cx_index_change,
        previous_rank_in_country,
        rank_in_country_change,
        cx_index_change_std_error,
        is_cx_index_change_significant,
        previous_nps_score,
        nps_change,
        is_nps_change_significant,
        previous_csat_top2_box_pct,
        csat_change,
        is_csat_change_significant,
        previous_ces_top3_box_pct,
        ces_change,
        is_ces_change_significant,
        previous_rank_in_sector,
        rank_in_sector_change,
        is_mover_comparable,
        min_base,
        '{{ var("methodology_version") }}' as methodology_version

    from company_waves

)

select * from final
