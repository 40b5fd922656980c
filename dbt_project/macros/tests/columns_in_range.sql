{#-
    Fails with the rows where any of `columns` lies outside [min_value,
    max_value]; NULLs pass. One scan for many columns (the 30 statement columns
    of a wide table), where one accepted_range test per column would scan 30
    times. Written as `column < min or column > max` so that an engine with
    min/max statistics per block (DuckDB's zone maps) can skip every block
    without reading it. Usage (model level):
        data_tests:
          - columns_in_range:
              arguments: {columns: [per_1, per_2], min_value: 1, max_value: 10}
-#}
{% test columns_in_range(model, columns, min_value, max_value) %}

with

final as (

    select * from {{ model }}
    where
        {%- for column in columns %}
        {{ column }} < {{ min_value }} or {{ column }} > {{ max_value }}
        {{- " or" if not loop.last }}
        {%- endfor %}

)

select * from final

{% endtest %}
