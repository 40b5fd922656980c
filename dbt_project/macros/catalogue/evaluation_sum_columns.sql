{#-
    The additive sums kept per company × channel (int_company_channels_summed)
    and rolled up to company × wave (int_company_waves_summed), as
    {column_name: SQL expression over one evaluation row}. Everything the
    company and channel marts report is finished from these sums, so the
    evaluations are aggregated once.

    Per pillar (`<pillar>__<sum>`): n (scored evaluations), sum_w, sum_w2
    (weights and squared weights of the scored evaluations), sum_wx, sum_wx2
    (weighted score and squared score), sum_x, sum_x2 (unweighted).
    Outcomes: nps (promoters 9–10, detractors 0–6), csat (top-2-box: 4–5),
    ces (5–7), each with n, sum_w and sum_w2 of the evaluations that answered.
-#}
{% macro evaluation_sum_columns() %}
    {%- set columns = {
        "n_evaluations": "1",
        "sum_weights": "weight",
        "sum_squared_weights": "weight * weight",
    } -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- set score = pillar_id ~ "_score" -%}
        {%- set scored = "case when " ~ score ~ " is not null then " -%}
        {%- do columns.update({
            pillar_id ~ "__n": scored ~ "1 else 0 end",
            pillar_id ~ "__sum_w": scored ~ "weight end",
            pillar_id ~ "__sum_w2": scored ~ "weight * weight end",
            pillar_id ~ "__sum_wx": "weight * " ~ score,
            pillar_id ~ "__sum_wx2": "weight * " ~ score ~ " * " ~ score,
            pillar_id ~ "__sum_x": score,
            pillar_id ~ "__sum_x2": score ~ " * " ~ score,
        }) -%}
    {%- endfor -%}
    {%- set outcome_boxes = {
        "nps": [("promoter", "nps >= 9"), ("detractor", "nps <= 6")],
        "csat": [("top2", "csat >= 4")],
        "ces": [("top3", "ces >= 5")],
    } -%}
    {%- for outcome, boxes in outcome_boxes.items() -%}
        {%- set answered = "case when " ~ outcome ~ " is not null then " -%}
        {%- do columns.update({
            outcome ~ "__n": answered ~ "1 else 0 end",
            outcome ~ "__sum_w": answered ~ "weight end",
            outcome ~ "__sum_w2": answered ~ "weight * weight end",
        }) -%}
        {%- for box, condition in boxes -%}
            {%- do columns.update({
                outcome ~ "__sum_w_" ~ box: "case when " ~ condition ~ " then weight else 0 end",
            }) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
