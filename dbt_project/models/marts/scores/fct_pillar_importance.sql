{#-
    Pillar importance per study × country × wave (docs/methodology.md): Johnson's
    relative weights of the pillars the study measures for advocacy (nps) and loyalty side by side,
    their combined importance (mean of the two shares, the CEE's driver
    weights) and the R² of each regression, each share and the combined
    importance with its delete-a-group jackknife standard error and an interval
    importance ± z·se clipped to [0, 1].
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}
with

importance as (

    select * from {{ ref('int_pillar_importance_estimated') }}

),

pivoted as (

    select
        study_id,
        country,
        wave,
        pillar_id,
        max(case when outcome = 'nps' then raw_weight end) as nps_raw_weight,
        max(case when outcome = 'nps' then share end) as nps_share,
        max(case when outcome = 'nps' then share_std_error end) as nps_share_std_error,
        max(case when outcome = 'loyalty' then raw_weight end) as loyalty_raw_weight,
        max(case when outcome = 'loyalty' then share end) as loyalty_share,
        max(case when outcome = 'loyalty' then share_std_error end) as loyalty_share_std_error,
        max(importance_std_error) as importance_std_error,
        max(replicate_groups) as replicate_groups,
        max(case when outcome = 'nps' then r2 end) as nps_r2,
        max(case when outcome = 'loyalty' then r2 end) as loyalty_r2,
        max(n_complete_cases) as n_complete_cases,
        max(effective_n) as effective_n,
        min(case when is_estimated then 1 else 0 end) = 1 as is_estimated,
        max(estimation_note) as estimation_note

    from importance

    group by all

),

combined as (

    select
        *,
        (nps_share + loyalty_share) / 2 as importance,
        case
            when nps_share is not null and loyalty_share is not null then importance_std_error
        end as combined_std_error

    from pivoted

),

ranked as (

    select
        *,
        case
            when importance is not null
                then rank() over (partition by study_id, country, wave order by importance desc)
        end as importance_rank

    from combined

),

final as (

    select
        study_id,
        country,
        wave,
        pillar_id,
        importance,
        combined_std_error as importance_std_error,
        case
            when combined_std_error is not null
                then greatest(importance - {{ z_critical }} * combined_std_error, 0)
        end as importance_ci_low,
        case
            when combined_std_error is not null
                then least(importance + {{ z_critical }} * combined_std_error, 1)
        end as importance_ci_high,
        cast(importance_rank as integer) as importance_rank,
        nps_raw_weight,
        nps_share,
        nps_share_std_error,
        loyalty_raw_weight,
        loyalty_share,
        loyalty_share_std_error,
        nps_r2,
        loyalty_r2,
        n_complete_cases,
        effective_n,
        is_estimated,
        estimation_note,
        cast(replicate_groups as integer) as replicate_groups,
        cast({{ var('confidence_level') }} as {{ type_double() }}) as confidence_level,
        'johnson' as importance_method,
        '{{ var("methodology_version") }}' as methodology_version

    from ranked

)

select * from final
