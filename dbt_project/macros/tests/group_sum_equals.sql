{#-
    Fails with one row per group whose sum of `column` differs from `expected`
    by more than `tolerance` (groups where the column is all NULL are skipped).
    For shares that must add up to 1 per country × wave. Usage (model level):
        data_tests:
          - group_sum_equals:
              arguments:
                column: nps_share
                group_by: [country, wave]
                expected: 1
-#}
{% test group_sum_equals(model, column, group_by, expected=1, tolerance=0.000001) %}

with

summed as (

    select
        {% for key in group_by -%}
        {{ key }},
        {% endfor -%}
        sum({{ column }}) as summed_value

    from {{ model }}

    group by
        {% for key in group_by -%}
        {{ key }}{{ "," if not loop.last }}
        {% endfor %}

),

final as (

    select * from summed
    where summed_value is not null
        and abs(summed_value - {{ expected }}) > {{ tolerance }}

)

select * from final

{% endtest %}
