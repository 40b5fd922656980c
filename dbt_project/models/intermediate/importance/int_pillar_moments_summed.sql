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
    their cell's raking weight multiplies those sums in
    int_pillar_moments_replicated (per replicate group of companies, for the
    jackknife), whose groups are added up here, so the cells are weighted in one
    place. A country × wave without a complete case has no row.
-#}
{%- set variables = importance_variables() -%}
{%- set pairs = importance_pairs() -%}

with

replicated as (

    select * from {{ ref('int_pillar_moments_replicated') }}

),

summed as (

    select
        study_id,
        country,
        wave,
        cast(sum(n_complete_cases) as integer) as n_complete_cases,
        sum(sum_w) as sum_w,
        sum(sum_w2) as sum_w2,
        {%- for name, _ in variables %}
        sum(sum_w__{{ name }}) as sum_w__{{ name }},
        {%- endfor %}
        {%- for name, _ in pairs %}
        sum(sum_w__{{ name }}) as sum_w__{{ name }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from replicated

    group by study_id, country, wave

),

final as (

    select * from summed

)

select * from final
