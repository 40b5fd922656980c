{#-
    Weighted moments for the pillar-importance regressions, per country × wave:
    over the complete cases (all six pillar scores, nps and loyalty present),
    Σw, Σw², Σw·v and Σw·v·u for every pair of the eight variables. That is all
    a weighted least-squares fit needs: the Python model
    int_pillar_importance_estimated builds the 8 × 8 correlation matrix from
    one row of this table, so it never reads evaluations.

    As for the company sums, the evaluations are summed unweighted per
    weighting cell (int_pillar_cell_moments_summed, incremental by wave) and
    the cell's raking weight is applied to those sums here.
-#}
{%- set variables = importance_variables() -%}
{%- set pairs = importance_pairs() -%}

with

cell_sums as (

    select * from {{ ref('int_pillar_cell_moments_summed') }}

),

cells as (

    select * from {{ ref('int_sample_cells_raked') }}

),

weighted as (

    select
        cell_sums.*,
        {{ cell_weight('cells') }} as weight

    from cell_sums
    left join cells
        on {{ on_weighting_cell('cell_sums', 'cells') }}

),

summed as (

    select
        country,
        wave,
        cast(sum(n_cases) as integer) as n_complete_cases,
        sum(weight * n_cases) as sum_w,
        sum(weight * weight * n_cases) as sum_w2,
        {%- for name, _ in variables %}
        sum(weight * sum__{{ name }}) as sum_w__{{ name }},
        {%- endfor %}
        {%- for name, _ in pairs %}
        sum(weight * sum__{{ name }}) as sum_w__{{ name }}{{ "," if not loop.last }}
        {%- endfor %}

    from weighted

    group by all

),

final as (

    select * from summed

)

select * from final
