{#-
    Channel consistency (docs/methodology.md): each company's weighted pillar scores
    per contact channel, and the spread across its channels (highest minus
    lowest channel mean among channels with at least min_channel_base
    evaluations) — a company that is personal in the store and cold in the app
    shows a large spread.
-#}
{%- set z_critical = normal_quantile(var('confidence_level')) -%}

with

channel_sums as (

    select * from {{ ref('int_company_channels_summed') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

pillar_list as (

    {{ pillar_rows() }}

),

measured as (

    select * from {{ ref('int_survey_samples_measured') }}

    where is_measured

),

unpivoted as (

    select
        channel_sums.study_id,
        channel_sums.company_id,
        channel_sums.country,
        channel_sums.wave,
        channel_sums.channel,
        pillar_list.pillar_id,
        {{ unpivot_pillar_columns('channel_sums', ['n', 'sum_w', 'sum_w2', 'sum_wx', 'sum_wx2']) }}

    from channel_sums
    cross join pillar_list
    {#- only the pillars the study measures have channel scores #}
    inner join measured
        on channel_sums.study_id = measured.study_id
        and channel_sums.country = measured.country
        and channel_sums.wave = measured.wave
        and pillar_list.pillar_id = measured.pillar_id

),

estimated as (

    select
        study_id,
        company_id,
        country,
        wave,
        channel,
        pillar_id,
        n as n_evaluations,
        {#- clamped to the 1–10 scale: Σw·x / Σw of a company whose every answer is 10
            can come out at 10.000000000000002 when the sums are added in another order #}
        case when sum_w > 0 then least(greatest(sum_wx / sum_w, 1.0), 10.0) end as mean_score,
        {{ weighted_std_error('sum_w', 'sum_w2', 'sum_wx', 'sum_wx2') }} as std_error,
        {{ effective_n('sum_w', 'sum_w2') }} as effective_n,
        coalesce(n, 0) >= {{ var('min_channel_base') }} as is_reportable

    from unpivoted

),

spread as (

    select
        study_id,
        company_id,
        country,
        wave,
        pillar_id,
        count(*) as n_reportable_channels,
        max(mean_score) - min(mean_score) as channel_spread

    from estimated

    where is_reportable
        and mean_score is not null

    group by all

),

final as (

    select
        estimated.study_id,
        estimated.company_id,
        estimated.country,
        estimated.wave,
        estimated.channel,
        estimated.pillar_id,
        estimated.n_evaluations,
        estimated.mean_score,
        estimated.std_error,
        estimated.mean_score - {{ z_critical }} * estimated.std_error as ci_low,
        estimated.mean_score + {{ z_critical }} * estimated.std_error as ci_high,
        estimated.effective_n,
        cast(coalesce(spread.n_reportable_channels, 0) as integer) as n_reportable_channels,
        case when spread.n_reportable_channels >= 2 then spread.channel_spread end as channel_spread,
        estimated.is_reportable,
        company_waves.is_eligible,
        cast({{ var('min_channel_base') }} as integer) as min_channel_base,
        '{{ var("methodology_version") }}' as methodology_version

    from estimated
    inner join company_waves
        on estimated.study_id = company_waves.study_id
        and estimated.company_id = company_waves.company_id
        and estimated.country = company_waves.country
        and estimated.wave = company_waves.wave
    left join spread
        on estimated.study_id = spread.study_id
        and estimated.company_id = spread.company_id
        and estimated.country = spread.country
        and estimated.wave = spread.wave
        and estimated.pillar_id = spread.pillar_id

)

select * from final
