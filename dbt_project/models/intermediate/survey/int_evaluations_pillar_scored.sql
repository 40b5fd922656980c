{#-
    Pillar score per evaluation (docs/methodology.md): the mean of the answered
    statements of the pillar, NULL when fewer than min_answered_share of the
    pillar's statements *that the evaluation's study asks* are answered (with
    all of them don't-know, too). A pillar the questionnaire does not ask
    (n_<pillar>_measured = 0, from int_survey_batches_measured) is NULL; one
    asked by a single statement scores from that statement.

    Kept wide — one row per evaluation, one score column per pillar — because
    everything downstream aggregates: a spike measured averaging each pillar's
    statements in wide form 5x faster and 9x lighter on memory than unpivoting
    the 30 statements into rows first, and the company marts unpivot only their
    (small) aggregated sums. The columns raking needs (weighting_dimensions) and
    the outcomes ride along, so later models never go back to the raw table.

    A view, not a table: its two readers (int_company_cells_summed and
    int_pillar_moments_summed) each aggregate it straight away, and at 20M
    evaluations writing the table cost more than computing the scores twice
    (docs/benchmarks.md).
-#}
{%- set pillars = pillar_statements() -%}

with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

batches as (

    select * from {{ ref('int_survey_batches_measured') }}

),

answered as (

    select
        evaluations.evaluation_id,
        evaluations.study_id,
        evaluations.company_id,
        evaluations.country,
        evaluations.wave,
        evaluations.channel,
        {%- for dimension in var('weighting_dimensions') %}
        evaluations.{{ dimension }},
        {%- endfor %}
        evaluations.design_weight,
        {%- for pillar_id, statements in pillars.items() %}
        (
            {%- for statement_id in statements %}
            {% if not loop.first %}+ {% endif %}case when evaluations.{{ statement_id }} is not null then 1 else 0 end
            {%- endfor %}
        ) as n_{{ pillar_id }}_answered,
        (
            {%- for statement_id in statements %}
            {% if not loop.first %}+ {% endif %}coalesce(evaluations.{{ statement_id }}, 0)
            {%- endfor %}
        ) as {{ pillar_id }}_answered_sum,
        batches.n_{{ pillar_id }}_measured,
        {%- endfor %}
        evaluations.nps,
        evaluations.loyalty,
        evaluations.csat,
        evaluations.ces

    from evaluations
    inner join batches
        on evaluations.batch_id = batches.batch_id

),

scored as (

    select
        evaluation_id,
        study_id,
        company_id,
        country,
        wave,
        channel,
        {%- for dimension in var('weighting_dimensions') %}
        {{ dimension }},
        {%- endfor %}
        design_weight,
        {%- for pillar_id in pillars %}
        case
            when n_{{ pillar_id }}_answered > 0
                and n_{{ pillar_id }}_answered >= {{ var('min_answered_share') }} * n_{{ pillar_id }}_measured
                then {{ pillar_id }}_answered_sum / n_{{ pillar_id }}_answered
        end as {{ pillar_id }}_score,
        {%- endfor %}
        {%- for pillar_id in pillars %}
        cast(n_{{ pillar_id }}_answered as integer) as n_{{ pillar_id }}_answered,
        {%- endfor %}
        {%- for pillar_id in pillars %}
        n_{{ pillar_id }}_measured,
        {%- endfor %}
        nps,
        loyalty,
        csat,
        ces

    from answered

),

final as (

    select * from scored

)

select * from final
