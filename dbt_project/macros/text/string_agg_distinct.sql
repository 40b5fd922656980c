{#-
    The distinct non-NULL values of `column` in order, joined by `delimiter` (a
    SQL string literal); NULL when there are none. DuckDB orders inside the
    aggregate; Spark sorts the collected set (its listagg(distinct …) WITHIN
    GROUP fails beside a count(distinct …) in the same select).
-#}
{% macro string_agg_distinct(column, delimiter) -%}
    {{- return(adapter.dispatch('string_agg_distinct', 'cxbench')(column, delimiter)) -}}
{%- endmacro %}

{% macro default__string_agg_distinct(column, delimiter) -%}
    string_agg(distinct {{ column }}, {{ delimiter }} order by {{ column }})
{%- endmacro %}

{% macro spark__string_agg_distinct(column, delimiter) -%}
    case
        when count({{ column }}) > 0
            then array_join(array_sort(collect_set({{ column }})), {{ delimiter }})
    end
{%- endmacro %}
