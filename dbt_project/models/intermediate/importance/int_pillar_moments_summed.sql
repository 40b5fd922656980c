{#-
    Weighted moments for the pillar-importance regressions, per country × wave:
    Σw, Σw² and, over the complete cases (all six pillar scores, nps and
    loyalty present), Σw·v and Σw·v·u for every pair of the eight variables.
    That is all a weighted least-squares fit needs: the Python model
    int_pillar_importance_estimated builds the 8 × 8 correlation matrix from
    one row of this table, so it never reads evaluations.
-#}
{%- set variables = [] -%}
{%- for pillar_id in pillar_statements() -%}
    {%- do variables.append((pillar_id, pillar_id ~ "_score")) -%}
{%- endfor -%}
{%- do variables.extend([("nps", "nps"), ("loyalty", "loyalty")]) -%}

with

evaluations as (

    select * from {{ ref('int_evaluations_weighted') }}

),

complete_cases as (

    select * from evaluations
    where
        {%- for _, column in variables %}
        {{ column }} is not null
        {{- " and" if not loop.last }}
        {%- endfor %}

),

summed as (

    select
        country,
        wave,
        cast(count(*) as integer) as n_complete_cases,
        sum(weight) as sum_w,
        sum(weight * weight) as sum_w2,
        {%- for name, column in variables %}
        sum(weight * {{ column }}) as sum_w__{{ name }},
        {%- endfor %}
        {%- for name, column in variables %}
        {%- set outer = loop %}
        {%- for other_name, other_column in variables[loop.index0:] %}
        sum(weight * {{ column }} * {{ other_column }}) as sum_w__{{ name }}__{{ other_name }}
        {{- "," if not (outer.last and loop.last) }}
        {%- endfor %}
        {%- endfor %}

    from complete_cases

    group by all

),

final as (

    select * from summed

)

select * from final
