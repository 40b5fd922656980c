{#-
    The statement ids of each pillar, in catalogue order, as a dict
    pillar_id -> [statement_id, ...] (pillars in sort order).

    Seeds are not readable at parse time, so models that generate one SQL
    expression per pillar or statement read this copy of the catalogue.
    tests/assert_pillar_macro_matches_catalogue.sql fails when it drifts from
    seeds/statement_catalogue.csv or seeds/pillars.csv.
-#}
{% macro pillar_statements() %}
    {{ return({
        "personalisation": ["per_1", "per_2", "per_3", "per_4", "per_5", "per_6"],
        "integrity": ["int_1", "int_2", "int_3", "int_4", "int_5"],
        "expectations": ["exp_1", "exp_2", "exp_3", "exp_4"],
        "resolution": ["res_1", "res_2", "res_3", "res_4", "res_5"],
        "time_effort": ["tim_1", "tim_2", "tim_3", "tim_4", "tim_5"],
        "empathy": ["emp_1", "emp_2", "emp_3", "emp_4", "emp_5"],
    }) }}
{% endmacro %}
