{#-
    Every structural rule of one table in one test node: keys, not-null
    columns, accepted values, scales (ranges), row rules (expressions),
    references to other tables and sums per group. Fails with one row per
    broken rule: the rule and how many rows (or groups) break it.

    Why one node: dbt spends more time scheduling, compiling and reporting a
    test than DuckDB spends running a small one, and one node per column made
    the tests most of the build's nodes. The row rules are counted in a single
    scan (one filtered count each, over the rows breaking any rule); a key
    costs one sort of its hashes (repeated_key_hashes), a reference one
    anti-join, a group sum one grouping. Each rule keeps the meaning of the
    usual single-rule test (unique combination of columns, not_null,
    accepted_values, accepted range, expression is true, relationships, group
    sum): NULLs pass every rule except not_null, a NULL reference is not
    checked, a key counts NULLs as equal.

    Marts with an enforced contract declare not_null as a constraint (checked
    while building, no node) and list only the other rules here. Usage:
        data_tests:
          - structure:
              arguments:
                keys: [[company_id, wave]]
                not_null: [company_id, wave]
                accepted_values: {cee_method: [driver, equal, fixed]}
                ranges:
                  - {columns: [mean_score, ci_low], min_value: 1, max_value: 10}
                  - {columns: [weight], min_value: 0, inclusive: false}
                expressions:
                  - {expression: "ci_low <= mean_score", where: "std_error is not null"}
                references:
                  - {columns: [company_id], to: ref('dim_company')}
                  - {columns: [company_id, wave], to: ref('fct_company_scores')}
                  - {columns: [sector_code], to: ref('dim_sector'), where: "level = 'sector'"}
                group_sums:
                  - {column: share, group_by: [country, wave], expected: 1}
    A reference's `fields` (the parent's column names) default to `columns`;
    its `where` limits the child rows it checks. dbt's own `config: {where: …}`
    limits every rule to those rows (raw tables: the active batches).
-#}
{% test structure(
    model,
    keys=[],
    not_null=[],
    accepted_values={},
    ranges=[],
    expressions=[],
    references=[],
    group_sums=[]
) %}

{%- set row_rules = [] -%}
{%- for column in not_null -%}
    {%- do row_rules.append(("not_null(" ~ column ~ ")", column ~ " is null")) -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set quoted = [] -%}
    {%- for value in values -%}
        {%- do quoted.append("'" ~ value ~ "'" if value is string else value | string) -%}
    {%- endfor -%}
    {%- do row_rules.append((
        "accepted_values(" ~ column ~ ")",
        column ~ " not in (" ~ quoted | join(", ") ~ ")"
    )) -%}
{%- endfor -%}
{%- for range in ranges -%}
    {%- set inclusive = range.get("inclusive", true) -%}
    {%- for column in range.columns -%}
        {%- set bounds = [] -%}
        {%- if range.get("min_value") is not none -%}
            {%- do bounds.append(column ~ (" < " if inclusive else " <= ") ~ range.min_value) -%}
        {%- endif -%}
        {%- if range.get("max_value") is not none -%}
            {%- do bounds.append(column ~ (" > " if inclusive else " >= ") ~ range.max_value) -%}
        {%- endif -%}
        {%- do row_rules.append((
            "range(" ~ column ~ " in " ~ ("[" if inclusive else "(")
                ~ range.get("min_value", "") ~ ", " ~ range.get("max_value", "")
                ~ ("]" if inclusive else ")") ~ ")",
            bounds | join(" or ")
        )) -%}
    {%- endfor -%}
{%- endfor -%}
{%- for rule in expressions -%}
    {%- set condition = "not coalesce(" ~ rule.expression ~ ", false)" -%}
    {%- if rule.get("where") -%}
        {%- set condition = "(" ~ rule.where ~ ") and " ~ condition -%}
    {%- endif -%}
    {%- do row_rules.append((
        rule.get("name", "expression(" ~ rule.expression ~ ")"), condition
    )) -%}
{%- endfor -%}

with

{% if row_rules -%}
row_rules as (

    select
        {%- for name, condition in row_rules %}
        count(*) filter (where {{ condition }}) as rule_{{ loop.index }}
        {{- "," if not loop.last }}
        {%- endfor %}

    from {{ model }}
    {#- rows breaking no rule count nowhere: skip them before the counting #}
    where
        {%- for name, condition in row_rules %}
        ({{ condition }}){{ " or" if not loop.last }}
        {%- endfor %}

),

{% endif -%}
{%- for key in keys %}
key_{{ loop.index }}_hashes as (

    {{ repeated_key_hashes(model, key) }}

),

{#- a hash collision alone never fails: candidate rows are grouped on the columns #}
key_{{ loop.index }} as (

    select count(*) as n_failing
    from (
        select {{ key | join(", ") }}
        from {{ model }}
        where hash({{ key | join(", ") }}) in (select key_hash from key_{{ loop.index }}_hashes)
        group by all
        having count(*) > 1
    )

),

{% endfor -%}
{%- for reference in references %}
{%- set fields = reference.get("fields", reference.columns) %}
reference_{{ loop.index }} as (

    select count(*) as n_failing
    -- a subquery, so that a test's `where` config (which makes the model an
    -- aliased subquery itself) can still be aliased here
    from (select * from {{ model }}) as child
    where
        {%- for column in reference.columns %}
        child.{{ column }} is not null and
        {%- endfor %}
        {%- if reference.get("where") %}
        ({{ reference.where }}) and
        {%- endif %}
        not exists (
            select 1
            from {{ reference.to }} as parent
            where
                {%- for column in reference.columns %}
                parent.{{ fields[loop.index0] }} = child.{{ column }}
                {{- " and" if not loop.last }}
                {%- endfor %}
        )

),

{% endfor -%}
{%- for group_sum in group_sums %}
group_sum_{{ loop.index }} as (

    select count(*) as n_failing
    from (
        select sum({{ group_sum.column }}) as summed_value
        from {{ model }}
        group by {{ group_sum.group_by | join(", ") }}
    )
    where summed_value is not null
        and abs(summed_value - {{ group_sum.get("expected", 1) }})
            > {{ group_sum.get("tolerance", 0.000001) }}

),

{% endfor -%}
rules as (

    select
        cast(null as {{ dbt.type_string() }}) as rule,
        cast(0 as {{ dbt.type_bigint() }}) as n_failing
    {%- for name, condition in row_rules %}
    union all
    select {{ quoted_text(name) }}, rule_{{ loop.index }} from row_rules
    {%- endfor %}
    {%- for key in keys %}
    union all
    select {{ quoted_text("unique(" ~ key | join(", ") ~ ")") }}, n_failing
    from key_{{ loop.index }}
    {%- endfor %}
    {%- for reference in references %}
    union all
    select
        {{ quoted_text(
            "references(" ~ reference.columns | join(", ") ~ " -> "
            ~ reference.to.identifier ~ ")"
        ) }},
        n_failing
    from reference_{{ loop.index }}
    {%- endfor %}
    {%- for group_sum in group_sums %}
    union all
    select
        {{ quoted_text(
            "group_sum(" ~ group_sum.column ~ " by " ~ group_sum.group_by | join(", ")
            ~ " = " ~ group_sum.get("expected", 1) ~ ")"
        ) }},
        n_failing
    from group_sum_{{ loop.index }}
    {%- endfor %}

),

final as (

    select * from rules
    where n_failing > 0

)

select * from final

{% endtest %}
