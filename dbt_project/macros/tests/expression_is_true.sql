{#-
    Fails with the rows for which a boolean SQL expression is not true (false
    or NULL), optionally only among rows matching `where`. For rules that tie
    columns together, e.g. ci_low <= mean_score. Usage (model level):
        data_tests:
          - expression_is_true:
              arguments:
                expression: "ci_low <= mean_score and mean_score <= ci_high"
                where: "std_error is not null"
-#}
{% test expression_is_true(model, expression, where=none) %}

with

checked as (

    select * from {{ model }}
    {%- if where is not none %}
    where {{ where }}
    {%- endif %}

),

final as (

    select * from checked
    where not coalesce({{ expression }}, false)

)

select * from final

{% endtest %}
