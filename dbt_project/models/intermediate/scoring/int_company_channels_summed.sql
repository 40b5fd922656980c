{#-
    Weighted sums per company × country × wave × channel (macro
    weighted_sum_columns): each weighting cell's sums, design weights inside
    (int_company_cells_summed), times the cell's raking weight
    (int_sample_cells_raked; 1 for a cell that was not raked), added over the
    cells. Company-level numbers are these added over channels
    (int_company_waves_summed).
-#}

with

company_cells as (

    select * from {{ ref('int_company_cells_summed') }}

),

cells as (

    select * from {{ ref('int_sample_cells_raked') }}

),

mergers as (

    select * from {{ ref('int_company_listings_dated') }}

    where merged_into_company_id is not null

),

weighted as (

    select
        {{ star_replace({
            'company_id': 'coalesce(later_mergers.merged_into_company_id, '
                ~ 'mergers.merged_into_company_id, company_cells.company_id)'
        }, 'company_cells.') }},
        {{ cell_weight('cells') }} as weight

    from company_cells
    left join cells
        on {{ on_weighting_cell('company_cells', 'cells') }}
    left join mergers
        on company_cells.company_id = mergers.company_id
        and {{ valid_in_wave('mergers', 'company_cells.wave') }}
    {#- a company that absorbed a brand may itself be absorbed later: one more step #}
    left join mergers as later_mergers
        on mergers.merged_into_company_id = later_mergers.company_id
        and {{ valid_in_wave('later_mergers', 'company_cells.wave') }}

),

summed as (

    select
        study_id,
        company_id,
        country,
        wave,
        channel,
        {%- for column, expression in weighted_sum_columns().items() %}
        {%- if column == "n_evaluations" or column.endswith("__n") %}
        cast(sum({{ expression }}) as integer) as {{ column }}
        {%- else %}
        sum({{ expression }}) as {{ column }}
        {%- endif %}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from weighted

    group by all

),

final as (

    select * from summed

)

select * from final
