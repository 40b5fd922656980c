{#-
    The one pass over the evaluations that feeds every company, channel and
    weighting number: unweighted sums (macro cell_sum_columns) per company ×
    country × wave × channel × weighting cell. Raking weights are constant
    within a cell, so weighted sums follow from these by multiplying with the
    cell weight (int_company_channels_summed) and the cell table raking needs
    is these rows added up (int_sample_cells_counted): the evaluations are
    neither joined to weights nor read a second time for company numbers.
    An evaluation without a channel is counted under channel 'unknown'.
-#}
{%- set dimensions = var('weighting_dimensions') -%}

with

evaluations as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

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

    select * from summed

)

select * from final
