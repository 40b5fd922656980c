{#-
    The engine's 8-byte floating-point type name, for casts of literals that
    must not become fixed-point decimals (a literal 0.25 is DECIMAL in DuckDB).
    dbt.type_float() is not it: on DuckDB `float` is 4 bytes.
-#}
{% macro type_double() %}
    {{- return(adapter.dispatch('type_double', 'cxbench')()) -}}
{% endmacro %}

{% macro default__type_double() %}double precision{% endmacro %}

{% macro spark__type_double() %}double{% endmacro %}
