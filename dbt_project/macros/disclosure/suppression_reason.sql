{#-
    Disclosure control of an aggregate (docs/methodology.md): the reason it must not be
    shown, or NULL when it may. An aggregate needs at least
    var('min_aggregate_companies') eligible companies and no single company over
    var('max_company_share') of its evaluations. Both reasons are given when both
    apply, joined by '; ', e.g.
        'fewer than 5 eligible companies (n=3)'
        'one company holds 31% of evaluations'
    Arguments are SQL expressions: the number of eligible companies and the
    largest company's share (0–1) of the aggregate's evaluations.
-#}
{% macro suppression_reason(n_companies, top_company_share) -%}
    {%- set min_companies = var('min_aggregate_companies') | int -%}
    {%- set max_share = var('max_company_share') | float -%}
    case
        when {{ n_companies }} < {{ min_companies }} and {{ top_company_share }} > {{ max_share }}
            then {{ dbt.concat([
                "'fewer than " ~ min_companies ~ " eligible companies (n='",
                dbt.safe_cast(n_companies, dbt.type_string()),
                "'); one company holds '",
                dbt.safe_cast("cast(round(100 * " ~ top_company_share ~ ") as integer)", dbt.type_string()),
                "'% of evaluations'",
            ]) }}
        when {{ n_companies }} < {{ min_companies }}
            then {{ dbt.concat([
                "'fewer than " ~ min_companies ~ " eligible companies (n='",
                dbt.safe_cast(n_companies, dbt.type_string()),
                "')'",
            ]) }}
        when {{ top_company_share }} > {{ max_share }}
            then {{ dbt.concat([
                "'one company holds '",
                dbt.safe_cast("cast(round(100 * " ~ top_company_share ~ ") as integer)", dbt.type_string()),
                "'% of evaluations'",
            ]) }}
    end
{%- endmacro %}
