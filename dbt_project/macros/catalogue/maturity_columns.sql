{#-
    The score columns of raw.maturity_assessments as (column, item_group,
    item_id), in seed order (data contract §3). Needed at compile time to turn
    the wide assessment into rows; the relationships test of fct_maturity.item_id
    to the maturity_items seed catches a drift between the two.
-#}
{% macro maturity_columns() %}
    {%- set columns = [] -%}
    {%- for item_id in ["strategy", "customer_understanding", "metrics", "customer_journey",
                        "governance", "culture"] -%}
        {%- do columns.append(("mgmt_" ~ item_id, "management_pillar", item_id)) -%}
    {%- endfor -%}
    {%- for item_id in ["customer_centric", "personal", "flexible", "direct", "consistent",
                        "controlled", "coordinated"] -%}
        {%- do columns.append(("step_" ~ item_id, "maturity_step", item_id)) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
