with

source as (

    select * from {{ source('industry', 'sectors') }}

),

renamed as (

    select
        -- ids
        sector_code,

        -- dimensions
        sector_name,
        nace_division,

        -- validity: the first wave the row holds for (NULL: from the first wave on)
        valid_from_wave,

        -- lineage
        batch_id,
        source_file,
        row_number,
        loaded_at

    from source

),

final as (

    select * from renamed

)

select * from final
