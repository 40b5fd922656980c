{#-
    Weighted moments for the pillar-importance regressions, per study × country
    × wave: over the complete cases (every pillar score the study measures, nps
    and loyalty present; a pillar it does not measure has NULL moments),
    Σw, Σw², Σw·v and Σw·v·u for every pair of the eight variables. That is all
    a weighted least-squares fit needs: the Python model
    int_pillar_importance_estimated builds the 8 × 8 correlation matrix from
    one row of this table, so it never reads evaluations.

    As for the company sums, the evaluations are summed per company × channel
    × weighting cell, with their design weights d inside (1 without one), in
    the one pass over them (int_company_cells_summed, columns complete_*);
    their cell's raking weight multiplies those sums here. A country × wave without a complete case
    has no row.
-#}
{%- set variables = importance_variables() -%}
{%- set pairs = importance_pairs() -%}

with

cell_sums as (

    select * from {{ ref('int_company_cells_summed') }}

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
        study_id,
        country,
        wave,
        cast(sum(complete_n) as integer) as n_complete_cases,
        sum(weight * complete_sum_d) as sum_w,
        sum(weight * weight * complete_sum_d2) as sum_w2,
        {%- for name, _ in variables %}
        sum(weight * complete_sum__{{ name }}) as sum_w__{{ name }},
        {%- endfor %}
        {%- for name, _ in pairs %}
        sum(weight * complete_sum__{{ name }}) as sum_w__{{ name }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from weighted

    group by study_id, country, wave

    having sum(complete_n) > 0

),

final as (

    select * from summed

)

select * from final
