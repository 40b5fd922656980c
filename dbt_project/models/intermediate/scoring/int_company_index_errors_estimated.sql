{#-
    The CX index's standard error per company × wave. The index is
    Σ cee_weight × (pillar mean − 1) / 9 × 10 over the index pillars, and the
    pillar means come from the same respondents, so its variance is the
    quadratic form Σᵢ Σⱼ aᵢ aⱼ ρᵢⱼ seᵢ seⱼ (aᵢ = cee_weight × 10/9): the pillar
    standard errors of int_company_pillars_estimated (weighted, from the Kish
    effective n: the design effect is theirs) and the within-respondent
    correlations of int_company_pillar_pairs_correlated. The CEE weights count
    as fixed (their own sampling error, when estimated from drivers, is left
    out).
-#}
with

company_pillar_scores as (

    select * from {{ ref('int_company_pillars_estimated') }}

),

pillar_weights as (

    select * from {{ ref('int_pillar_weights_chosen') }}

),

pillar_pairs as (

    select * from {{ ref('int_company_pillar_pairs_correlated') }}

),

{# aᵢ · seᵢ per index pillar, aᵢ on the index's 0–10 scale (cee_scale) #}
index_error_terms as (

    select
        company_pillar_scores.study_id,
        company_pillar_scores.company_id,
        company_pillar_scores.country,
        company_pillar_scores.wave,
        company_pillar_scores.pillar_id,
        pillar_weights.cee_weight * 10.0 / 9.0 * company_pillar_scores.std_error as weighted_error

    from company_pillar_scores
    inner join pillar_weights
        on company_pillar_scores.study_id = pillar_weights.study_id
        and company_pillar_scores.country = pillar_weights.country
        and company_pillar_scores.wave = pillar_weights.wave
        and company_pillar_scores.pillar_id = pillar_weights.pillar_id

),

{# both orders of each pair; a pair without a correlation (no complete cases, or a
    pillar without spread there) counts as fully correlated below, the cautious
    choice with non-negative weights #}
pillar_correlations as (

    select
        study_id,
        company_id,
        country,
        wave,
        pillar_id,
        other_pillar_id,
        correlation

    from pillar_pairs

    union all

    select
        study_id,
        company_id,
        country,
        wave,
        other_pillar_id as pillar_id,
        pillar_id as other_pillar_id,
        correlation

    from pillar_pairs

),

index_variances as (

    select
        index_error_terms.study_id,
        index_error_terms.company_id,
        index_error_terms.country,
        index_error_terms.wave,
        {#- every term known, or no variance: sum() would skip a missing one #}
        case
            when bool_and(index_error_terms.weighted_error is not null and other_terms.weighted_error is not null)
                then sum(
                    index_error_terms.weighted_error * other_terms.weighted_error
                    * case
                        when index_error_terms.pillar_id = other_terms.pillar_id then 1.0
                        else coalesce(pillar_correlations.correlation, 1.0)
                    end
                )
        end as cx_index_variance

    from index_error_terms
    inner join index_error_terms as other_terms
        on index_error_terms.study_id = other_terms.study_id
        and index_error_terms.company_id = other_terms.company_id
        and index_error_terms.country = other_terms.country
        and index_error_terms.wave = other_terms.wave
    left join pillar_correlations
        on index_error_terms.study_id = pillar_correlations.study_id
        and index_error_terms.company_id = pillar_correlations.company_id
        and index_error_terms.country = pillar_correlations.country
        and index_error_terms.wave = pillar_correlations.wave
        and index_error_terms.pillar_id = pillar_correlations.pillar_id
        and other_terms.pillar_id = pillar_correlations.other_pillar_id

    group by
        index_error_terms.study_id,
        index_error_terms.company_id,
        index_error_terms.country,
        index_error_terms.wave

),

final as (

    select
        study_id,
        company_id,
        country,
        wave,
        cx_index_variance,
        sqrt(greatest(cx_index_variance, 0.0)) as cx_index_std_error

    from index_variances

)

select * from final
