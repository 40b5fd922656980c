{#-
    Every evaluation is counted exactly once, from staging to the national
    figures. Returns one row per problem:
    - duplicate_evaluation: a respondent evaluated the same company twice in
      one country × wave (the evaluation key of stg_survey__evaluations);
    - count_mismatch: the evaluations of a country × wave in staging differ from
      n_evaluations of fct_country_scores.
    The duplicate check first compares count(*) with the number of distinct
    64-bit hashes of the key (macro row_hash) and only groups the key columns
    themselves when the two differ, which is far cheaper on millions of rows.

    Referring to fct_country_scores also places this test at the end of the
    DAG, so on large samples its full scan of the evaluations runs beside the
    marts instead of holding up every model behind staging.
-#}
{%- set key = ['wave', 'country', 'respondent_id', 'company_id'] -%}

with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

country_scores as (

    select * from {{ ref('fct_country_scores') }}

),

hash_check as (

    select
        count(*) <> count(distinct {{ row_hash(key) }}) as may_have_duplicates

    from evaluations

),

duplicates as (

    select
        'duplicate_evaluation' as problem,
        country,
        wave,
        count(*) as n_rows

    from evaluations

    where (select may_have_duplicates from hash_check)

    group by {{ key | join(", ") }}

    having count(*) > 1

),

staged_counts as (

    select
        country,
        wave,
        count(*) as n_evaluations

    from evaluations

    group by all

),

count_mismatches as (

    select
        'count_mismatch' as problem,
        coalesce(staged_counts.country, country_scores.country) as country,
        coalesce(staged_counts.wave, country_scores.wave) as wave,
        staged_counts.n_evaluations as n_rows

    from staged_counts
    full outer join country_scores
        on staged_counts.country = country_scores.country
        and staged_counts.wave = country_scores.wave

    where staged_counts.n_evaluations is null
        or country_scores.n_evaluations is null
        or staged_counts.n_evaluations <> country_scores.n_evaluations

),

final as (

    select * from duplicates
    union all
    select * from count_mismatches

)

select * from final
