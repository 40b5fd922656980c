{#-
    Weighted sums per company × channel, as {column: SQL expression over the
    cell-sum columns of cell_sum_columns() and the cell's `weight`}. An
    evaluation's weight is its design weight d times its cell's raking weight
    w (constant within the cell), so Σ(w·d)·x over the evaluations is
    w · Σd·x over the cell, Σ(w·d)² is w² · Σd², and so on: weighting happens
    on aggregated cells, never on evaluation rows. Per pillar: n, sum_w,
    sum_w2, sum_wx, sum_wx2 and the unweighted sum_x, sum_x2; outcomes: n,
    sum_w, sum_w2 and the weighted promoter/detractor/top-box sums
    `<outcome>__sum_w_<box>`.
-#}
{% macro weighted_sum_columns() %}
    {%- set columns = {
        "n_evaluations": "n_evaluations",
        "sum_weights": "weight * sum_d",
        "sum_squared_weights": "weight * weight * sum_d2",
    } -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- set prefix = pillar_id ~ "__" -%}
        {%- do columns.update({
            prefix ~ "n": prefix ~ "n",
            prefix ~ "sum_w": "weight * " ~ prefix ~ "sum_d",
            prefix ~ "sum_w2": "weight * weight * " ~ prefix ~ "sum_d2",
            prefix ~ "sum_wx": "weight * " ~ prefix ~ "sum_dx",
            prefix ~ "sum_wx2": "weight * " ~ prefix ~ "sum_dx2",
            prefix ~ "sum_x": prefix ~ "sum_x",
            prefix ~ "sum_x2": prefix ~ "sum_x2",
        }) -%}
    {%- endfor -%}
    {%- for outcome, boxes in outcome_boxes().items() -%}
        {%- set prefix = outcome ~ "__" -%}
        {%- do columns.update({
            prefix ~ "n": prefix ~ "n",
            prefix ~ "sum_w": "weight * " ~ prefix ~ "sum_d",
            prefix ~ "sum_w2": "weight * weight * " ~ prefix ~ "sum_d2",
        }) -%}
        {%- for box in boxes -%}
            {%- do columns.update({prefix ~ "sum_w_" ~ box: "weight * " ~ prefix ~ "sum_d_" ~ box}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
