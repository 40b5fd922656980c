{#-
    The weight of a row joined to its cell (macro on_weighting_cell): its
    design weight (1 without one, macro design_weight) times the cell's raking
    factor from int_sample_cells_raked (1 when the cell has no row there, so
    an unweightable row still counts as itself).
-#}
{% macro cell_weight(cells, rows) -%}
    coalesce({{ cells }}.weight, 1.0) * {{ design_weight(rows) }}
{%- endmacro %}
