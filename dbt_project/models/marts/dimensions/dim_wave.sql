with

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

waves as (

    select
        wave,
        count(distinct country) as n_countries,
        count(*) as n_companies,
        sum(n_evaluations) as n_evaluations

    from company_waves

    group by all

),

final as (

    select
        wave,
        lag(wave) over (order by wave) as previous_wave,
        cast(n_countries as integer) as n_countries,
        cast(n_companies as integer) as n_companies,
        cast(n_evaluations as bigint) as n_evaluations,
        wave = max(wave) over () as is_latest_wave

    from waves

)

select * from final
