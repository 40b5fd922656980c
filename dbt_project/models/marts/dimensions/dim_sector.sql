with

sectors as (

    select * from {{ ref('stg_industry__sectors') }}

),

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

company_counts as (

    select
        sector_code,
        count(*) as n_companies

    from companies

    group by all

),

final as (

    select
        sectors.sector_code,
        sectors.sector_name,
        sectors.nace_division,
        cast(coalesce(company_counts.n_companies, 0) as integer) as n_companies

    from sectors
    left join company_counts
        on sectors.sector_code = company_counts.sector_code

)

select * from final
