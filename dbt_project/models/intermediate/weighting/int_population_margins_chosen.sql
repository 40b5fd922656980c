{#-
    The population margins each sample is raked to: per country × wave the
    latest delivery (the last loaded batch that delivered that country × wave),
    as the quality suite raw_population_margins checks them. A margins file
    delivered again with corrected or updated shares for a wave replaces the
    earlier one as a whole (the shares of each dimension must add up to 1, so
    deliveries are never mixed); the earlier delivery stays in raw.
-#}
with

margins as (

    select * from {{ ref('stg_industry__population_margins') }}

),

deliveries as (

    select
        country,
        wave,
        batch_id,
        max(loaded_at) as loaded_at

    from margins

    group by all

),

latest as (

    select
        country,
        wave,
        batch_id

    from deliveries

    qualify row_number() over (partition by country, wave order by loaded_at desc, batch_id desc) = 1

),

final as (

    select margins.*

    from margins
    inner join latest
        on margins.country = latest.country
        and margins.wave = latest.wave
        and margins.batch_id = latest.batch_id

)

select * from final
