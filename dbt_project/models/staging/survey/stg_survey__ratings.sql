{#-
    Long form of the statement answers: one select per statement, glued with
    union all (portable; no engine-specific unpivot). Pillar ids are literals
    from the pillar_statements() macro, not a join.
-#}
with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

unpivoted as (

    {% for pillar_id, statements in pillar_statements().items() -%}
    {% set outer_loop = loop -%}
    {% for statement_id in statements -%}
    select
        evaluation_id,
        company_id,
        wave,
        country,
        '{{ pillar_id }}' as pillar_id,
        '{{ statement_id }}' as statement_id,
        {{ statement_id }} as rating

    from evaluations
    where {{ statement_id }} is not null
    {% if not (outer_loop.last and loop.last) %}
    union all
    {% endif -%}
    {% endfor -%}
    {% endfor %}

),

final as (

    select * from unpivoted

)

select * from final
