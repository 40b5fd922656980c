{#-
    What separates each company from its sector leader in its study: per
    study × company × country × pillar × wave, the gap between the leader's weighted mean and the
    company's, whether it is significant (two-sample z test on the two means
    and their standard errors at confidence_level), and priority = gap ×
    combined pillar importance, ranked within the company (what to fix first).
    One leader per study × sector × country × wave, as chosen in
    int_sector_leaders_chosen (tied leaders: the lowest company_id).

    direction says behind / level / ahead by that z test (level = not
    significant; 'level' on the leader's own rows and where a standard error is
    missing). Only a significant shortfall ('behind') is a priority: a level or
    a leading pillar has NULL priority and rank, so a company that outscores its
    leader is never told to "fix" it. Priority's interval is the delta method
    on gap × importance, the two estimates taken as independent:
    se² = importance² · gap_se² + gap² · importance_se², lower bound not below 0
    (both factors are non-negative on a shortfall).
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

company_pillars as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

pillar_weights as (

    select * from {{ ref('int_pillar_weights_chosen') }}

),

leaders as (

    select * from {{ ref('int_sector_leaders_chosen') }}

),

importance_errors as (

    select
        study_id,
        country,
        wave,
        pillar_id,
        max(importance_std_error) as importance_std_error

    from {{ ref('int_pillar_importance_estimated') }}

    where is_estimated

    group by all

),

paired as (

    select
        company_waves.study_id,
        company_waves.company_id,
        company_waves.country,
        company_waves.wave,
        company_waves.sector_code,
        company_pillars.pillar_id,
        leaders.leader_company_id,
        company_pillars.mean_score,
        leader_scores.mean_score as leader_mean_score,
        leader_scores.mean_score - company_pillars.mean_score as gap_to_leader,
        case
            when company_waves.company_id <> leaders.leader_company_id
                then sqrt(
                    company_pillars.std_error * company_pillars.std_error
                    + leader_scores.std_error * leader_scores.std_error
                )
        end as gap_std_error,
        pillar_weights.importance,
        case
            when pillar_weights.importance is not null then importance_errors.importance_std_error
        end as importance_std_error,
        company_waves.company_id = leaders.leader_company_id as is_leader,
        company_waves.is_eligible

    from company_waves
    inner join leaders
        on company_waves.study_id = leaders.study_id
        and company_waves.country = leaders.country
        and company_waves.wave = leaders.wave
        and company_waves.sector_code = leaders.sector_code
    inner join company_pillars
        on company_waves.study_id = company_pillars.study_id
        and company_waves.company_id = company_pillars.company_id
        and company_waves.country = company_pillars.country
        and company_waves.wave = company_pillars.wave
    inner join company_pillars as leader_scores
        on company_pillars.study_id = leader_scores.study_id
        and leaders.leader_company_id = leader_scores.company_id
        and company_pillars.country = leader_scores.country
        and company_pillars.wave = leader_scores.wave
        and company_pillars.pillar_id = leader_scores.pillar_id
    left join pillar_weights
        on company_waves.study_id = pillar_weights.study_id
        and company_waves.country = pillar_weights.country
        and company_waves.wave = pillar_weights.wave
        and company_pillars.pillar_id = pillar_weights.pillar_id
    left join importance_errors
        on company_waves.study_id = importance_errors.study_id
        and company_waves.country = importance_errors.country
        and company_waves.wave = importance_errors.wave
        and company_pillars.pillar_id = importance_errors.pillar_id

),

tested as (

    select
        *,
        case when gap_std_error > 0 then gap_to_leader / gap_std_error end as gap_z_score

    from paired

),

directed as (

    select
        *,
        case
            when gap_z_score > {{ z_critical }} then 'behind'
            when gap_z_score < -{{ z_critical }} then 'ahead'
            else 'level'
        end as direction

    from tested

),

prioritised as (

    select
        *,
        case when direction = 'behind' then gap_to_leader * importance end as priority,
        case
            when direction = 'behind'
                then sqrt(
                    importance * importance * gap_std_error * gap_std_error
                    + gap_to_leader * gap_to_leader * importance_std_error * importance_std_error
                )
        end as priority_std_error

    from directed

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        pillar_id,
        leader_company_id,
        mean_score,
        leader_mean_score,
        gap_to_leader,
        gap_std_error,
        gap_z_score,
        direction,
        importance,
        importance_std_error,
        case
            when importance_std_error is not null
                then greatest(importance - {{ z_critical }} * importance_std_error, 0)
        end as importance_ci_low,
        case
            when importance_std_error is not null
                then least(importance + {{ z_critical }} * importance_std_error, 1)
        end as importance_ci_high,
        priority,
        case
            when priority_std_error is not null
                then greatest(priority - {{ z_critical }} * priority_std_error, 0)
        end as priority_ci_low,
        case
            when priority_std_error is not null
                then priority + {{ z_critical }} * priority_std_error
        end as priority_ci_high,
        cast(
            case
                when priority is not null
                    then rank() over (
                        partition by study_id, company_id, country, wave
                        order by case when priority is null then 1 else 0 end, priority desc
                    )
            end as integer
        ) as priority_rank,
        is_leader,
        is_eligible,
        direction <> 'level' as is_gap_significant,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from prioritised

)

select * from final
