{#-
    Which maturity items go with better customer outcomes, per wave × item ×
    outcome, as estimated in int_maturity_links_estimated (which the
    priorities read too), with the methodology version.
-#}
with

maturity_links_estimated as (

    select * from {{ ref('int_maturity_links_estimated') }}

),

final as (

    select
        wave,
        item_group,
        item_id,
        sort_order,
        outcome_group,
        outcome_id,
        n_companies,
        correlation,
        correlation_ci_low,
        correlation_ci_high,
        slope,
        slope_std_error,
        slope_ci_low,
        slope_ci_high,
        is_estimable,
        is_significant,
        confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from maturity_links_estimated

)

select * from final
