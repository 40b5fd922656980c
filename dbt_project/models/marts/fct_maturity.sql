{#-
    Maturity self-assessments in long form (DESIGN.md §3, §6): one row per
    company × wave × assessed item (six management pillars, seven maturity
    steps), with the company's country and sector so the scores can be set
    beside its CX results. Items left unassessed (NULL) have no row.
-#}
with

assessments as (

    select * from {{ ref('stg_industry__maturity_assessments') }}

),

companies as (

    select * from {{ ref('dim_company') }}

),

items as (

    select * from {{ ref('maturity_items') }}

),

unpivoted as (

    {% for column, item_group, item_id in maturity_columns() -%}
    select
        company_id,
        wave,
        '{{ item_group }}' as item_group,
        '{{ item_id }}' as item_id,
        {{ column }} as score,
        assessed_on

    from assessments
    where {{ column }} is not null
    {% if not loop.last -%}
    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select
        unpivoted.company_id,
        companies.country,
        companies.sector_code,
        unpivoted.wave,
        unpivoted.item_group,
        unpivoted.item_id,
        items.sort_order,
        cast(unpivoted.score as {{ type_double() }}) as score,
        unpivoted.assessed_on,
        '{{ var("methodology_version") }}' as methodology_version

    from unpivoted
    left join companies
        on unpivoted.company_id = companies.company_id
    left join items
        on unpivoted.item_id = items.item_id

)

select * from final
