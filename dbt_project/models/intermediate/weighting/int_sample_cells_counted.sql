{#-
    The sample's cell table: evaluations per country × wave × weighting cell
    (the combination of the weighting_dimensions, age band × gender by
    default). Raking needs nothing else, so the Python model that rakes sees a
    few dozen rows per country × wave instead of the evaluations.
-#}
{%- set dimensions = var('weighting_dimensions') -%}

with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

counted as (

    select
        country,
        wave,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        cast(count(*) as integer) as n_evaluations

    from evaluations

    group by all

),

final as (

    select * from counted

)

select * from final
