{#- All 30 statement ids in catalogue order (the raw statement column names). -#}
{% macro statement_ids() %}
    {%- set ids = [] -%}
    {%- for statements in pillar_statements().values() -%}
        {%- do ids.extend(statements) -%}
    {%- endfor -%}
    {{ return(ids) }}
{% endmacro %}
