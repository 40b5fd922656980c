{#-
    What separates each company from its sector leader in its study: per
    study × company × country × pillar × wave, the gap between the leader's weighted mean and the
    company's, whether it is significant (two-sample z test on the two means
    and their standard errors at confidence_level), and priority = gap ×
    combined pillar importance, ranked within the company (what to fix first).
    One leader per study × sector × country × wave, as chosen in
    int_sector_leaders_chosen (tied leaders: the lowest company_id).
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

),

tested as (

    select
        *,
        case when gap_std_error > 0 then gap_to_leader / gap_std_error end as gap_z_score,
        gap_to_leader * importance as priority

    from paired

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
        importance,
        priority,
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
        coalesce(abs(gap_z_score) > {{ z_critical }}, false) as is_gap_significant,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level,
        '{{ var("methodology_version") }}' as methodology_version

    from tested

)

select * from final
