{#-
    Fails with one row per duplicated combination of the given columns
    (a compound primary key). Usage:
        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [company_id, pillar_id, wave]
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

grouped as (

    select
        {% for column in combination_of_columns -%}
        {{ column }},
        {% endfor -%}
        count(*) as n_rows

    from {{ model }}

    group by
        {% for column in combination_of_columns -%}
        {{ column }}{{ "," if not loop.last }}
        {% endfor %}

),

final as (

    select * from grouped
    where n_rows > 1

)

select * from final

{% endtest %}
