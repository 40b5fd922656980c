{#-
    The one pass over the evaluations; everything company, channel, weighting
    and importance numbers need comes from its rows. Per company × country ×
    wave × channel × weighting cell of each study:
    - the sums for the company numbers (macro cell_sum_columns);
    - the importance regressions' moments over the complete cases (every
      pillar score the study measures, nps and loyalty; the moments of a pillar
      it does not measure stay NULL): their count, Σd, Σd² and Σd·v, Σd·v·u
      for every pair of the eight variables (macros importance_variables /
      importance_pairs), which int_pillar_moments_summed adds up per cell.
    An evaluation's weight is its design weight d (a provider's, 1 without
    one; macro design_weight) times its cell's raking weight, which is
    constant within a row here: the sums carry d inside (Σd, Σd², Σd·x, …;
    macro cell_sum_columns) and the cell's weight multiplies them afterwards
    (int_company_channels_summed, int_pillar_moments_summed). The cell table
    raking needs is these rows added up (int_sample_cells_counted): the
    evaluations are neither joined to weights nor read a second time, and
    design weights, however many distinct values they take, add columns to
    this pass, not rows. An evaluation without a channel is counted
    under channel 'unknown'.

    Complete cases are picked inside each sum (`complete_weight`, the design
    weight of a complete case and NULL otherwise), not with a WHERE: DuckDB pushes a filter on the view's score columns down
    into the view and computes every pillar score twice (once to filter, once
    to sum), which made a separate moments pass 1.6x slower at 20M evaluations
    (docs/benchmarks.md).

    Incremental by wave: only waves whose inputs key changed (new or changed
    load batches, or a new methodology) are summed again and replace their old
    rows (macro waves_to_rebuild); the other waves' rows stay as they are. A
    wave left with no active batch (all retracted) has no key any more: the
    post-hook removes its rows, which no rebuild would replace. On Spark it is
    a table (macro wave_incremental_config).
-#}
{{ config(**wave_incremental_config()) }}
{%- set dimensions = var('weighting_dimensions') -%}
{%- set variables = importance_variables() -%}
{%- set pairs = importance_pairs() -%}
{%- set pillars = pillar_statements() -%}

with

fingerprints as (

    select * from {{ ref('int_survey_waves_fingerprinted') }}

),

evaluations as (

    select * from {{ ref('int_evaluations_pillar_scored') }}

    where {{ waves_to_rebuild(ref('int_survey_waves_fingerprinted')) }}

),

flagged as (

    select
        *,
        {{ design_weight('evaluations') }} as start_weight,
        (
            {%- for name, column in variables %}
            {% if not loop.first %}and {% endif %}
            {%- if name in pillars -%}
            ({{ column }} is not null or n_{{ name }}_measured = 0)
            {%- else -%}
            {{ column }} is not null
            {%- endif %}
            {%- endfor %}
        ) as is_complete

    from evaluations

),

weighted as (

    select
        *,
        case when is_complete then start_weight end as complete_weight

    from flagged

),

summed as (

    select
        study_id,
        company_id,
        country,
        wave,
        coalesce(channel, 'unknown') as channel,
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        {%- for column, expression in cell_sum_columns().items() %}
        {%- if column.startswith("n_") or column.endswith("__n") %}
        cast(sum({{ expression }}) as integer) as {{ column }}
        {%- else %}
        sum({{ expression }}) as {{ column }}
        {%- endif %},
        {%- endfor %}
        min(start_weight) as min_design_weight,
        max(start_weight) as max_design_weight,
        cast(sum(case when is_complete then 1 else 0 end) as integer) as complete_n,
        sum(complete_weight) as complete_sum_d,
        sum(complete_weight * complete_weight) as complete_sum_d2,
        {%- for name, column in variables %}
        sum(complete_weight * {{ column }}) as complete_sum__{{ name }},
        {%- endfor %}
        {%- for name, product in pairs %}
        sum(complete_weight * {{ product }}) as complete_sum__{{ name }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from weighted

    group by all

),

final as (

    select
        summed.*,
        fingerprints.inputs_key,
        '{{ sums_checksum() }}' as sums_checksum,
        '{{ invocation_id }}' as build_id

    from summed
    inner join fingerprints
        on summed.wave = fingerprints.wave

)

select * from final
