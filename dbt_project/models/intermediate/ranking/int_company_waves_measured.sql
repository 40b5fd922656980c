{#-
    Headline numbers per study × company × country × wave, measured once for
    the ranking (int_company_waves_ranked) and through it every mart: the CX
    index (CEE) over the pillars the study measures with its standard error,
    NPS, CSAT and CES with adjusted-Wald intervals, the base and its effective
    n, eligibility, and the company's sector in that wave (the version valid
    then).
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

)

select * from joined
