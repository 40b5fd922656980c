{#-
    One row per study: what it is (name, questionnaire), where and when it was
    fielded, and what its questionnaire measures — the pillars and how many
    statements of each. Everything else in the marts is compared within a
    study (study_id on every score); this says what each one is.
-#}
with

batches as (

    select * from {{ ref('int_survey_batches_measured') }}

),

samples as (

    select * from {{ ref('int_survey_samples_measured') }}

),

{# the name and questionnaire of the study's latest batch #}
latest_batch as (

    select
        study_id,
        study_name,
        study_instrument,
        row_number() over (partition by study_id order by batch_id desc) as recency

    from batches

),

fielded as (

    select
        study_id,
        count(distinct country) as n_countries,
        count(distinct wave) as n_waves,
        min(wave) as first_wave,
        max(wave) as latest_wave

    from samples

    group by all

),

measured_pillars as (

    select
        study_id,
        pillar_id,
        min(sort_order) as sort_order,
        max(n_statements_measured) as n_statements_measured,
        max(n_statements_total) as n_statements_total

    from samples

    where is_measured

    group by all

),

coverage as (

    select
        study_id,
        count(*) as n_pillars_measured,
        sum(n_statements_measured) as n_statements_measured,
        {{ dbt.listagg('pillar_id', "','", 'order by sort_order') }} as pillars_measured,
        {{ dbt.listagg(
            dbt.concat(['pillar_id', "' '", 'cast(n_statements_measured as ' ~ dbt.type_string() ~ ')', "'/'",
                'cast(n_statements_total as ' ~ dbt.type_string() ~ ')']),
            "', '",
            'order by sort_order'
        ) }} as statements_per_pillar

    from measured_pillars

    group by all

),

final as (

    select
        latest_batch.study_id,
        latest_batch.study_name,
        latest_batch.study_instrument,
        latest_batch.study_id = 'cxbench' as is_canonical,
        cast(fielded.n_countries as integer) as n_countries,
        cast(fielded.n_waves as integer) as n_waves,
        cast(fielded.first_wave as integer) as first_wave,
        cast(fielded.latest_wave as integer) as latest_wave,
        cast(coalesce(coverage.n_pillars_measured, 0) as integer) as n_pillars_measured,
        cast(coalesce(coverage.n_statements_measured, 0) as integer) as n_statements_measured,
        coverage.pillars_measured,
        coverage.statements_per_pillar

    from latest_batch
    left join fielded
        on latest_batch.study_id = fielded.study_id
    left join coverage
        on latest_batch.study_id = coverage.study_id

    where latest_batch.recency = 1

)

select * from final
