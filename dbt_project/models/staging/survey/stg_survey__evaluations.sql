with

active_batches as (

    select * from {{ source('survey', 'load_batches') }}

    where status = 'loaded'

),

source as (

    -- rows of superseded or retracted batches stay in raw for the audit trail
    select * from {{ source('survey', 'survey_evaluations') }}

    where batch_id in (select active_batches.batch_id from active_batches)

),

renamed as (

    select
        -- ids
        {{ surrogate_key(['study_id', 'wave', 'country', 'respondent_id', 'brand_id']) }} as evaluation_id,
        respondent_id,
        brand_id as company_id,

        -- dimensions
        study_id,
        wave,
        country,
        channel,
        age,
        {{ age_band('age') }} as age_band,
        gender,
        region,
        design_weight,

        -- measures: statements (1–10, NULL = don't know / not answered)
        {%- for statement_id in statement_ids() %}
        {{ statement_id }},
        {%- endfor %}

        -- measures: outcomes on their canonical scales
        nps,
        loyalty,
        csat,
        ces,
        comment,

        -- dates
        interaction_date,

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
