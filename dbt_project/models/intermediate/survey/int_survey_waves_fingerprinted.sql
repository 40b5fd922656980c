{#-
    What each wave's heavy models are computed from, as one key per wave: the
    load batches holding its evaluations plus the parameters that shape the
    per-evaluation sums (methodology_version, weighting_dimensions,
    min_answered_share). The incremental one-pass model
    (int_company_cells_summed) stores the key on its rows and rebuilds only
    the waves whose key changed (macro waves_to_rebuild), so adding a wave to
    a warehouse holding seven does not recompute the seven.

    Reads the batches of each sample (int_survey_sample_batches, a few rows per
    batch), not the evaluations. dbt's cross-database listagg/hash/concat keep
    it portable.
-#}
{%- set parameters = [
    var('methodology_version'),
    var('weighting_dimensions') | join('+'),
    var('min_answered_share'),
] -%}

with

sample_batches as (

    select * from {{ ref('int_survey_sample_batches') }}

),

batches as (

    select
        wave,
        batch_id,
        sum(n_evaluations) as n_evaluations

    from sample_batches

    group by all

),

per_wave as (

    select
        wave,
        cast(count(*) as integer) as n_batches,
        cast(sum(n_evaluations) as integer) as n_evaluations,
        {{ dbt.listagg('batch_id', "','", 'order by batch_id') }} as batch_ids

    from batches

    group by all

),

final as (

    select
        wave,
        n_batches,
        n_evaluations,
        batch_ids,
        {{ dbt.hash(dbt.concat(['batch_ids', "'|" ~ parameters | join('|') ~ "'"])) }} as inputs_key

    from per_wave

)

select * from final
