{#-
    Drops marts the project no longer builds, so that a warehouse built before
    a mart was retired does not keep serving its last, never-refreshed rows
    beside the mart that replaced it (dbt leaves relations of removed models in
    place). Run at the start of every build (dbt_project.yml on-run-start);
    `if exists` makes it a no-op on a warehouse that never had them; commands
    that only read (source freshness) drop nothing (is_warehouse_run()).
    The analyst guide's Migration section says what replaced each.
-#}
{% macro drop_retired_marts() -%}
    {%- if not is_warehouse_run() -%}{{ return("") }}{%- endif -%}
    {{- return(adapter.dispatch('drop_retired_marts', 'cxbench')(retired_marts())) -}}
{%- endmacro %}

{% macro retired_marts() -%}
    {{- return([
        "fct_sector_scores",
        "fct_country_scores",
        "fct_sector_pillar_scores",
        "fct_country_pillar_scores",
    ]) -}}
{%- endmacro %}

{#- One statement per hook is all DuckDB needs: it runs them as a script. -#}
{% macro default__drop_retired_marts(retired) -%}
    {%- for name in retired %}
    drop table if exists marts.{{ name }};
    {%- endfor %}
{%- endmacro %}

{#- Spark runs one statement per call: each drop is its own query, the hook itself none. -#}
{% macro spark__drop_retired_marts(retired) -%}
    {%- if execute -%}
        {%- for name in retired -%}
            {%- do run_query("drop table if exists marts." ~ name) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
