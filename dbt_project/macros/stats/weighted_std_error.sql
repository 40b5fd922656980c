{#-
    Standard error of the weighted mean: weighted_stddev / sqrt(effective_n).
-#}
{% macro weighted_std_error(sum_w, sum_w2, sum_wx, sum_wx2) -%}
    {{ weighted_stddev(sum_w, sum_w2, sum_wx, sum_wx2) }}
    / sqrt({{ effective_n(sum_w, sum_w2) }})
{%- endmacro %}
