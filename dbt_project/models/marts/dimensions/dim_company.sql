with

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

    where is_current

),

sectors as (

    select * from {{ ref('int_sector_listings_dated') }}

    where is_current

),

joined as (

    select
        companies.company_id,
        companies.company_name,
        companies.parent_name,
        companies.sector_code,
        case
            when companies.sector_code = {{ unassigned_sector() }} then {{ unassigned_sector_name() }}
            else sectors.sector_name
        end as sector_name,
        companies.country,
        companies.revenue,
        companies.employees,
        companies.has_reference_data,
        companies.n_countries_surveyed,
        companies.countries_surveyed

    from companies
    left join sectors
        on companies.sector_code = sectors.sector_code

),

final as (

    select * from joined

)

select * from final
