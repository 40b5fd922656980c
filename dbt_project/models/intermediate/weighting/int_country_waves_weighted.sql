{#-
    How much the raking weights cost in precision, per sample (study × country
    × wave):
    Kish's design effect n·Σw² / (Σw)² and effective n (Σw)² / Σw², computed from
    the cell table (every evaluation of a cell has the cell's weight). How the
    sample was weighted, and why not where it was not: 'raked' (every
    evaluation), 'partially raked' (some evaluations at weight 1) or
    'unweighted' (all at weight 1: no margins for the country × wave, or a file
    without age or gender), with the cells' reasons in weighting_note.
-#}
with

cells as (

    select * from {{ ref('int_sample_cells_raked') }}

),

summed as (

    select
        study_id,
        country,
        wave,
        sum(n_evaluations) as n_evaluations,
        sum(n_evaluations * weight) as sum_weights,
        sum(n_evaluations * weight * weight) as sum_squared_weights,
        min(weight) as min_weight,
        max(weight) as max_weight,
        sum(case when is_raked then 0 else n_evaluations end) as n_unraked,
        max(raking_iterations) as raking_iterations,
        {{ dbt.bool_or('coalesce(raking_converged, false)') }} as any_converged,
        max(max_margin_error) as max_margin_error,
        string_agg(distinct raking_note, '; ' order by raking_note) as unraked_reasons

    from cells

    group by all

),

final as (

    select
        study_id,
        country,
        wave,
        cast(n_evaluations as integer) as n_evaluations,
        cast(n_unraked as integer) as n_unraked_evaluations,
        {{ effective_n('sum_weights', 'sum_squared_weights') }} as effective_n,
        n_evaluations * sum_squared_weights / (sum_weights * sum_weights) as design_effect,
        min_weight,
        max_weight,
        cast(raking_iterations as integer) as raking_iterations,
        any_converged as is_raking_converged,
        max_margin_error,
        case
            when n_unraked = 0 then 'raked'
            when n_unraked = n_evaluations then 'unweighted'
            else 'partially raked'
        end as weighting_method,
        case
            when n_unraked = n_evaluations then 'weight 1 for every evaluation: ' || unraked_reasons
            when n_unraked > 0
                then
                'weight 1 for ' || cast(n_unraked as varchar) || ' of '
                || cast(n_evaluations as varchar) || ' evaluations: ' || unraked_reasons
        end as weighting_note

    from summed

)

select * from final
