{#-
    The maturity stage of each organisation per wave (docs/methodology.md,
    "Organisational maturity"). The seven steps of seed 002 form a ladder: an
    organisation is at stage k when its managers' mean score reaches
    maturity_step_threshold on each of steps 1..k, and step k + 1 is not
    reached (or not scored). Stage 0: not even the first step (customer-centric)
    is reached. next_step_item_id is the step to work on next (NULL at stage 7).
    Overall, management and step scores are unweighted means of the item means.
    is_reportable: every item was scored by at least maturity_min_respondents
    managers.
-#}
with

maturity as (

    select * from {{ ref('int_maturity_items_scored') }}

),

items as (

    select * from {{ ref('maturity_items') }}

),

companies as (

    select * from {{ ref('stg_industry__maturity_assessments') }}

),

respondents as (

    select
        company_id,
        wave,
        count(distinct respondent_id) as n_respondents

    from companies
    group by all

),

summarised as (

    select
        company_id,
        country,
        sector_code,
        wave,
        count(*) as n_items_scored,
        min(n_respondents) as min_item_respondents,
        avg(score) as overall_score,
        avg(case when item_group = 'management_pillar' then score end) as management_score,
        avg(case when item_group = 'maturity_step' then score end) as steps_score

    from maturity
    group by all

),

ladder as (

    -- every step for every assessed organisation, scored or not
    select
        summarised.company_id,
        summarised.wave,
        items.item_id,
        items.sort_order,
        coalesce(maturity.score >= {{ var('maturity_step_threshold') }}, false) as is_reached

    from summarised
    cross join items
    left join maturity
        on summarised.company_id = maturity.company_id
        and summarised.wave = maturity.wave
        and items.item_id = maturity.item_id

    where items.item_group = 'maturity_step'

),

first_missed as (

    select
        *,
        coalesce(first_missed_order, last_order + 1) - 1 as stage

    from (
        select
            company_id,
            wave,
            min(case when not is_reached then sort_order end) as first_missed_order,
            max(sort_order) as last_order

        from ladder
        group by all
    ) as ladder_ends

),

final as (

    select
        summarised.company_id,
        summarised.country,
        summarised.sector_code,
        summarised.wave,
        cast(respondents.n_respondents as integer) as n_respondents,
        cast(summarised.n_items_scored as integer) as n_items_scored,
        cast(summarised.overall_score as {{ type_double() }}) as overall_score,
        cast(summarised.management_score as {{ type_double() }}) as management_score,
        cast(summarised.steps_score as {{ type_double() }}) as steps_score,
        cast(first_missed.stage as integer) as maturity_stage,
        reached_step.item_id as stage_item_id,
        next_step.item_id as next_step_item_id,
        cast({{ var('maturity_step_threshold') }} as {{ type_double() }}) as step_threshold,
        (
            summarised.n_items_scored = (select count(*) from items)
            and summarised.min_item_respondents >= {{ var('maturity_min_respondents') }}
        ) as is_reportable

    from summarised
    inner join respondents
        on summarised.company_id = respondents.company_id
        and summarised.wave = respondents.wave
    inner join first_missed
        on summarised.company_id = first_missed.company_id
        and summarised.wave = first_missed.wave
    left join items as reached_step
        on reached_step.item_group = 'maturity_step'
        and first_missed.stage = reached_step.sort_order
    left join items as next_step
        on next_step.item_group = 'maturity_step'
        and first_missed.first_missed_order = next_step.sort_order

)

select * from final
