{#-
    dbt.listagg on Spark with its order kept: dbt-spark's own ignores
    `order_by_clause` (collect_list has no order, it warns), which would make
    lists such as dim_study.pillars_measured come out in any order. Spark 4's
    listagg orders WITHIN GROUP. Found first by dbt's dispatch (the root project
    overrides adapter macros); DuckDB keeps dbt-duckdb's.
-#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error("listagg with a limit is not used on Spark") }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}
