{#-
    Sector and national benchmarks per benchmark_level × country × sector × wave,
    as aggregated and disclosure-controlled in int_benchmarks_disclosed (one
    model for both levels, so sector and country averages follow one rule),
    with the methodology version.
-#}
with

benchmarks as (

    select * from {{ ref('int_benchmarks_disclosed') }}

),

final as (

    select
        benchmark_level,
        study_id,
        country,
        sector_code,
        wave,
        n_companies,
        n_eligible_companies,
        n_revenue_companies,
        n_evaluations,
        n_eligible_evaluations,
        effective_n,
        design_effect,
        min_weight,
        max_weight,
        n_unraked_evaluations,
        is_raking_converged,
        weighting_method,
        weighting_note,
        weight_source,
        top_company_share,
        top_revenue_share,
        avg_cx_index,
        revenue_weighted_cx_index,
        avg_nps_score,
        is_suppressed,
        suppression_reason,
        is_revenue_suppressed,
        revenue_suppression_reason,
        is_peer_set_disclosed,
        min_aggregate_companies,
        max_company_share,
        p_percent,
        min_peer_companies,
        '{{ var("methodology_version") }}' as methodology_version

    from benchmarks

)

select * from final
