{#-
    Every column of a relation but some (`* exclude` in DuckDB, `* except` in
    Spark), and every column with some replaced by an expression (DuckDB's
    `* replace`; Spark has none: the other columns, then the replaced ones, so
    there they come last, which a later `select` by name does not notice).
    `prefix` is the relation's alias with its dot, or empty.
-#}
{% macro star_exclude(columns, prefix='') -%}
    {{- return(adapter.dispatch('star_exclude', 'cxbench')(columns, prefix)) -}}
{%- endmacro %}

{% macro default__star_exclude(columns, prefix) -%}
    {{ prefix }}* exclude ({{ columns | join(', ') }})
{%- endmacro %}

{% macro spark__star_exclude(columns, prefix) -%}
    {{ prefix }}* except ({{ columns | join(', ') }})
{%- endmacro %}


{#- `replacements`: column name -> SQL expression. -#}
{% macro star_replace(replacements, prefix='') -%}
    {{- return(adapter.dispatch('star_replace', 'cxbench')(replacements, prefix)) -}}
{%- endmacro %}

{% macro default__star_replace(replacements, prefix) -%}
    {{ prefix }}* replace (
        {%- for column, expression in replacements.items() %}
        {{ expression }} as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}

{% macro spark__star_replace(replacements, prefix) -%}
    {{ prefix }}* except ({{ replacements.keys() | join(', ') }}),
    {%- for column, expression in replacements.items() %}
    {{ expression }} as {{ column }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{#-
    The set operator between two selects with the same columns: DuckDB matches
    them by name; Spark SQL has no such clause, so there they match by position
    (the selects list their columns in the same order, which the DuckDB build
    does not check and the Spark build relies on).
-#}
{% macro union_all_by_name() -%}
    {{- return(adapter.dispatch('union_all_by_name', 'cxbench')()) -}}
{%- endmacro %}

{% macro default__union_all_by_name() -%}
    union all by name
{%- endmacro %}

{% macro spark__union_all_by_name() -%}
    union all
{%- endmacro %}
