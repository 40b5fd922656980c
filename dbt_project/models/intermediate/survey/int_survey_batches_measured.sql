{#-
    What each survey batch's questionnaire measures: per pillar, how many of its
    statements the export's mapping asks (raw.load_batches.measured_statements,
    recorded at ingest). A pillar score counts answers against these, not
    against the catalogue: a study that asks two Integrity statements scores
    Integrity from those two (int_evaluations_pillar_scored).
-#}
{%- set pillars = pillar_statements() -%}

with

batches as (

    select * from {{ ref('stg_survey__load_batches') }}

    -- active batches only: a superseded or retracted batch measures nothing any more
    where batch_kind = 'survey' and batch_status = 'loaded'

),

listed as (

    select
        batch_id,
        study_id,
        study_name,
        study_instrument,
        measured_statements,
        {{ dbt.concat(["','", 'measured_statements', "','"]) }} as statement_list

    from batches

),

counted as (

    select
        batch_id,
        study_id,
        study_name,
        study_instrument,
        {%- for pillar_id, statements in pillars.items() %}
        (
            {%- for statement_id in statements %}
            {% if not loop.first %}+ {% endif %}case
                when {{ dbt.position("'," ~ statement_id ~ ",'", 'statement_list') }} > 0 then 1 else 0
            end
            {%- endfor %}
        ) as n_{{ pillar_id }}_measured,
        {%- endfor %}
        measured_statements

    from listed

),

final as (

    select
        batch_id,
        study_id,
        study_name,
        study_instrument,
        {%- for pillar_id in pillars %}
        cast(n_{{ pillar_id }}_measured as integer) as n_{{ pillar_id }}_measured,
        {%- endfor %}
        measured_statements

    from counted

)

select * from final
