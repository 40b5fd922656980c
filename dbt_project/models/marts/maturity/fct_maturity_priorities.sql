{#-
    What an organisation could work on next (docs/methodology.md,
    "Organisational maturity"): per company × wave × maturity item, its score
    beside its sector's average and its sector leader's score (the CX leader of
    its sector × country × wave, int_sector_leaders_chosen, when the leader
    assessed itself), and
    priority = (5 − score) × max(0, correlation of the item with the CX index
    across organisations in the wave). The weakest item among those that go
    most with customer outcomes ranks first (priority_rank 1). Where the link is
    not estimable the priority is NULL and the weakest items rank first. The
    sector average follows the disclosure rule of the other aggregates: NULL
    below min_aggregate_companies assessed companies.
-#}
with

maturity as (

    select * from {{ ref('int_maturity_items_scored') }}

),

links as (

    select * from {{ ref('int_maturity_links_estimated') }}

),

leaders as (

    select * from {{ ref('int_sector_leaders_chosen') }}

    where study_id = '{{ var("maturity_reference_study") }}'

),

sector_profiles as (

    select
        country,
        wave,
        sector_code,
        item_id,
        count(*) as n_sector_companies,
        avg(score) as sector_avg_score

    from maturity
    where sector_code != {{ unassigned_sector() }}
    group by all

),

cee_links as (

    select
        wave,
        item_id,
        correlation,
        is_significant

    from links
    where outcome_id = 'cee'

),

combined as (

    select
        maturity.company_id,
        maturity.country,
        maturity.sector_code,
        maturity.wave,
        maturity.item_group,
        maturity.item_id,
        maturity.sort_order,
        maturity.n_respondents,
        maturity.score,
        sector_profiles.n_sector_companies,
        sector_profiles.n_sector_companies < {{ var('min_aggregate_companies') }} as is_sector_suppressed,
        case
            when sector_profiles.n_sector_companies >= {{ var('min_aggregate_companies') }}
                then sector_profiles.sector_avg_score
        end as sector_avg_score,
        leaders.leader_company_id,
        leader_maturity.score as leader_score,
        leader_maturity.score - maturity.score as gap_to_leader,
        cee_links.correlation as cee_correlation,
        coalesce(cee_links.is_significant, false) as is_link_significant,
        (5 - maturity.score) * greatest(cee_links.correlation, 0) as priority

    from maturity
    left join sector_profiles
        on maturity.country = sector_profiles.country
        and maturity.wave = sector_profiles.wave
        and maturity.sector_code = sector_profiles.sector_code
        and maturity.item_id = sector_profiles.item_id
    left join leaders
        on maturity.country = leaders.country
        and maturity.wave = leaders.wave
        and maturity.sector_code = leaders.sector_code
    left join maturity as leader_maturity
        on leaders.leader_company_id = leader_maturity.company_id
        and maturity.wave = leader_maturity.wave
        and maturity.item_id = leader_maturity.item_id
    left join cee_links
        on maturity.wave = cee_links.wave
        and maturity.item_id = cee_links.item_id

),

final as (

    select
        company_id,
        country,
        sector_code,
        wave,
        item_group,
        item_id,
        cast(sort_order as integer) as sort_order,
        cast(n_respondents as integer) as n_respondents,
        cast(score as {{ type_double() }}) as score,
        cast(sector_avg_score as {{ type_double() }}) as sector_avg_score,
        cast(coalesce(n_sector_companies, 0) as integer) as n_sector_companies,
        coalesce(is_sector_suppressed, true) as is_sector_suppressed,
        leader_company_id,
        cast(leader_score as {{ type_double() }}) as leader_score,
        cast(gap_to_leader as {{ type_double() }}) as gap_to_leader,
        cast(cee_correlation as {{ type_double() }}) as cee_correlation,
        is_link_significant,
        cast(priority as {{ type_double() }}) as priority,
        cast(row_number() over (
            partition by company_id, wave
            order by priority desc nulls last, score asc, item_group asc, sort_order asc
        ) as integer) as priority_rank,
        '{{ var("methodology_version") }}' as methodology_version

    from combined

)

select * from final
