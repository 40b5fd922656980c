{#-
    Headline numbers per study × company × country × wave, ranked once for
    every mart that needs ranks, leaders or movers (company scores, benchmarks,
    leader gaps, maturity): the CX index (CEE) over the pillars the study
    measures, NPS with an adjusted-Wald interval, CSAT top-2-box and CES, the
    base and its effective n, eligibility, ranks, sector leadership and the
    move since the study's previous wave in the country.

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

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

company_pillar_scores as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

pillar_weights as (

    select * from {{ ref('int_pillar_weights_chosen') }}

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
        ces__n as n_ces_responses,
        case when ces__sum_w > 0 then 100 * least(ces__sum_w_top3 / ces__sum_w, 1.0) end
            as ces_top3_box_pct,
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
        ) as nps_std_error

    from nps_adjusted

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
        indexed.cee_method,
        index_pillars.cx_index_pillars,
        coalesce(index_pillars.n_pillars_measured, 0) < {{ pillar_statements() | length }}
            as is_partial_coverage,
        nps_estimated.nps_score,
        greatest(nps_estimated.adjusted_nps - {{ z_critical }} * nps_estimated.nps_std_error, -100) as nps_ci_low,
        least(nps_estimated.adjusted_nps + {{ z_critical }} * nps_estimated.nps_std_error, 100) as nps_ci_high,
        nps_estimated.n_nps_responses,
        nps_estimated.csat_top2_box_pct,
        nps_estimated.n_csat_responses,
        nps_estimated.ces_top3_box_pct,
        nps_estimated.n_ces_responses,
        nps_estimated.is_eligible

    from nps_estimated
    left join indexed
        on nps_estimated.study_id = indexed.study_id
        and nps_estimated.company_id = indexed.company_id
        and nps_estimated.country = indexed.country
        and nps_estimated.wave = indexed.wave
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
        rank() over (
            partition by study_id, country, wave, cx_index_pillars
            order by cx_index desc
        ) as rank_in_country,
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

with_ranks as (

    select
        joined.*,
        cast(ranked.rank_in_country as integer) as rank_in_country,
        cast(ranked.rank_in_sector as integer) as rank_in_sector

    from joined
    left join ranked
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
        previous.rank_in_country as previous_rank_in_country,
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
        cee_method,
        cx_index_pillars,
        is_partial_coverage,
        nps_score,
        nps_ci_low,
        nps_ci_high,
        n_nps_responses,
        csat_top2_box_pct,
        n_csat_responses,
        ces_top3_box_pct,
        n_ces_responses,
        is_eligible,
        rank_in_country,
        rank_in_sector,
        coalesce(rank_in_sector = 1, false) as is_sector_leader,
        previous_wave,
        case when is_mover_comparable then previous_cx_index end as previous_cx_index,
        case when is_mover_comparable then cx_index - previous_cx_index end as cx_index_change,
        case when is_mover_comparable then previous_rank_in_country end as previous_rank_in_country,
        case
            when is_mover_comparable then previous_rank_in_country - rank_in_country
        end as rank_in_country_change,
        is_mover_comparable,
        cast({{ var('min_base') }} as integer) as min_base

    from with_previous

)

select * from final
