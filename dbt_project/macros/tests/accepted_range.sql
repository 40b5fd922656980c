{#-
    Fails with the rows whose column lies outside [min_value, max_value]
    (bounds excluded when inclusive=false; a missing bound is open).
    NULLs pass: pair with not_null when the column is required. Usage:
        - accepted_range:
            arguments: {min_value: 1, max_value: 10}
-#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}

{%- set lower_op = ">=" if inclusive else ">" -%}
{%- set upper_op = "<=" if inclusive else "<" -%}

with

checked as (

    select
        {{ column_name }} as checked_value

    from {{ model }}

    where {{ column_name }} is not null

),

final as (

    select * from checked
    where not (
        1 = 1
        {%- if min_value is not none %}
        and checked_value {{ lower_op }} {{ min_value }}
        {%- endif %}
        {%- if max_value is not none %}
        and checked_value {{ upper_op }} {{ max_value }}
        {%- endif %}
    )

)

select * from final

{% endtest %}
