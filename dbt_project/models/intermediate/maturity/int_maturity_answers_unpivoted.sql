{#-
    Maturity answers in long form: one row per manager × company × wave ×
    answered item. Unanswered items ("don't know", left empty) have no row, so
    every mean and count downstream is over the managers who gave a score.
-#}
with

assessments as (

    select * from {{ ref('stg_industry__maturity_assessments') }}

),

unpivoted as (

    {% for column, item_group, item_id in maturity_columns() -%}
    select
        company_id,
        respondent_id,
        wave,
        '{{ item_group }}' as item_group,
        '{{ item_id }}' as item_id,
        cast({{ column }} as {{ type_double() }}) as score,
        assessed_on

    from assessments
    where {{ column }} is not null
    {% if not loop.last -%}
    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select * from unpivoted

)

select * from final
