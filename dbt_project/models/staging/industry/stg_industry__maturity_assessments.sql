with

active_batches as (

    select * from {{ source('survey', 'load_batches') }}

    where status = 'loaded'

),

source as (

    -- rows of superseded or retracted batches stay in raw for the audit trail
    select * from {{ source('industry', 'maturity_assessments') }}

    where batch_id in (select active_batches.batch_id from active_batches)

),

renamed as (

    select
        -- ids
        brand_id as company_id,
        respondent_id,

        -- dimensions
        wave,
        role,

        -- measures: scores 1–5, NULL = not assessed or "don't know"
        {%- for column, _, _ in maturity_columns() %}
        {{ column }},
        {%- endfor %}

        -- dates
        assessed_on,

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
