{#-
    The sample's cell table: evaluations per study × country × wave ×
    weighting cell
    (the combination of the weighting_dimensions, age band × gender by
    default), added up from the company × cell sums, with the sum of the
    evaluations' design weights (1 for an evaluation without one; raking
    starts from them) and of their squares (the design effect). Raking needs
    nothing else, so the Python model that rakes sees a few dozen rows per country ×
    wave instead of the evaluations.
-#}
{%- set dimensions = var('weighting_dimensions') -%}

with

company_cells as (

    select * from {{ ref('int_company_cells_summed') }}

),

counted as (

    select
        study_id,
        country,
        wave,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        cast(sum(n_evaluations) as integer) as n_evaluations,
        cast(sum(n_design_weighted) as integer) as n_design_weighted,
        sum(sum_d) as sum_design_weights,
        sum(sum_d2) as sum_squared_design_weights,
        min(min_design_weight) as min_design_weight,
        max(max_design_weight) as max_design_weight

    from company_cells

    group by all

),

final as (

    select * from counted

)

select * from final
