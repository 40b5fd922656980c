with

sectors as (

    select * from {{ ref('int_sector_listings_dated') }}

    where is_current

),

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

    where is_current

),

company_counts as (

    select
        sector_code,
        count(*) as n_companies

    from companies

    group by all

),

{# the unassigned sector is listed only while some company is in it #}
listed_sectors as (

    select
        sector_code,
        sector_name,
        nace_division

    from sectors

    union all

    select
        {{ unassigned_sector() }} as sector_code,
        {{ unassigned_sector_name() }} as sector_name,
        cast(null as {{ dbt.type_string() }}) as nace_division

    from company_counts

    where sector_code = {{ unassigned_sector() }}

),

final as (

    select
        listed_sectors.sector_code,
        listed_sectors.sector_name,
        listed_sectors.nace_division,
        cast(coalesce(company_counts.n_companies, 0) as integer) as n_companies

    from listed_sectors
    left join company_counts
        on listed_sectors.sector_code = company_counts.sector_code

)

select * from final
