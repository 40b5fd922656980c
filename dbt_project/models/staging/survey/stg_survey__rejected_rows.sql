with

source as (

    select * from {{ source('survey', 'rejected_rows') }}

),

renamed as (

    select
        -- ids
        batch_id,
        row_number,

        -- dimensions
        field as field_name,
        reason as rejection_reason,
        record as source_record

    from source

),

final as (

    select * from renamed

)

select * from final
