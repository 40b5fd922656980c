{#-
    The company-wave base and its sums: int_company_channels_summed added up
    over channels, one row per study × company × country × wave, with eligibility
    (docs/methodology.md: at least min_base evaluations). Every company mart reads
    eligibility and sums from here, so the rule is written once.
-#}
with

channel_sums as (

    select * from {{ ref('int_company_channels_summed') }}

),

summed as (

    select
        study_id,
        company_id,
        country,
        wave,
        {%- for column in weighted_sum_columns() %}
        {%- if column == "n_evaluations" or column.endswith("__n") %}
        cast(sum({{ column }}) as integer) as {{ column }}
        {%- else %}
        sum({{ column }}) as {{ column }}
        {%- endif %}
        {{- "," }}
        {%- endfor %}
        cast(count(*) as integer) as n_channels

    from channel_sums

    group by all

),

final as (

    select
        *,
        n_evaluations >= {{ var('min_base') }} as is_eligible

    from summed

)

select * from final
