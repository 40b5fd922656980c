{#-
    Headline numbers per study × company × country × wave, ranked once for
    every mart that needs ranks, leaders or movers (company scores, benchmarks,
    leader gaps, maturity): the CX index (CEE) over the pillars the study
    measures with its interval, NPS, CSAT and CES with adjusted-Wald ones, the
    base and its effective n, eligibility, ranks with their ranges, sector
    leadership and the moves since the study's previous wave in the country,
    each with its significance.

    Like with like: ranks are within one study × country × wave and one set of
    index pillars; a move compares two waves of the same study whose indexes
    are over the same pillars (is_mover_comparable), never two unrelated
    studies that happen to share a country. The sector is the company's in
    that wave (the version valid then); a company that absorbed a brand, or
    gave one back, between the previous wave and this one is not the company
    it was, so its move is not compared either.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}
{%- set z_squared = z_critical * z_critical -%}

with

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

company_pillar_scores as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

pillar_weights as (

    select * from {{ ref('int_pillar_weights_chosen') }}

),

index_errors as (

    select * from {{ ref('int_company_index_errors_estimated') }}

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

{# the index pillars of each sample: the pillars its study measures #}
index_pillars as (

    select
        study_id,
        country,
        wave,
        max(n_pillars_measured) as n_pillars_measured,
        {{ dbt.listagg('pillar_id', "','", 'order by sort_order') }} as cx_index_pillars

    from pillar_weights

    group by all

),

indexed as (

    select
        company_pillar_scores.study_id,
        company_pillar_scores.company_id,
        company_pillar_scores.country,
        company_pillar_scores.wave,
        {#- every measured pillar scored, or no index: an index over fewer pillars
            than its study measures would not compare with its peers' #}
        case
            when count(company_pillar_scores.mean_score) = max(pillar_weights.n_pillars_measured)
                then sum(pillar_weights.cee_weight * {{ cee_scale('company_pillar_scores.mean_score') }})
        end as cx_index,
        max(pillar_weights.cee_method) as cee_method

    from company_pillar_scores
    inner join pillar_weights
        on company_pillar_scores.study_id = pillar_weights.study_id
        and company_pillar_scores.country = pillar_weights.country
        and company_pillar_scores.wave = pillar_weights.wave
        and company_pillar_scores.pillar_id = pillar_weights.pillar_id

    group by
        company_pillar_scores.study_id,
        company_pillar_scores.company_id,
        company_pillar_scores.country,
        company_pillar_scores.wave

),

outcome_shares as (

    select
        study_id,
        company_id,
        country,
        wave,
        n_evaluations,
        {{ effective_n('sum_weights', 'sum_squared_weights') }} as effective_n,
        n_evaluations * sum_squared_weights / (sum_weights * sum_weights) as design_effect,
        nps__n as n_nps_responses,
        {{ effective_n('nps__sum_w', 'nps__sum_w2') }} as nps_effective_n,
        {#- shares are clamped to [0, 1]: the numerator and denominator are sums of
            the same weights added in a different order, so an all-promoter
            company could otherwise come out at 1.0000000000000002 #}
        case when nps__sum_w > 0 then least(nps__sum_w_promoter / nps__sum_w, 1.0) end
            as promoter_share,
        case when nps__sum_w > 0 then least(nps__sum_w_detractor / nps__sum_w, 1.0) end
            as detractor_share,
        csat__n as n_csat_responses,
        case when csat__sum_w > 0 then 100 * least(csat__sum_w_top2 / csat__sum_w, 1.0) end
            as csat_top2_box_pct,
        {{ effective_n('csat__sum_w', 'csat__sum_w2') }} as csat_effective_n,
        ces__n as n_ces_responses,
        case when ces__sum_w > 0 then 100 * least(ces__sum_w_top3 / ces__sum_w, 1.0) end
            as ces_top3_box_pct,
        {{ effective_n('ces__sum_w', 'ces__sum_w2') }} as ces_effective_n,
        is_eligible

    from company_waves

),

{# Adjusted Wald (Rocks 2016): add 3/4 of an observation to promoters and to
    detractors and 3 to n, with n the effective n of the nps answers. #}
nps_adjusted as (

    select
        *,
        (promoter_share * nps_effective_n + 0.75) / (nps_effective_n + 3) as adjusted_promoter_share,
        (detractor_share * nps_effective_n + 0.75) / (nps_effective_n + 3) as adjusted_detractor_share

    from outcome_shares

),

{# The binomial adjusted Wald (Agresti–Coull) for the top-box shares, on the
    effective n of their answers: z²/2 successes and z² answers added. #}
boxes_adjusted as (

    select
        *,
        (csat_top2_box_pct / 100 * csat_effective_n + {{ z_squared }} / 2)
        / (csat_effective_n + {{ z_squared }}) as adjusted_csat_share,
        (ces_top3_box_pct / 100 * ces_effective_n + {{ z_squared }} / 2)
        / (ces_effective_n + {{ z_squared }}) as adjusted_ces_share

    from nps_adjusted

),

nps_estimated as (

    select
        *,
        100 * (promoter_share - detractor_share) as nps_score,
        100 * (adjusted_promoter_share - adjusted_detractor_share) as adjusted_nps,
        100 * sqrt(
            (
                adjusted_promoter_share + adjusted_detractor_share
                - (adjusted_promoter_share - adjusted_detractor_share)
                * (adjusted_promoter_share - adjusted_detractor_share)
            ) / (nps_effective_n + 3)
        ) as nps_std_error,
        100 * adjusted_csat_share as adjusted_csat_pct,
        100 * sqrt(
            adjusted_csat_share * (1 - adjusted_csat_share) / (csat_effective_n + {{ z_squared }})
        ) as csat_std_error,
        100 * adjusted_ces_share as adjusted_ces_pct,
        100 * sqrt(
            adjusted_ces_share * (1 - adjusted_ces_share) / (ces_effective_n + {{ z_squared }})
        ) as ces_std_error

    from boxes_adjusted

),

joined as (

    select
        nps_estimated.study_id,
        nps_estimated.company_id,
        nps_estimated.country,
        nps_estimated.wave,
        companies.sector_code,
        nps_estimated.n_evaluations,
        nps_estimated.effective_n,
        nps_estimated.design_effect,
        indexed.cx_index,
        case when indexed.cx_index is not null then index_errors.cx_index_std_error end as cx_index_std_error,
        indexed.cee_method,
        index_pillars.cx_index_pillars,
        coalesce(index_pillars.n_pillars_measured, 0) < {{ pillar_statements() | length }}
            as is_partial_coverage,
        nps_estimated.nps_score,
        {{ clipped_interval(
            'nps', 'nps_estimated.adjusted_nps', 'nps_estimated.nps_std_error', z_critical, -100, 100
        ) }},
        nps_estimated.nps_std_error,
        nps_estimated.n_nps_responses,
        nps_estimated.csat_top2_box_pct,
        {{ clipped_interval(
            'csat', 'nps_estimated.adjusted_csat_pct', 'nps_estimated.csat_std_error', z_critical, 0, 100
        ) }},
        nps_estimated.csat_std_error,
        nps_estimated.n_csat_responses,
        nps_estimated.ces_top3_box_pct,
        {{ clipped_interval(
            'ces', 'nps_estimated.adjusted_ces_pct', 'nps_estimated.ces_std_error', z_critical, 0, 100
        ) }},
        nps_estimated.ces_std_error,
        nps_estimated.n_ces_responses,
        nps_estimated.is_eligible

    from nps_estimated
    left join indexed
        on nps_estimated.study_id = indexed.study_id
        and nps_estimated.company_id = indexed.company_id
        and nps_estimated.country = indexed.country
        and nps_estimated.wave = indexed.wave
    left join index_errors
        on nps_estimated.study_id = index_errors.study_id
        and nps_estimated.company_id = index_errors.company_id
        and nps_estimated.country = index_errors.country
        and nps_estimated.wave = index_errors.wave
    left join index_pillars
        on nps_estimated.study_id = index_pillars.study_id
        and nps_estimated.country = index_pillars.country
        and nps_estimated.wave = index_pillars.wave
    left join companies
        on nps_estimated.company_id = companies.company_id
        and {{ valid_in_wave('companies', 'nps_estimated.wave') }}

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

    from joined

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
        joined.*,
        cast(ranked.rank_in_country as integer) as rank_in_country,
        cast(ranked.rank_in_sector as integer) as rank_in_sector,
        cast(ranked.rank_in_country_best as integer) as rank_in_country_best,
        cast(ranked.rank_in_country_worst as integer) as rank_in_country_worst,
        cast(ranked.rank_in_sector_best as integer) as rank_in_sector_best,
        cast(ranked.rank_in_sector_worst as integer) as rank_in_sector_worst

    from joined
    left join rank_ranges as ranked
        on joined.study_id = ranked.study_id
        and joined.company_id = ranked.company_id
        and joined.country = ranked.country
        and joined.wave = ranked.wave

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
        from company_waves
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
