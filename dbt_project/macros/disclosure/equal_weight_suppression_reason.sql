{#-
    Primary disclosure control of a company-equal average (the plain mean of the
    CX index, NPS or a pillar, docs/methodology.md "What a client can and cannot
    infer"): the reason it must not be shown, or NULL when it may. Each of the k
    eligible companies weighs 1/k in such an average, so dominance is measured on
    that weight, not on evaluation counts: the average needs at least
    var('min_aggregate_companies') companies, and 1/k may not exceed
    var('max_company_share'). Too few companies is the reason given when it
    applies (with the defaults it implies the other: 1/k > 25% only for k < 4), e.g.
        'fewer than 5 eligible companies (n=3)'
        'one company weighs 33% of the average'
    The argument is an SQL expression: the number of eligible companies.
-#}
{% macro equal_weight_suppression_reason(n_companies) -%}
    {%- set min_companies = var('min_aggregate_companies') | int -%}
    {%- set max_share = var('max_company_share') | float -%}
    {%- set too_few -%}
        {{ dbt.concat([
            "'fewer than " ~ min_companies ~ " eligible companies (n='",
            dbt.safe_cast(n_companies, dbt.type_string()),
            "')'",
        ]) }}
    {%- endset -%}
    {%- set one_weighs -%}
        {{ dbt.concat([
            "'one company weighs '",
            dbt.safe_cast("cast(round(100.0 / " ~ n_companies ~ ") as integer)", dbt.type_string()),
            "'% of the average'",
        ]) }}
    {%- endset -%}
    case
        when {{ n_companies }} < {{ min_companies }}
            then {{ too_few }}
        when {{ n_companies }} > 0 and 1.0 / {{ n_companies }} > {{ max_share }}
            then {{ one_weighs }}
    end
{%- endmacro %}
