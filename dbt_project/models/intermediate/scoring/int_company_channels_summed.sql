{#-
    The one pass over the weighted evaluations that feeds every company and
    channel number: additive sums per company × country × wave × channel
    (macro evaluation_sum_columns). Company-level numbers are these sums added
    over channels (int_company_waves_summed), so the evaluations are read once.
    An evaluation without a channel is counted under channel 'unknown'.
-#}
with

evaluations as (

    select * from {{ ref('int_evaluations_weighted') }}

),

summed as (

    select
        company_id,
        country,
        wave,
        coalesce(channel, 'unknown') as channel,
        {%- for column, expression in evaluation_sum_columns().items() %}
        {%- if column == "n_evaluations" or column.endswith("__n") %}
        cast(sum({{ expression }}) as integer) as {{ column }}
        {%- else %}
        sum({{ expression }}) as {{ column }}
        {%- endif %}
        {{- "," if not loop.last }}
        {%- endfor %}

    from evaluations

    group by all

),

final as (

    select * from summed

)

select * from final
