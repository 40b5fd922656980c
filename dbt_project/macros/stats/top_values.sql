{#-
    The `n` largest non-NULL values of `expression` in a group, largest first, as
    a list (DuckDB's max(x, n); Spark sorts the collected values), and element
    `index` (from 1) of such a list, NULL past its end.
-#}
{% macro top_values(expression, n) -%}
    {{- return(adapter.dispatch('top_values', 'cxbench')(expression, n)) -}}
{%- endmacro %}

{% macro default__top_values(expression, n) -%}
    max({{ expression }}, {{ n }})
{%- endmacro %}

{% macro spark__top_values(expression, n) -%}
    slice(sort_array(collect_list({{ expression }}), false), 1, {{ n }})
{%- endmacro %}


{% macro list_element(list, index) -%}
    {{- return(adapter.dispatch('list_element', 'cxbench')(list, index)) -}}
{%- endmacro %}

{% macro default__list_element(list, index) -%}
    {{ list }}[{{ index }}]
{%- endmacro %}

{% macro spark__list_element(list, index) -%}
    try_element_at({{ list }}, {{ index }})
{%- endmacro %}
