{#-
    Fails with one row per duplicated combination of the given columns
    (a compound primary key). Usage:
        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [company_id, pillar_id, wave]

    With `precheck_with_hash: true` (for tables of many millions of rows) it
    first compares count(*) with the number of distinct 64-bit hashes of the
    combination (macro row_hash): equal counts prove uniqueness, and only
    otherwise are the rows grouped on the columns themselves to find real
    duplicates (a hash collision alone never fails the test). Counting distinct
    integers is several times cheaper than grouping long strings.
-#}
{% test unique_combination_of_columns(model, combination_of_columns, precheck_with_hash=false) %}

with

{% if precheck_with_hash -%}
hash_check as (

    select
        count(*) <> count(distinct {{ row_hash(combination_of_columns) }}) as may_have_duplicates

    from {{ model }}

),

{% endif -%}
grouped as (

    select
        {% for column in combination_of_columns -%}
        {{ column }},
        {% endfor -%}
        count(*) as n_rows

    from {{ model }}
    {%- if precheck_with_hash %}
    where (select may_have_duplicates from hash_check)
    {%- endif %}

    group by
        {% for column in combination_of_columns -%}
        {{ column }}{{ "," if not loop.last }}
        {% endfor %}

),

final as (

    select * from grouped
    where n_rows > 1

)

select * from final

{% endtest %}
