{#-
    The raking weight of a row joined to its cell (macro on_weighting_cell):
    the cell's weight, or 1 when the cell was not raked (no row in
    int_sample_cells_raked), so an unweightable row still counts as itself.
    It multiplies the row's design weights (macro design_weight), which the
    cell sums already hold.
-#}
{% macro cell_weight(cells) -%}
    coalesce({{ cells }}.weight, 1.0)
{%- endmacro %}
