{#-
    The six pillars as an inline table (pillar_id, sort_order), generated from
    pillar_statements(): used to turn one wide row per entity into one row per
    pillar with a cross join, without reading the seed.
-#}
{% macro pillar_rows() %}
    {%- for pillar_id in pillar_statements() %}
    select
        '{{ pillar_id }}' as pillar_id,
        {{ loop.index }} as sort_order
    {% if not loop.last -%}
    union all
    {% endif -%}
    {%- endfor %}
{%- endmacro %}
