{#-
    Organisational CX maturity (docs/methodology.md, "Organisational
    maturity"), scored once for every maturity mart: one row per company × wave × assessed item
    (six management pillars, seven maturity steps), the mean of the managers'
    scores with the spread between them (standard deviation, standard error,
    number of managers), and the company's country and sector so the scores can
    be set beside its CX results. is_reportable: enough managers answered
    (var maturity_min_respondents) for the mean to speak for the organisation.
-#}
with

answers as (

    select * from {{ ref('int_maturity_answers_unpivoted') }}

),

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

items as (

    select * from {{ ref('maturity_items') }}

),

summarised as (

    select
        company_id,
        wave,
        item_group,
        item_id,
        count(*) as n_respondents,
        avg(score) as score,
        stddev_samp(score) as score_sd,
        max(assessed_on) as assessed_on

    from answers
    group by all

),

final as (

    select
        summarised.company_id,
        companies.country,
        companies.sector_code,
        summarised.wave,
        summarised.item_group,
        summarised.item_id,
        items.sort_order,
        cast(summarised.n_respondents as integer) as n_respondents,
        cast(summarised.score as {{ type_double() }}) as score,
        cast(summarised.score_sd as {{ type_double() }}) as score_sd,
        cast(
            summarised.score_sd / sqrt(summarised.n_respondents) as {{ type_double() }}
        ) as score_std_error,
        summarised.n_respondents >= {{ var('maturity_min_respondents') }} as is_reportable,
        summarised.assessed_on

    from summarised
    left join companies
        on summarised.company_id = companies.company_id
        and {{ valid_in_wave('companies', 'summarised.wave') }}
    left join items
        on summarised.item_id = items.item_id

)

select * from final
