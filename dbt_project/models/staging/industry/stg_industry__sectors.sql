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
