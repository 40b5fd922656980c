{#-
    A 64-bit (or wider) hash of a combination of columns, for cheap
    distinctness checks (unique_combination_of_columns with
    precheck_with_hash). DuckDB hashes the values natively; elsewhere the md5
    surrogate key is used, which is slower but portable.
-#}
{% macro row_hash(columns) %}
    {{- return(adapter.dispatch('row_hash', 'cxbench')(columns)) -}}
{% endmacro %}

{% macro default__row_hash(columns) %}
    {{- surrogate_key(columns) -}}
{% endmacro %}

{% macro duckdb__row_hash(columns) %}
    hash({{ columns | join(", ") }})
{%- endmacro %}
