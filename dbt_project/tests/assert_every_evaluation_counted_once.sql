{#-
    Every evaluation is counted exactly once, from staging to the national
    figures: returns one row per sample (study × country × wave) whose
    evaluations in staging differ from n_evaluations of its national benchmark
    (fct_benchmark_scores at benchmark_level 'country') (count_mismatch).

    Duplicate evaluation keys (a respondent rating the same brand twice in one
    country × wave) are not searched for here: ingestion rejects them row by row,
    within a file and against everything already in raw, and the source test
    raw_survey_evaluations_structure checks the key again. A third full scan of
    the key at 20M evaluations cost about 4 s and 3.5 GB of the build
    (docs/benchmarks.md) for a fault two gates already stop.

    Referring to fct_benchmark_scores also places this test at the end of the
    DAG, so its scan of the evaluations runs beside the marts instead of
    holding up every model behind staging.
-#}
with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

country_scores as (

    select * from {{ ref('fct_benchmark_scores') }}

    where benchmark_level = 'country'

),

staged_counts as (

    select
        study_id,
        country,
        wave,
        count(*) as n_evaluations

    from evaluations

    group by all

),

count_mismatches as (

    select
        'count_mismatch' as problem,
        coalesce(staged_counts.study_id, country_scores.study_id) as study_id,
        coalesce(staged_counts.country, country_scores.country) as country,
        coalesce(staged_counts.wave, country_scores.wave) as wave,
        staged_counts.n_evaluations as n_rows

    from staged_counts
    full outer join country_scores
        on staged_counts.study_id = country_scores.study_id
        and staged_counts.country = country_scores.country
        and staged_counts.wave = country_scores.wave

    where staged_counts.n_evaluations is null
        or country_scores.n_evaluations is null
        or staged_counts.n_evaluations <> country_scores.n_evaluations

),

final as (

    select * from count_mismatches

)

select * from final
