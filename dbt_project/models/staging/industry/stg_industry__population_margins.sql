with

source as (

    select * from {{ source('industry', 'population_margins') }}

),

renamed as (

    select
        -- dimensions
        country,
        wave,
        dimension,
        category,

        -- measures
        share,

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
