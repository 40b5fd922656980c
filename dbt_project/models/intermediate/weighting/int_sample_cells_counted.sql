{#-
    The sample's cell table: evaluations per study × country × wave ×
    weighting cell
    (the combination of the weighting_dimensions, age band × gender by
    default), added up from the company × cell sums. Raking needs nothing
    else, so the Python model that rakes sees a few dozen rows per country ×
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
        cast(sum(n_evaluations) as integer) as n_evaluations

    from company_cells

    group by all

),

final as (

    select * from counted

)

select * from final
