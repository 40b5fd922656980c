{#-
    Fails with the rows where any of `columns` lies outside [min_value,
    max_value]; NULLs pass. One scan for many columns (the 30 statement columns
    of a wide table), where one accepted_range test per column would scan 30
    times. Usage (model level):
        data_tests:
          - columns_in_range:
              arguments: {columns: [per_1, per_2], min_value: 1, max_value: 10}
-#}
{% test columns_in_range(model, columns, min_value, max_value) %}

with

final as (

    select * from {{ model }}
    where not (
        {%- for column in columns %}
        coalesce({{ column }} between {{ min_value }} and {{ max_value }}, true)
        {{- " and" if not loop.last }}
        {%- endfor %}
    )

)

select * from final

{% endtest %}
