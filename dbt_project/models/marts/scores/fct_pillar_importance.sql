{#-
    Pillar importance per study × country × wave (docs/methodology.md): Johnson's
    relative weights of the pillars the study measures for advocacy (nps) and loyalty side by side,
    their combined importance (mean of the two shares, the CEE's driver
    weights) and the R² of each regression.
-#}
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
        max(case when outcome = 'loyalty' then raw_weight end) as loyalty_raw_weight,
        max(case when outcome = 'loyalty' then share end) as loyalty_share,
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
        (nps_share + loyalty_share) / 2 as importance

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
        cast(importance_rank as integer) as importance_rank,
        nps_raw_weight,
        nps_share,
        loyalty_raw_weight,
        loyalty_share,
        nps_r2,
        loyalty_r2,
        n_complete_cases,
        effective_n,
        is_estimated,
        estimation_note,
        'johnson' as importance_method,
        '{{ var("methodology_version") }}' as methodology_version

    from ranked

)

select * from final
