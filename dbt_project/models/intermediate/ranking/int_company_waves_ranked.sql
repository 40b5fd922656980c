{#-
    The ranking of the headline numbers (int_company_waves_measured) for every
    mart that needs ranks, leaders or movers (company scores, benchmarks, leader
    gaps, maturity): ranks with their ranges, sector leadership and the moves
    since the study's previous wave in the country, each with its significance.

    Like with like: ranks are within one study × country × wave and one set of
    index pillars; a move compares two waves of the same study whose indexes
    are over the same pillars (is_mover_comparable), never two unrelated
    studies that happen to share a country. The sector is the company's in
    that wave (the version valid then); a company that absorbed a brand, or
    gave one back, between the previous wave and this one is not the company
    it was, so its move is not compared either.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

measured as (

    select * from {{ ref('int_company_waves_measured') }}

),

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

{# waves in which a company's make-up changes: a brand merged into it from then,
    or a merger ending then #}
make_up_changes as (

    select
        merged_into_company_id as company_id,
        valid_from_wave as changed_in_wave

    from companies

    where merged_into_company_id is not null

    union

    select
        merged_into_company_id as company_id,
        valid_to_wave as changed_in_wave

    from companies

    where merged_into_company_id is not null
        and valid_to_wave is not null

),

ranked as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        cx_index_pillars,
        cx_index,
        cx_index_std_error,
        rank() over (
            partition by study_id, country, wave, cx_index_pillars
            order by cx_index desc
        ) as rank_in_country,
        count(*) over (partition by study_id, country, wave, cx_index_pillars) as n_ranked_in_country,
        case
            when sector_code <> {{ unassigned_sector() }}
                then count(*) over (partition by study_id, country, wave, cx_index_pillars, sector_code)
        end as n_ranked_in_sector,
        {#- the unassigned sector is no sector: its companies have no sector rank #}
        case
            when sector_code <> {{ unassigned_sector() }}
                then rank() over (
                    partition by study_id, country, wave, cx_index_pillars, sector_code
                    order by cx_index desc
                )
        end as rank_in_sector

    from measured

    where is_eligible
        and cx_index is not null

),

{# Rank ranges: every ranked pair of a ranking partition compared with a
    two-sided z-test on their CX index difference (independent samples). A
    pair without both standard errors is never told apart. #}
pairwise as (

    select
        ranked.study_id,
        ranked.company_id,
        ranked.country,
        ranked.wave,
        ranked.sector_code = rival.sector_code as is_same_sector,
        rival.cx_index - ranked.cx_index as rival_lead,
        {{ difference_std_error('ranked.cx_index_std_error', 'rival.cx_index_std_error') }} as lead_std_error

    from ranked
    inner join ranked as rival
        on ranked.study_id = rival.study_id
        and ranked.country = rival.country
        and ranked.wave = rival.wave
        and ranked.cx_index_pillars = rival.cx_index_pillars
        and ranked.company_id <> rival.company_id

),

{# a NULL standard error makes both comparisons NULL: not counted either way #}
rivals_counted as (

    select
        study_id,
        company_id,
        country,
        wave,
        count(*) filter (where rival_lead > {{ z_critical }} * lead_std_error) as n_ahead_in_country,
        count(*) filter (where -rival_lead > {{ z_critical }} * lead_std_error) as n_behind_in_country,
        count(*) filter (
            where is_same_sector and rival_lead > {{ z_critical }} * lead_std_error
        ) as n_ahead_in_sector,
        count(*) filter (
            where is_same_sector and -rival_lead > {{ z_critical }} * lead_std_error
        ) as n_behind_in_sector

    from pairwise

    group by all

),

rank_ranges as (

    select
        ranked.study_id,
        ranked.company_id,
        ranked.country,
        ranked.wave,
        ranked.rank_in_country,
        ranked.rank_in_sector,
        1 + coalesce(rivals_counted.n_ahead_in_country, 0) as rank_in_country_best,
        ranked.n_ranked_in_country - coalesce(rivals_counted.n_behind_in_country, 0)
            as rank_in_country_worst,
        case
            when ranked.rank_in_sector is not null
                then 1 + coalesce(rivals_counted.n_ahead_in_sector, 0)
        end as rank_in_sector_best,
        ranked.n_ranked_in_sector - coalesce(rivals_counted.n_behind_in_sector, 0)
            as rank_in_sector_worst

    from ranked
    left join rivals_counted
        on ranked.study_id = rivals_counted.study_id
        and ranked.company_id = rivals_counted.company_id
        and ranked.country = rivals_counted.country
        and ranked.wave = rivals_counted.wave

),

with_ranks as (

    select
        measured.*,
        cast(ranked.rank_in_country as integer) as rank_in_country,
        cast(ranked.rank_in_sector as integer) as rank_in_sector,
        cast(ranked.rank_in_country_best as integer) as rank_in_country_best,
        cast(ranked.rank_in_country_worst as integer) as rank_in_country_worst,
        cast(ranked.rank_in_sector_best as integer) as rank_in_sector_best,
        cast(ranked.rank_in_sector_worst as integer) as rank_in_sector_worst

    from measured
    left join rank_ranges as ranked
        on measured.study_id = ranked.study_id
        and measured.company_id = ranked.company_id
        and measured.country = ranked.country
        and measured.wave = ranked.wave

),

study_waves as (

    select
        study_id,
        country,
        wave,
        lag(wave) over (partition by study_id, country order by wave) as previous_wave

    from (
        select distinct
            study_id,
            country,
            wave
        from measured
    ) as distinct_study_waves

),

with_previous as (

    select
        with_ranks.*,
        study_waves.previous_wave,
        previous.cx_index as previous_cx_index,
        previous.cx_index_std_error as previous_cx_index_std_error,
        previous.rank_in_country as previous_rank_in_country,
        previous.rank_in_sector as previous_rank_in_sector,
        previous.sector_code as previous_sector_code,
        previous.nps_score as previous_nps_score,
        previous.nps_std_error as previous_nps_std_error,
        previous.csat_top2_box_pct as previous_csat_top2_box_pct,
        previous.csat_std_error as previous_csat_std_error,
        previous.ces_top3_box_pct as previous_ces_top3_box_pct,
        previous.ces_std_error as previous_ces_std_error,
        coalesce(
            with_ranks.rank_in_country is not null
            and previous.rank_in_country is not null
            and with_ranks.cx_index_pillars = previous.cx_index_pillars
            and not exists (
                select 1
                from make_up_changes
                where make_up_changes.company_id = with_ranks.company_id
                    and make_up_changes.changed_in_wave > study_waves.previous_wave
                    and make_up_changes.changed_in_wave <= with_ranks.wave
            ),
            false
        ) as is_mover_comparable

    from with_ranks
    inner join study_waves
        on with_ranks.study_id = study_waves.study_id
        and with_ranks.country = study_waves.country
        and with_ranks.wave = study_waves.wave
    left join with_ranks as previous
        on with_ranks.study_id = previous.study_id
        and with_ranks.company_id = previous.company_id
        and with_ranks.country = previous.country
        and study_waves.previous_wave = previous.wave

),

{# Year on year, on the movers' rule: the two waves are independent samples,
    so a change's standard error is sqrt(se_now² + se_previous²). #}
changes as (

    select
        *,
        case when is_mover_comparable then cx_index - previous_cx_index end as cx_index_change,
        case
            when is_mover_comparable
                then {{ difference_std_error('cx_index_std_error', 'previous_cx_index_std_error') }}
        end as cx_index_change_std_error,
        case when is_mover_comparable then nps_score - previous_nps_score end as nps_change,
        case
            when is_mover_comparable
                then {{ difference_std_error('nps_std_error', 'previous_nps_std_error') }}
        end as nps_change_std_error,
        case when is_mover_comparable then csat_top2_box_pct - previous_csat_top2_box_pct end as csat_change,
        case
            when is_mover_comparable
                then {{ difference_std_error('csat_std_error', 'previous_csat_std_error') }}
        end as csat_change_std_error,
        case when is_mover_comparable then ces_top3_box_pct - previous_ces_top3_box_pct end as ces_change,
        case
            when is_mover_comparable
                then {{ difference_std_error('ces_std_error', 'previous_ces_std_error') }}
        end as ces_change_std_error

    from with_previous

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        sector_code,
        n_evaluations,
        effective_n,
        design_effect,
        cx_index,
        cx_index_std_error,
        greatest(cx_index - {{ z_critical }} * cx_index_std_error, 0) as cx_index_ci_low,
        least(cx_index + {{ z_critical }} * cx_index_std_error, 10) as cx_index_ci_high,
        cee_method,
        cx_index_pillars,
        is_partial_coverage,
        nps_score,
        nps_ci_low,
        nps_ci_high,
        n_nps_responses,
        csat_top2_box_pct,
        csat_ci_low,
        csat_ci_high,
        n_csat_responses,
        ces_top3_box_pct,
        ces_ci_low,
        ces_ci_high,
        n_ces_responses,
        is_eligible,
        rank_in_country,
        rank_in_sector,
        rank_in_country_best,
        rank_in_country_worst,
        rank_in_sector_best,
        rank_in_sector_worst,
        coalesce(rank_in_sector = 1, false) as is_sector_leader,
        previous_wave,
        case when is_mover_comparable then previous_cx_index end as previous_cx_index,
        cx_index_change,
        case when is_mover_comparable then previous_rank_in_country end as previous_rank_in_country,
        case
            when is_mover_comparable then previous_rank_in_country - rank_in_country
        end as rank_in_country_change,
        cx_index_change_std_error,
        abs(cx_index_change) > {{ z_critical }} * cx_index_change_std_error as is_cx_index_change_significant,
        case when is_mover_comparable then previous_nps_score end as previous_nps_score,
        nps_change,
        abs(nps_change) > {{ z_critical }} * nps_change_std_error as is_nps_change_significant,
        case when is_mover_comparable then previous_csat_top2_box_pct end as previous_csat_top2_box_pct,
        csat_change,
        abs(csat_change) > {{ z_critical }} * csat_change_std_error as is_csat_change_significant,
        case when is_mover_comparable then previous_ces_top3_box_pct end as previous_ces_top3_box_pct,
        ces_change,
        abs(ces_change) > {{ z_critical }} * ces_change_std_error as is_ces_change_significant,
        case when is_mover_comparable then previous_rank_in_sector end as previous_rank_in_sector,
        {#- a sector rank moves only within one sector: a company that changed sector
            has a previous sector rank but no change #}
        case
            when is_mover_comparable and sector_code = previous_sector_code
                then previous_rank_in_sector - rank_in_sector
        end as rank_in_sector_change,
        is_mover_comparable,
        cast({{ var('min_base') }} as integer) as min_base

    from changes

)

select * from final
