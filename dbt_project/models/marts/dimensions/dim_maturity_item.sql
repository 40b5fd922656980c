{#-
    The thirteen maturity items as a dimension (seed maturity_items), so that
    analysts and the app read labels from the marts like the pillars' (dim_pillar).
-#}
with

items as (

    select * from {{ ref('maturity_items') }}

),

final as (

    select
        item_id,
        item_group,
        cast(sort_order as integer) as sort_order,
        label_en,
        label_nl,
        label_no,
        label_pl

    from items

)

select * from final
