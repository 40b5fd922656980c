{#-
    The weight of each measured pillar in the CX index (CEE), per sample (study
    × country × wave), according to var cee_weights (macro cee_weighting). Only
    the pillars the study measures (int_survey_samples_measured) take part, and
    their weights add up to 1:
    - driver: the pillar's combined importance (mean of its nps and loyalty
      shares, int_pillar_importance_estimated, estimated on the measured
      pillars); where importance could not be estimated for the sample, equal
      weights, and cee_method says so;
    - equal: 1 / the number of measured pillars;
    - fixed: the configured weights of the measured pillars, normalised to sum 1.
-#}
{%- set weighting = cee_weighting() -%}

with

measured as (

    select * from {{ ref('int_survey_samples_measured') }}

    where is_measured

),

importance as (

    select * from {{ ref('int_pillar_importance_estimated') }}

),

samples as (

    select
        study_id,
        country,
        wave,
        count(*) as n_pillars_measured

    from measured

    group by all

),

combined_importance as (

    select
        study_id,
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
        combined_importance.study_id,
        combined_importance.country,
        combined_importance.wave,
        count(*) = max(samples.n_pillars_measured) as has_driver_weights

    from combined_importance
    inner join samples
        on combined_importance.study_id = samples.study_id
        and combined_importance.country = samples.country
        and combined_importance.wave = samples.wave

    where combined_importance.n_outcomes = 2

    group by all

),

configured as (

    select
        measured.study_id,
        measured.country,
        measured.wave,
        measured.pillar_id,
        measured.sort_order,
        samples.n_pillars_measured,
        combined_importance.importance,
        coalesce(driver_available.has_driver_weights, false) as has_driver_weights,
        {%- if weighting.method == "fixed" %}
        case measured.pillar_id
            {%- for pillar_id, weight in weighting.weights.items() %}
            when '{{ pillar_id }}' then cast({{ weight }} as {{ type_double() }})
            {%- endfor %}
        end
        {%- else %}
        cast(1 as {{ type_double() }})
        {%- endif %} as configured_weight

    from measured
    inner join samples
        on measured.study_id = samples.study_id
        and measured.country = samples.country
        and measured.wave = samples.wave
    left join combined_importance
        on measured.study_id = combined_importance.study_id
        and measured.country = combined_importance.country
        and measured.wave = combined_importance.wave
        and measured.pillar_id = combined_importance.pillar_id
    left join driver_available
        on measured.study_id = driver_available.study_id
        and measured.country = driver_available.country
        and measured.wave = driver_available.wave

),

chosen as (

    select
        study_id,
        country,
        wave,
        pillar_id,
        sort_order,
        cast(n_pillars_measured as integer) as n_pillars_measured,
        importance,
        {#- driver: importance, or equal where there is none; equal: each 1;
            fixed: the configured weights; all normalised over the measured pillars #}
        {%- if weighting.method == "driver" %}
        case
            when has_driver_weights then importance
            else cast(1 as {{ type_double() }}) / n_pillars_measured
        end
        {%- else %}
        configured_weight / sum(configured_weight) over (partition by study_id, country, wave)
        {%- endif %} as cee_weight,
        {%- if weighting.method == "driver" %}
        case when has_driver_weights then 'driver' else 'equal' end
        {%- else %}
        '{{ "equal" if weighting.method == "equal" else "fixed" }}'
        {%- endif %} as cee_method

    from configured

),

final as (

    select * from chosen

)

select * from final
