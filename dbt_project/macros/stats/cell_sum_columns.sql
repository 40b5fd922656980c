{#-
    Sums per company × channel × weighting cell, as {column: SQL expression
    over one evaluation row} — what the one pass over the evaluations computes
    (int_company_cells_summed). `start_weight` is the row's design weight (1
    without one, macro design_weight): raking factors are constant within a
    cell, design weights are not, so every sum a weighted statistic needs is
    taken with the design weight inside and the cell's factor multiplies it
    afterwards (macro weighted_sum_columns).

    Counts and the sample's size: n_evaluations, sum_d (Σd), sum_d2 (Σd²),
    n_design_weighted (evaluations with a design weight of their own). Per
    pillar (`<pillar>__<sum>`): n (scored evaluations), the unweighted sum_x,
    sum_x2, and sum_d, sum_d2, sum_dx, sum_dx2 over the scored evaluations.
    Outcomes: nps (promoters 9–10, detractors 0–6), csat (top-2-box 4–5),
    ces (5–7), as `<outcome>__n`, `__sum_d`, `__sum_d2` and `__sum_d_<box>`
    (macro outcome_boxes).
-#}
{% macro cell_sum_columns() %}
    {%- set d = "start_weight" -%}
    {%- set columns = {
        "n_evaluations": "1",
        "n_design_weighted": "case when design_weight is not null then 1 else 0 end",
        "sum_d": d,
        "sum_d2": d ~ " * " ~ d,
    } -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- set score = pillar_id ~ "_score" -%}
        {%- set scored = "case when " ~ score ~ " is not null then " -%}
        {%- do columns.update({
            pillar_id ~ "__n": scored ~ "1 else 0 end",
            pillar_id ~ "__sum_x": score,
            pillar_id ~ "__sum_x2": score ~ " * " ~ score,
            pillar_id ~ "__sum_d": scored ~ d ~ " else 0 end",
            pillar_id ~ "__sum_d2": scored ~ d ~ " * " ~ d ~ " else 0 end",
            pillar_id ~ "__sum_dx": d ~ " * " ~ score,
            pillar_id ~ "__sum_dx2": d ~ " * " ~ score ~ " * " ~ score,
        }) -%}
    {%- endfor -%}
    {%- for outcome, boxes in outcome_boxes().items() -%}
        {%- set answered = "case when " ~ outcome ~ " is not null then " -%}
        {%- do columns.update({
            outcome ~ "__n": answered ~ "1 else 0 end",
            outcome ~ "__sum_d": answered ~ d ~ " else 0 end",
            outcome ~ "__sum_d2": answered ~ d ~ " * " ~ d ~ " else 0 end",
        }) -%}
        {%- for box, condition in boxes.items() -%}
            {%- do columns.update({
                outcome ~ "__sum_d_" ~ box: "case when " ~ condition ~ " then " ~ d ~ " else 0 end",
            }) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
