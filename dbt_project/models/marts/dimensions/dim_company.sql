with

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

sectors as (

    select * from {{ ref('stg_industry__sectors') }}

),

joined as (

    select
        companies.company_id,
        companies.company_name,
        companies.parent_name,
        companies.sector_code,
        sectors.sector_name,
        companies.country,
        companies.revenue,
        companies.employees

    from companies
    left join sectors
        on companies.sector_code = sectors.sector_code

),

final as (

    select * from joined

)

select * from final
