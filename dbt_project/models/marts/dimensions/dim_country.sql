with

countries as (

    select * from {{ ref('countries') }}

),

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

benchmarked as (

    select country from companies
    union
    select country from company_waves

),

company_counts as (

    select
        country,
        count(distinct company_id) as n_companies

    from companies

    group by all

),

wave_counts as (

    select
        country,
        count(distinct wave) as n_waves,
        min(wave) as first_wave,
        max(wave) as latest_wave

    from company_waves

    group by all

),

final as (

    select
        benchmarked.country,
        countries.country_name,
        countries.language,
        cast(coalesce(company_counts.n_companies, 0) as integer) as n_companies,
        cast(coalesce(wave_counts.n_waves, 0) as integer) as n_waves,
        wave_counts.first_wave,
        wave_counts.latest_wave

    from benchmarked
    left join countries
        on benchmarked.country = countries.country
    left join company_counts
        on benchmarked.country = company_counts.country
    left join wave_counts
        on benchmarked.country = wave_counts.country

)

select * from final
