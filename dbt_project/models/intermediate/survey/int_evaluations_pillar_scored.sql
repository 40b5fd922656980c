{#-
    Pillar score per evaluation (DESIGN.md §5): the mean of the answered
    statements of the pillar, NULL when fewer than min_answered_share of them
    are answered.

    The per-pillar count and sum are computed in wide form (one expression per
    pillar, generated from pillar_statements()) and only the six results are
    turned into rows: a spike measured this 5x faster and 9x lighter on memory
    than unpivoting the 30 statements first.
-#}
{%- set pillars = pillar_statements() -%}

with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

pillar_sums as (

    select
        evaluation_id,
        company_id,
        wave,
        country,
        {% for pillar_id, statements in pillars.items() %}
        {%- for statement_id in statements %}
        case when {{ statement_id }} is not null then 1 else 0 end
        {{- " +" if not loop.last else " as " ~ pillar_id ~ "__n_answered," }}
        {%- endfor %}
        {%- for statement_id in statements %}
        coalesce({{ statement_id }}, 0)
        {{- " +" if not loop.last else " as " ~ pillar_id ~ "__answered_sum" }}
        {%- endfor %}
        {{- "," if not loop.last }}
        {% endfor %}

    from evaluations

),

pillar_list as (

    {% for pillar_id, statements in pillars.items() -%}
    select
        '{{ pillar_id }}' as pillar_id,
        {{ statements | length }} as n_statements
    {% if not loop.last -%}
    union all
    {% endif -%}
    {% endfor %}

),

unpivoted as (

    select
        pillar_sums.evaluation_id,
        pillar_sums.company_id,
        pillar_sums.wave,
        pillar_sums.country,
        pillar_list.pillar_id,
        pillar_list.n_statements,
        case pillar_list.pillar_id
            {%- for pillar_id in pillars %}
            when '{{ pillar_id }}' then pillar_sums.{{ pillar_id }}__n_answered
            {%- endfor %}
        end as n_answered,
        case pillar_list.pillar_id
            {%- for pillar_id in pillars %}
            when '{{ pillar_id }}' then pillar_sums.{{ pillar_id }}__answered_sum
            {%- endfor %}
        end as answered_sum

    from pillar_sums
    cross join pillar_list

),

scored as (

    select
        evaluation_id,
        company_id,
        pillar_id,
        wave,
        country,
        cast(n_statements as integer) as n_statements,
        cast(n_answered as integer) as n_answered,
        case
            when n_answered > 0
                and n_answered >= {{ var('min_answered_share') }} * n_statements
                then answered_sum / n_answered
        end as pillar_score

    from unpivoted

),

final as (

    select * from scored

)

select * from final
