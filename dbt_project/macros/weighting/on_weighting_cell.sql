{#-
    The join condition that puts a row in its raking cell: same study,
    country, wave and value on every weighting dimension (var('weighting_dimensions')).
    ``left`` and ``cells`` are the two relations' aliases.
-#}
{% macro on_weighting_cell(left, cells) -%}
    {{ left }}.study_id = {{ cells }}.study_id
        and {{ left }}.country = {{ cells }}.country
        and {{ left }}.wave = {{ cells }}.wave
        {%- for dimension in var('weighting_dimensions') %}
        and {{ left }}.{{ dimension }} = {{ cells }}.{{ dimension }}
        {%- endfor %}
{%- endmacro %}
