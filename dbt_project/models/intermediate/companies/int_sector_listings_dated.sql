{#-
    The sector list with history, like the company list's
    (int_company_listings_dated): each delivered row of a sector holds from its
    valid_from_wave (NULL: from the first wave) until the sector's next
    delivery; is_current marks the latest, whose name the dimensions show.
-#}
with

sectors as (

    select * from {{ ref('stg_industry__sectors') }}

),

dated as (

    select
        sector_code,
        valid_from_wave,
        lead(valid_from_wave) over (
            partition by sector_code order by valid_from_wave asc nulls first
        ) as valid_to_wave,
        sector_name,
        nace_division,
        batch_id

    from sectors

),

final as (

    select
        *,
        valid_to_wave is null as is_current

    from dated

)

select * from final
