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

        -- validity: the first wave the row holds for (NULL: from the first wave on),
        -- and the company a brand is absorbed into from that wave
        valid_from_wave,
        merged_into as merged_into_company_id,

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
