with

pillars as (

    select * from {{ ref('pillars') }}

),

final as (

    select
        pillar_id,
        sort_order,
        pillar_group,
        label_en,
        label_nl,
        label_no,
        label_pl

    from pillars

)

select * from final
