{#-
    The base of a company in a country × wave: how many evaluations it has and
    whether that reaches min_base (DESIGN.md §5, eligibility). Both company
    marts read eligibility from here so the rule is written once.
-#}
with

evaluations as (

    select * from {{ ref('stg_survey__evaluations') }}

),

counted as (

    select
        company_id,
        country,
        wave,
        cast(count(*) as integer) as n_evaluations

    from evaluations

    group by all

),

flagged as (

    select
        company_id,
        country,
        wave,
        n_evaluations,
        n_evaluations >= {{ var('min_base') }} as is_eligible

    from counted

),

final as (

    select * from flagged

)

select * from final
