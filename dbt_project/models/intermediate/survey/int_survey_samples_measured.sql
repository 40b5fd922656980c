{#-
    What each sample's questionnaire measures, per study × country × wave ×
    pillar: how many of the pillar's statements the study asks
    (n_statements_measured; when the sample's batches differ, the most any of
    them asks) of the catalogue's n_statements_total. Pillars the study does not
    ask have a row with 0, so every reader can tell "not measured" from "not
    scored". The CX index and the importance regressions use the measured
    pillars only; every pillar score says how it was measured.

    Reads the batches of each sample (int_survey_sample_batches), not the
    evaluations.
-#}
{%- set pillars = pillar_statements() -%}

with

sample_batches as (

    select * from {{ ref('int_survey_sample_batches') }}

),

batches as (

    select * from {{ ref('int_survey_batches_measured') }}

),

pillar_list as (

    {{ pillar_rows() }}

),

measured as (

    select
        sample_batches.study_id,
        sample_batches.country,
        sample_batches.wave,
        pillar_list.pillar_id,
        pillar_list.sort_order,
        max(
            case pillar_list.pillar_id
                {%- for pillar_id in pillars %}
                when '{{ pillar_id }}' then batches.n_{{ pillar_id }}_measured
                {%- endfor %}
            end
        ) as n_statements_measured,
        case pillar_list.pillar_id
            {%- for pillar_id, statements in pillars.items() %}
            when '{{ pillar_id }}' then {{ statements | length }}
            {%- endfor %}
        end as n_statements_total

    from sample_batches
    inner join batches
        on sample_batches.batch_id = batches.batch_id
    cross join pillar_list

    group by
        sample_batches.study_id,
        sample_batches.country,
        sample_batches.wave,
        pillar_list.pillar_id,
        pillar_list.sort_order

),

final as (

    select
        study_id,
        country,
        wave,
        pillar_id,
        sort_order,
        cast(n_statements_measured as integer) as n_statements_measured,
        cast(n_statements_total as integer) as n_statements_total,
        n_statements_measured > 0 as is_measured

    from measured

)

select * from final
