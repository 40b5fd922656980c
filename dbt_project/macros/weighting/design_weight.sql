{#-
    The starting weight of a row's evaluations: the provider's design weight
    (raw column design_weight, mapping fields.weight), 1 for a file without
    one. Raking multiplies it by the cell's factor (macro cell_weight).
-#}
{% macro design_weight(rows) -%}
    coalesce({{ rows }}.design_weight, 1.0)
{%- endmacro %}
