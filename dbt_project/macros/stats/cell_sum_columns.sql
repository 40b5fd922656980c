{#-
    Unweighted sums per company × channel × weighting cell, as {column: SQL
    expression over one evaluation row} — what the one pass over the
    evaluations computes (int_company_cells_summed). Per pillar
    (`<pillar>__<sum>`): n (scored evaluations), sum_x, sum_x2. Outcomes: nps
    (n, promoters 9–10, detractors 0–6), csat (n, top-2-box 4–5), ces (n, 5–7),
    as `<outcome>__n` and `<outcome>__n_<box>` (macro outcome_boxes).
-#}
{% macro cell_sum_columns() %}
    {%- set columns = {"n_evaluations": "1"} -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- set score = pillar_id ~ "_score" -%}
        {%- do columns.update({
            pillar_id ~ "__n": "case when " ~ score ~ " is not null then 1 else 0 end",
            pillar_id ~ "__sum_x": score,
            pillar_id ~ "__sum_x2": score ~ " * " ~ score,
        }) -%}
    {%- endfor -%}
    {%- for outcome, boxes in outcome_boxes().items() -%}
        {%- do columns.update({
            outcome ~ "__n": "case when " ~ outcome ~ " is not null then 1 else 0 end",
        }) -%}
        {%- for box, condition in boxes.items() -%}
            {%- do columns.update({
                outcome ~ "__n_" ~ box: "case when " ~ condition ~ " then 1 else 0 end",
            }) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
