{#-
    Fails with the rows where any of `columns` is NULL: the not_null test for
    several columns in one query (one node and one scan per model instead of
    one per column). Marts with an enforced contract declare not_null as a
    column constraint instead, which the warehouse enforces while building.
    Usage (model level):
        data_tests:
          - not_null_columns:
              arguments: {columns: [company_id, country, wave]}
-#}
{% test not_null_columns(model, columns) %}

with

final as (

    select * from {{ model }}
    where
        {%- for column in columns %}
        {{ column }} is null
        {{- " or" if not loop.last }}
        {%- endfor %}

)

select * from final

{% endtest %}
