{#-
    Organisational CX maturity per company × wave × assessed item, as scored
    once in int_maturity_items_scored (which the other maturity marts read
    too), with the methodology version.
-#}
with

maturity_items_scored as (

    select * from {{ ref('int_maturity_items_scored') }}

),

final as (

    select
        company_id,
        country,
        sector_code,
        wave,
        item_group,
        item_id,
        sort_order,
        n_respondents,
        score,
        score_sd,
        score_std_error,
        is_reportable,
        assessed_on,
        '{{ var("methodology_version") }}' as methodology_version

    from maturity_items_scored

)

select * from final
