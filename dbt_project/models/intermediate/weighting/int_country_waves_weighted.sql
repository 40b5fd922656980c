{#-
    How much the raking weights cost in precision, per sample (study × country
    × wave):
    Kish's design effect n·Σw² / (Σw)² and effective n (Σw)² / Σw², computed from
    the cell table (every evaluation of a cell has the cell's weight). How the
    sample was weighted, and why not where it was not: 'raked' (every
    evaluation), 'partially raked' (some evaluations at weight 1) or
    'unweighted' (all at weight 1: no margins for the country × wave, or a file
    without age or gender), with the cells' reasons in weighting_note; 'design
    weights only' when nothing could be raked but the file has design weights.
    weight_source says where raking started: the provider's design weights
    (mapping fields.weight) or 'none' (every evaluation at 1). The weights are
    design weight × the cell's weight (int_sample_cells_raked), so Σw and Σw²
    come from the cells' sums of design weights and of their squares.
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
        sum(n_design_weighted) as n_design_weighted,
        sum(sum_design_weights * weight) as sum_weights,
        sum(sum_squared_design_weights * weight * weight) as sum_squared_weights,
        min(min_design_weight * weight) as min_weight,
        max(max_design_weight * weight) as max_weight,
        sum(case when is_raked then 0 else n_evaluations end) as n_unraked,
        max(raking_iterations) as raking_iterations,
        {{ dbt.bool_or('coalesce(raking_converged, false)') }} as any_converged,
        max(max_margin_error) as max_margin_error,
        {{ string_agg_distinct('raking_note', "'; '") }} as unraked_reasons

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
        cast(n_design_weighted as integer) as n_design_weighted_evaluations,
        case
            when n_design_weighted = 0 then 'none'
            when n_design_weighted = n_evaluations then 'design weights'
            else 'design weights for some evaluations'
        end as weight_source,
        {{ effective_n('sum_weights', 'sum_squared_weights') }} as effective_n,
        n_evaluations * sum_squared_weights / (sum_weights * sum_weights) as design_effect,
        min_weight,
        max_weight,
        cast(raking_iterations as integer) as raking_iterations,
        any_converged as is_raking_converged,
        max_margin_error,
        case
            when n_unraked = 0 then 'raked'
            when n_unraked < n_evaluations then 'partially raked'
            when n_design_weighted > 0 then 'design weights only'
            else 'unweighted'
        end as weighting_method,
        case
            when n_unraked > 0
                then
                case
                    when n_design_weighted > 0 then 'design weight only, not raked,'
                    else 'weight 1'
                end
                || case
                    when n_unraked = n_evaluations then ' for every evaluation: '
                    else
                        ' for ' || cast(n_unraked as {{ dbt.type_string() }}) || ' of '
                        || cast(n_evaluations as {{ dbt.type_string() }}) || ' evaluations: '
                end
                || unraked_reasons
        end as weighting_note

    from summed

)

select * from final
