{#-
    Primary disclosure control of a revenue-weighted average (docs/methodology.md
    "What a client can and cannot infer"): the reason it must not be shown, or NULL
    when it may. In Σ revenue·value / Σ revenue a company weighs its revenue
    share, so the rules are measured on revenue, over the companies with revenue:
      - at least var('min_aggregate_companies') of them;
      - dominance: no company's revenue share above var('max_company_share');
      - the p%-rule: the revenue beyond the two largest companies must be at least
        var('p_percent') % of the largest one's, or the second largest company,
        subtracting its own part, would estimate the largest one's closer than p%.
    Reasons that apply are joined by '; ', e.g.
        'one company holds 62% of revenue; p%-rule: revenue beyond the two largest
         is 4% of the largest (minimum 10%)'
    Arguments are SQL expressions: the number of companies with revenue, the
    largest and second largest revenue (0 without a second) and their total.
-#}
{% macro revenue_suppression_reason(n_companies, top_revenue, second_revenue, total_revenue) -%}
    {%- set min_companies = var('min_aggregate_companies') | int -%}
    {%- set max_share = var('max_company_share') | float -%}
    {%- set p_percent = var('p_percent') | float -%}
    {%- set remainder = "(" ~ total_revenue ~ " - " ~ top_revenue ~ " - " ~ second_revenue ~ ")" -%}
    {%- set rules = [
        (
            n_companies ~ " < " ~ min_companies,
            dbt.concat([
                "'fewer than " ~ min_companies ~ " companies with revenue (n='",
                dbt.safe_cast(n_companies, dbt.type_string()),
                "')'",
            ]),
        ),
        (
            top_revenue ~ " > " ~ max_share ~ " * " ~ total_revenue,
            dbt.concat([
                "'one company holds '",
                dbt.safe_cast(
                    "cast(round(100 * " ~ top_revenue ~ " / " ~ total_revenue ~ ") as integer)",
                    dbt.type_string(),
                ),
                "'% of revenue'",
            ]),
        ),
        (
            remainder ~ " < " ~ (p_percent / 100) ~ " * " ~ top_revenue,
            dbt.concat([
                "'p%-rule: revenue beyond the two largest is '",
                dbt.safe_cast(
                    "cast(floor(100 * " ~ remainder ~ " / " ~ top_revenue ~ ") as integer)",
                    dbt.type_string(),
                ),
                "'% of the largest (minimum " ~ (p_percent | round(1) | string).rstrip('0').rstrip('.') ~ "%)'",
            ]),
        ),
    ] -%}
    case
        when {{ n_companies }} = 0 or {{ total_revenue }} is null
            then {{ rules[0][1] }}
        else nullif(
            concat_ws(
                '; '
                {%- for condition, reason in rules %},
                case when {{ condition }} then {{ reason }} end
                {%- endfor %}
            ),
            ''
        )
    end
{%- endmacro %}
