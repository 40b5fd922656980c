{#-
    Weighted sums per company × channel, as {column: SQL expression over the
    cell-sum columns of cell_sum_columns() and the cell's `weight`}. All
    evaluations of a cell share its raking weight w, so Σw·x over the
    evaluations is w · Σx over the cell, Σw² is w² · n, and so on: weighting
    happens on aggregated cells, never on evaluation rows. Per pillar: n, sum_w,
    sum_w2, sum_wx, sum_wx2, sum_x, sum_x2; outcomes: n, sum_w, sum_w2 and the
    weighted promoter/detractor/top-box sums `<outcome>__sum_w_<box>`.
-#}
{% macro weighted_sum_columns() %}
    {%- set columns = {
        "n_evaluations": "n_evaluations",
        "sum_weights": "weight * n_evaluations",
        "sum_squared_weights": "weight * weight * n_evaluations",
    } -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- set prefix = pillar_id ~ "__" -%}
        {%- do columns.update({
            prefix ~ "n": prefix ~ "n",
            prefix ~ "sum_w": "weight * " ~ prefix ~ "n",
            prefix ~ "sum_w2": "weight * weight * " ~ prefix ~ "n",
            prefix ~ "sum_wx": "weight * " ~ prefix ~ "sum_x",
            prefix ~ "sum_wx2": "weight * " ~ prefix ~ "sum_x2",
            prefix ~ "sum_x": prefix ~ "sum_x",
            prefix ~ "sum_x2": prefix ~ "sum_x2",
        }) -%}
    {%- endfor -%}
    {%- for outcome, boxes in outcome_boxes().items() -%}
        {%- set prefix = outcome ~ "__" -%}
        {%- do columns.update({
            prefix ~ "n": prefix ~ "n",
            prefix ~ "sum_w": "weight * " ~ prefix ~ "n",
            prefix ~ "sum_w2": "weight * weight * " ~ prefix ~ "n",
        }) -%}
        {%- for box in boxes -%}
            {%- do columns.update({prefix ~ "sum_w_" ~ box: "weight * " ~ prefix ~ "n_" ~ box}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
