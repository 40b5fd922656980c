{#-
    Kish's effective sample size (Σw)² / Σw² from running sums; equal to n when all weights are 1.
-#}
{% macro effective_n(sum_w, sum_w2) -%}
    case when {{ sum_w2 }} > 0 then {{ sum_w }} * {{ sum_w }} / {{ sum_w2 }} end
{%- endmacro %}
