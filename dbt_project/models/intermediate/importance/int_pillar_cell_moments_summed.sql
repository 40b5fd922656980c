{#-
    The heavy half of the importance inputs: per country × wave × weighting
    cell, over the complete cases (all six pillar scores, nps and loyalty),
    the unweighted count, Σv and Σv·u for every pair of the eight variables.
    int_pillar_moments_summed applies the cell raking weights to these rows, so
    the evaluations are read here only.

    Incremental by wave like int_company_cells_summed: a wave is summed again
    only when its inputs key (int_survey_waves_fingerprinted) changed.
-#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='wave',
    on_schema_change='sync_all_columns',
) }}
{%- set dimensions = var('weighting_dimensions') -%}
{%- set variables = importance_variables() -%}
{%- set pairs = importance_pairs() -%}

with

fingerprints as (

    select * from {{ ref('int_survey_waves_fingerprinted') }}

),

evaluations as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

    where {{ waves_to_rebuild(ref('int_survey_waves_fingerprinted')) }}

),

cell_sums as (

    select
        country,
        wave,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        count(*) as n_cases,
        {%- for name, column in variables %}
        sum({{ column }}) as sum__{{ name }},
        {%- endfor %}
        {%- for name, product in pairs %}
        sum({{ product }}) as sum__{{ name }}{{ "," if not loop.last }}
        {%- endfor %}

    from evaluations

    where
        {%- for _, column in variables %}
        {{ column }} is not null
        {{- " and" if not loop.last }}
        {%- endfor %}

    group by all

),

final as (

    select
        cell_sums.*,
        fingerprints.inputs_key,
        '{{ invocation_id }}' as build_id

    from cell_sums
    inner join fingerprints
        on cell_sums.wave = fingerprints.wave

)

select * from final
