{#-
    Every evaluation with its raking weight: the cell weight of its country ×
    wave × weighting cell (int_sample_cells_raked), 1 for an evaluation whose
    cell could not be raked. A view for analysts: the marts weight aggregated
    cells instead, so no model reads it.
-#}

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
        {{ cell_weight('cells') }} * {{ design_weight('evaluations') }} as weight

    from evaluations
    left join cells
        on {{ on_weighting_cell('evaluations', 'cells') }}

),

final as (

    select * from joined

)

select * from final
