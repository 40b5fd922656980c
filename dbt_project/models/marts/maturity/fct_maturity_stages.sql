{#-
    The maturity stage of each organisation per wave, as placed on the ladder
    in int_maturity_stages_reached (which the outcome links read too), with
    the methodology version.
-#}
with

maturity_stages_reached as (

    select * from {{ ref('int_maturity_stages_reached') }}

),

final as (

    select
        company_id,
        country,
        sector_code,
        wave,
        n_respondents,
        n_items_scored,
        overall_score,
        management_score,
        steps_score,
        maturity_stage,
        stage_item_id,
        next_step_item_id,
        step_threshold,
        is_reportable,
        '{{ var("methodology_version") }}' as methodology_version

    from maturity_stages_reached

)

select * from final
