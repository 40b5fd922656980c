{#-
    The weighted moments of the importance regressions (the complete cases'
    sums of int_company_cells_summed times their cell's raking weight) per
    study × country × wave × replicate_group; int_pillar_moments_summed adds the
    groups up to the sample's total. A company's group is
    md5_number(company_id) mod var importance_replicate_groups (macro
    md5_number_mod; stable across runs, DuckDB versions, engines and waves). Whole companies go to one group because
    evaluations of one company share its service, so they are not independent
    draws. Subtracting a group's moments from the sample's total gives the
    moments without that group: int_pillar_importance_estimated refits the
    relative weights on each of those for a delete-a-group jackknife standard
    error of the importance shares (docs/methodology.md, "Importance with an
    interval"). The raking weights are kept as raked on the whole sample.
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
        cast(
            {{ md5_number_mod('company_id', var('importance_replicate_groups')) }} as integer
        ) as replicate_group,
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

    group by all

    having sum(complete_n) > 0

),

final as (

    select * from summed

)

select * from final
