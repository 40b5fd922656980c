{#-
    The weight of each pillar in the CX index (CEE), per country × wave,
    according to var cee_weights (macro cee_weighting):
    - driver: the pillar's combined importance (mean of its nps and loyalty
      shares, int_pillar_importance_estimated); where importance could not be
      estimated for a country × wave, equal weights, and cee_method says so;
    - equal: 1/6 each;
    - fixed: the configured weights, normalised to sum 1.
-#}
{%- set weighting = cee_weighting() -%}
{%- set n_pillars = pillar_statements() | length -%}

with

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

importance as (

    select * from {{ ref('int_pillar_importance_estimated') }}

),

country_waves as (

    select distinct
        country,
        wave

    from company_waves

),

pillar_list as (

    {{ pillar_rows() }}

),

combined_importance as (

    select
        country,
        wave,
        pillar_id,
        avg(share) as importance,
        count(share) as n_outcomes

    from importance

    where is_estimated

    group by all

),

driver_available as (

    select
        country,
        wave,
        count(*) = {{ n_pillars }} as has_driver_weights

    from combined_importance

    where n_outcomes = 2

    group by all

),

chosen as (

    select
        country_waves.country,
        country_waves.wave,
        pillar_list.pillar_id,
        combined_importance.importance,
        {%- if weighting.method == "driver" %}
        case
            when driver_available.has_driver_weights then combined_importance.importance
            else cast({{ 1.0 / n_pillars }} as {{ type_double() }})
        end
        {%- elif weighting.method == "equal" %}
        cast({{ 1.0 / n_pillars }} as {{ type_double() }})
        {%- else %}
        case pillar_list.pillar_id
            {%- for pillar_id, weight in weighting.weights.items() %}
            when '{{ pillar_id }}' then cast({{ weight }} as {{ type_double() }})
            {%- endfor %}
        end
        {%- endif %} as cee_weight,
        {%- if weighting.method == "driver" %}
        case
            when driver_available.has_driver_weights then 'driver'
            else 'equal'
        end
        {%- else %}
        '{{ "equal" if weighting.method == "equal" else "fixed" }}'
        {%- endif %} as cee_method

    from country_waves
    cross join pillar_list
    left join combined_importance
        on country_waves.country = combined_importance.country
        and country_waves.wave = combined_importance.wave
        and pillar_list.pillar_id = combined_importance.pillar_id
    left join driver_available
        on country_waves.country = driver_available.country
        and country_waves.wave = driver_available.wave

),

final as (

    select * from chosen

)

select * from final
