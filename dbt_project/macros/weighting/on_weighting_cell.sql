{#-
    The join condition that puts a row in its raking cell: same study,
    country, wave and category on every weighting dimension
    (var('weighting_dimensions')), a missing category (NULL: a file without
    age) matching the cell of missing ones, which has its own row and factor
    in int_sample_cells_raked. ``left`` and ``cells`` are the two relations'
    aliases.
-#}
{% macro on_weighting_cell(left, cells) -%}
    {{ left }}.study_id = {{ cells }}.study_id
        and {{ left }}.country = {{ cells }}.country
        and {{ left }}.wave = {{ cells }}.wave
        {%- for dimension in var('weighting_dimensions') %}
        and {{ left }}.{{ dimension }} is not distinct from {{ cells }}.{{ dimension }}
        {%- endfor %}
{%- endmacro %}
