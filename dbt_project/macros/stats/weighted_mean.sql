{#-
    Weighted mean Σw·x / Σw from running sums (SQL expressions); NULL when Σw is 0.
-#}
{% macro weighted_mean(sum_w, sum_wx) -%}
    case when {{ sum_w }} > 0 then {{ sum_wx }} / {{ sum_w }} end
{%- endmacro %}
