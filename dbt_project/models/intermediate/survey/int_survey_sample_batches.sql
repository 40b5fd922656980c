{#-
    Which load batches each sample (study × country × wave) came from, and how
    many evaluations each brought: the one scan of the evaluations' key columns
    that the wave fingerprints (int_survey_waves_fingerprinted) and what each
    sample measures (int_survey_samples_measured) both need. Four narrow
    columns, so a column scan, cheap next to the statement columns the heavy
    models read; a few rows per batch.
-#}
with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

counted as (

    select
        study_id,
        country,
        wave,
        batch_id,
        cast(count(*) as integer) as n_evaluations

    from evaluations

    group by all

),

final as (

    select * from counted

)

select * from final
