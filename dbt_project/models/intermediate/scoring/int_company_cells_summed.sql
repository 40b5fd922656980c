{#-
    The one pass over the evaluations that feeds every company, channel and
    weighting number: unweighted sums (macro cell_sum_columns) per company ×
    country × wave × channel × weighting cell. Raking weights are constant
    within a cell, so weighted sums follow from these by multiplying with the
    cell weight (int_company_channels_summed) and the cell table raking needs
    is these rows added up (int_sample_cells_counted): the evaluations are
    neither joined to weights nor read a second time for company numbers.
    An evaluation without a channel is counted under channel 'unknown'.

    Incremental by wave: only waves whose inputs key changed (new or changed
    load batches, or a new methodology) are summed again and replace their old
    rows (macro waves_to_rebuild); the other waves' rows stay as they are.
-#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='wave',
    on_schema_change='sync_all_columns',
) }}
{%- set dimensions = var('weighting_dimensions') -%}

with

fingerprints as (

    select * from {{ ref('int_survey_waves_fingerprinted') }}

),

evaluations as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

    where {{ waves_to_rebuild(ref('int_survey_waves_fingerprinted')) }}

),

summed as (

    select
        company_id,
        country,
        wave,
        coalesce(channel, 'unknown') as channel,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        {%- for column, expression in cell_sum_columns().items() %}
        {%- if column.endswith("_x") or column.endswith("_x2") %}
        sum({{ expression }}) as {{ column }}
        {%- else %}
        cast(sum({{ expression }}) as integer) as {{ column }}
        {%- endif %}
        {{- "," if not loop.last }}
        {%- endfor %}

    from evaluations

    group by all

),

final as (

    select
        summed.*,
        fingerprints.inputs_key,
        '{{ invocation_id }}' as build_id

    from summed
    inner join fingerprints
        on summed.wave = fingerprints.wave

)

select * from final
