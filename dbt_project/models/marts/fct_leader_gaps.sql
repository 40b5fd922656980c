{#-
    What separates each company from its sector leader (docs/methodology.md): per
    company × pillar × wave, the gap between the leader's weighted mean and the
    company's, whether it is significant (two-sample z test on the two means
    and their standard errors at confidence_level), and priority = gap ×
    combined pillar importance, ranked within the company (what to fix first).
    One leader per sector × country × wave: the first-ranked eligible company
    (tied leaders: the lowest company_id).
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

company_scores as (

    select * from {{ ref('fct_company_scores') }}

),

company_pillar_scores as (

    select * from {{ ref('fct_company_pillar_scores') }}

),

pillar_weights as (

    select * from {{ ref('int_pillar_weights_chosen') }}

),

leaders as (

    select
        country,
        wave,
        sector_code,
        company_id as leader_company_id

    from (
        select
            country,
            wave,
            sector_code,
            company_id,
            row_number() over (
                partition by country, wave, sector_code
                order by company_id
            ) as leader_order

        from company_scores

        where is_sector_leader
    ) as sector_leaders

    where leader_order = 1

),

paired as (

    select
        company_scores.company_id,
        company_scores.country,
        company_scores.wave,
        company_scores.sector_code,
        company_pillar_scores.pillar_id,
        leaders.leader_company_id,
        company_pillar_scores.mean_score,
        leader_scores.mean_score as leader_mean_score,
        leader_scores.mean_score - company_pillar_scores.mean_score as gap_to_leader,
        case
            when company_scores.company_id <> leaders.leader_company_id
                then sqrt(
                    company_pillar_scores.std_error * company_pillar_scores.std_error
                    + leader_scores.std_error * leader_scores.std_error
                )
        end as gap_std_error,
        pillar_weights.importance,
        company_scores.company_id = leaders.leader_company_id as is_leader,
        company_scores.is_eligible

    from company_scores
    inner join leaders
        on company_scores.country = leaders.country
        and company_scores.wave = leaders.wave
        and company_scores.sector_code = leaders.sector_code
    inner join company_pillar_scores
        on company_scores.company_id = company_pillar_scores.company_id
        and company_scores.wave = company_pillar_scores.wave
    inner join company_pillar_scores as leader_scores
        on leaders.leader_company_id = leader_scores.company_id
        and company_pillar_scores.wave = leader_scores.wave
        and company_pillar_scores.pillar_id = leader_scores.pillar_id
    left join pillar_weights
        on company_scores.country = pillar_weights.country
        and company_scores.wave = pillar_weights.wave
        and company_pillar_scores.pillar_id = pillar_weights.pillar_id

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
                        partition by company_id, wave
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
