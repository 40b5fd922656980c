{#-
    The within-respondent correlation of every pair of pillar scores per
    company × wave, which the CX index standard error needs: the index adds up
    pillar means that the same respondents gave, so their errors move together
    and the pillar variances alone would understate (or, with a negative
    correlation, overstate) the index's. Estimated over the company's complete
    cases (every pillar its study measures, nps and loyalty: the cross
    products int_company_cells_summed already sums for the importance
    regressions, so the evaluations are not read again), with the full
    weights (design weight × the cell's raking weight). The weighted
    correlation needs no small-sample correction: the factor cancels.
-#}
{%- set pillars = pillar_statements() | list -%}
{%- set pairs = [] -%}
{%- for pillar_id in pillars -%}
{%- for other_id in pillars[loop.index0 + 1:] -%}
{%- do pairs.append((pillar_id, other_id)) -%}
{%- endfor -%}
{%- endfor -%}

with

cell_sums as (

    select * from {{ ref('int_company_cells_summed') }}

),

cells as (

    select * from {{ ref('int_sample_cells_raked') }}

),

weighted as (

    select
        cell_sums.*,
        {{ cell_weight('cells') }} as weight

    from cell_sums
    left join cells
        on {{ on_weighting_cell('cell_sums', 'cells') }}

),

summed as (

    select
        study_id,
        company_id,
        country,
        wave,
        sum(weight * complete_sum_d) as sum_w,
        {%- for pillar_id in pillars %}
        sum(weight * complete_sum__{{ pillar_id }}) as sum_w__{{ pillar_id }},
        sum(weight * complete_sum__{{ pillar_id }}__{{ pillar_id }}) as sum_w__{{ pillar_id }}__{{ pillar_id }},
        {%- endfor %}
        {%- for pillar_id, other_id in pairs %}
        sum(weight * complete_sum__{{ pillar_id }}__{{ other_id }}) as sum_w__{{ pillar_id }}__{{ other_id }},
        {%- endfor %}
        cast(sum(complete_n) as integer) as n_complete_cases

    from weighted

    group by study_id, company_id, country, wave

    having sum(complete_n) > 1

),

{# one row per pair (each once, first pillar before the second in catalogue order):
    co-moment Σw·(x − x̄)(y − ȳ) and the two squared deviations #}
pairs as (

    {%- for pillar_id, other_id in pairs %}
    select
        study_id,
        company_id,
        country,
        wave,
        '{{ pillar_id }}' as pillar_id,
        '{{ other_id }}' as other_pillar_id,
        n_complete_cases,
        sum_w__{{ pillar_id }}__{{ other_id }}
        - sum_w__{{ pillar_id }} * sum_w__{{ other_id }} / sum_w as co_moment,
        sum_w__{{ pillar_id }}__{{ pillar_id }}
        - sum_w__{{ pillar_id }} * sum_w__{{ pillar_id }} / sum_w as squares,
        sum_w__{{ other_id }}__{{ other_id }}
        - sum_w__{{ other_id }} * sum_w__{{ other_id }} / sum_w as other_squares

    from summed

    where sum_w > 0
        and sum_w__{{ pillar_id }} is not null
        and sum_w__{{ other_id }} is not null
    {%- if not loop.last %}

    union all
    {% endif %}
    {%- endfor %}

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        pillar_id,
        other_pillar_id,
        n_complete_cases,
        {#- no correlation without spread in both pillars (identical answers leave
            rounding noise in the squares); clamped to [−1, 1] for the same noise #}
        case
            when squares > 1e-9 and other_squares > 1e-9
                then greatest(least(co_moment / sqrt(squares * other_squares), 1.0), -1.0)
        end as correlation

    from pairs

)

select * from final
