{#-
    The compile-time copy of the catalogue (macro pillar_statements) must list
    exactly the statements of seeds/statement_catalogue.csv, each under the same
    pillar and in the same order (item_order), and exactly the pillars of
    seeds/pillars.csv in their sort_order. Returns one row per disagreement.
-#}
with

catalogue as (

    select * from {{ ref('statement_catalogue') }}

),

pillars as (

    select * from {{ ref('pillars') }}

),

macro_statements as (

    {% for pillar_id, statements in pillar_statements().items() -%}
    {% set outer_loop = loop -%}
    {% for statement_id in statements -%}
    select
        '{{ statement_id }}' as statement_id,
        '{{ pillar_id }}' as pillar_id,
        {{ outer_loop.index }} as sort_order,
        {{ loop.index }} as item_order
    {% if not (outer_loop.last and loop.last) -%}
    union all
    {% endif -%}
    {% endfor -%}
    {% endfor %}

),

macro_pillars as (

    select distinct
        pillar_id,
        sort_order

    from macro_statements

),

statement_mismatches as (

    select
        coalesce(macro_statements.statement_id, catalogue.statement_id) as item_id,
        'statement' as item_kind,
        macro_statements.pillar_id as macro_pillar_id,
        catalogue.pillar_id as seed_pillar_id

    from macro_statements
    full outer join catalogue
        on macro_statements.statement_id = catalogue.statement_id

    where macro_statements.statement_id is null
        or catalogue.statement_id is null
        or macro_statements.pillar_id <> catalogue.pillar_id
        or macro_statements.item_order <> catalogue.item_order

),

pillar_mismatches as (

    select
        coalesce(macro_pillars.pillar_id, pillars.pillar_id) as item_id,
        'pillar' as item_kind,
        macro_pillars.pillar_id as macro_pillar_id,
        pillars.pillar_id as seed_pillar_id

    from macro_pillars
    full outer join pillars
        on macro_pillars.pillar_id = pillars.pillar_id

    where macro_pillars.pillar_id is null
        or pillars.pillar_id is null
        or macro_pillars.sort_order <> pillars.sort_order

),

final as (

    select * from statement_mismatches
    union all
    select * from pillar_mismatches

)

select * from final
