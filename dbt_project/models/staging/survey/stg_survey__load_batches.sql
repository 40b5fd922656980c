with

source as (

    select * from {{ source('survey', 'load_batches') }}

),

renamed as (

    select
        -- ids
        batch_id,

        -- dimensions
        kind as batch_kind,
        source_path,
        sha256 as source_sha256,
        mapping as mapping_text,
        status as batch_status,
        study_id,
        study_name,
        study_instrument,
        measured_statements,

        -- measures
        rows_in as n_rows_in,
        rows_loaded as n_rows_loaded,
        rows_rejected as n_rows_rejected,

        -- dates
        started_at,
        finished_at

    from source

),

final as (

    select * from renamed

)

select * from final
