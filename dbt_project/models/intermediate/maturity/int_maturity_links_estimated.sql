{#-
    Which maturity items go with better customer outcomes (docs/methodology.md,
    "Organisational maturity"): per wave × maturity item (and the overall
    score) × outcome (the CX index, and each of the six pillar scores), across
    the organisations that have both a reportable maturity score and an eligible
    CX result: the number of organisations, Pearson's correlation with a Fisher-z
    interval, and the least-squares slope (outcome points per maturity point)
    with a t interval (Student quantile by its Cornish–Fisher expansion, exact
    to about 0.01 from 5 degrees of freedom; SQL has no inverse t). A link is
    estimated from at least maturity_min_link_companies organisations; below
    that its statistics are NULL. This is association across organisations,
    not proof that maturity causes the scores.
-#}
{%- set z = normal_quantile(var('confidence_level')) | float -%}
{#- Cornish–Fisher terms of the Student quantile: t ≈ z + c1/df + c2/df² + c3/df³ -#}
{%- set c1 = (z ** 3 + z) / 4 -%}
{%- set c2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96 -%}
{%- set c3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384 -%}

with

maturity as (

    select * from {{ ref('int_maturity_items_scored') }}

),

stages as (

    select * from {{ ref('int_maturity_stages_reached') }}

),

company_scores as (

    {#- customer outcomes of one study (var maturity_reference_study), never several mixed #}
    select * from {{ ref('int_company_waves_ranked') }}

    where study_id = '{{ var("maturity_reference_study") }}'

),

company_pillar_scores as (

    select * from {{ ref('int_company_pillars_estimated') }}

    where study_id = '{{ var("maturity_reference_study") }}'

),

maturity_scores as (

    select
        company_id,
        wave,
        item_group,
        item_id,
        sort_order,
        score

    from maturity
    where is_reportable

    union all

    select
        company_id,
        wave,
        'overall' as item_group,
        'overall' as item_id,
        0 as sort_order,
        overall_score as score

    from stages
    where is_reportable

),

outcomes as (

    select
        company_id,
        wave,
        'cx_index' as outcome_group,
        'cee' as outcome_id,
        cx_index as outcome_score

    from company_scores
    where is_eligible and cx_index is not null

    union all

    select
        company_id,
        wave,
        'pillar' as outcome_group,
        pillar_id as outcome_id,
        mean_score as outcome_score

    from company_pillar_scores
    where is_eligible and mean_score is not null

),

moments as (

    select
        maturity_scores.wave,
        maturity_scores.item_group,
        maturity_scores.item_id,
        maturity_scores.sort_order,
        outcomes.outcome_group,
        outcomes.outcome_id,
        count(*) as n_companies,
        corr(outcomes.outcome_score, maturity_scores.score) as correlation,
        regr_slope(outcomes.outcome_score, maturity_scores.score) as slope,
        stddev_samp(maturity_scores.score) as maturity_sd,
        stddev_samp(outcomes.outcome_score) as outcome_sd

    from maturity_scores
    inner join outcomes
        on maturity_scores.company_id = outcomes.company_id
        and maturity_scores.wave = outcomes.wave
    group by all

),

estimable as (

    select
        *,
        (
            n_companies >= {{ var('maturity_min_link_companies') }}
            and maturity_sd > 0
            and outcome_sd > 0
            and abs(correlation) < 1
        ) as is_estimable,
        n_companies - 2.0 as degrees_of_freedom

    from moments

),

intervals as (

    select
        *,
        case
            when is_estimable
                then 0.5 * ln((1 + correlation) / (1 - correlation))
        end as fisher_z,
        case
            when is_estimable
                then {{ z }} / sqrt(n_companies - 3.0)
        end as fisher_half_width,
        case
            when is_estimable
                then sqrt((1 - correlation * correlation) / degrees_of_freedom) * outcome_sd / maturity_sd
        end as slope_std_error,
        case
            when is_estimable
                then {{ z }}
                + {{ c1 }} / degrees_of_freedom
                + {{ c2 }} / (degrees_of_freedom * degrees_of_freedom)
                + {{ c3 }} / (degrees_of_freedom * degrees_of_freedom * degrees_of_freedom)
        end as t_critical

    from estimable

),

final as (

    select
        wave,
        item_group,
        item_id,
        cast(sort_order as integer) as sort_order,
        outcome_group,
        outcome_id,
        cast(n_companies as integer) as n_companies,
        cast(case when is_estimable then correlation end as {{ type_double() }}) as correlation,
        cast(
            (exp(2 * (fisher_z - fisher_half_width)) - 1)
            / (exp(2 * (fisher_z - fisher_half_width)) + 1) as {{ type_double() }}
        ) as correlation_ci_low,
        cast(
            (exp(2 * (fisher_z + fisher_half_width)) - 1)
            / (exp(2 * (fisher_z + fisher_half_width)) + 1) as {{ type_double() }}
        ) as correlation_ci_high,
        cast(case when is_estimable then slope end as {{ type_double() }}) as slope,
        cast(slope_std_error as {{ type_double() }}) as slope_std_error,
        cast(slope - t_critical * slope_std_error as {{ type_double() }}) as slope_ci_low,
        cast(slope + t_critical * slope_std_error as {{ type_double() }}) as slope_ci_high,
        is_estimable,
        coalesce(
            is_estimable and (
                slope - t_critical * slope_std_error > 0
                or slope + t_critical * slope_std_error < 0
            ),
            false
        ) as is_significant,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level

    from intervals

)

select * from final
