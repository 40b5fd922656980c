with

source as (

    select * from {{ source('industry', 'companies') }}

),

renamed as (

    select
        -- ids
        brand_id as company_id,
        sector_code,

        -- dimensions
        brand_name as company_name,
        parent as parent_name,
        country,

        -- measures
        revenue,
        employees,

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
