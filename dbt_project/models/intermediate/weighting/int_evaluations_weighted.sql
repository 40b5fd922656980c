{#-
    Every evaluation with its raking weight: the cell weight of its country ×
    wave × weighting cell (int_sample_cells_raked), 1 for an evaluation whose
    cell could not be raked. A view for analysts: the marts weight aggregated
    cells instead, so no model reads it.
-#}
{%- set dimensions = var('weighting_dimensions') -%}

with

evaluations as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

),

cells as (

    select * from {{ ref('int_sample_cells_raked') }}

),

joined as (

    select
        evaluations.*,
        coalesce(cells.weight, 1.0) as weight

    from evaluations
    left join cells
        on evaluations.country = cells.country
        and evaluations.wave = cells.wave
        {%- for dimension in dimensions %}
        and evaluations.{{ dimension }} = cells.{{ dimension }}
        {%- endfor %}

),

final as (

    select * from joined

)

select * from final
