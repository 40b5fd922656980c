{#-
    Every version of every company: what the company list said about it from
    one wave to the next (renames, sector moves, new revenue, mergers). Joined
    to a fact on company_id and valid_from_wave <= wave < valid_to_wave (NULL
    bounds open) it gives the company as it was in that wave; dim_company holds
    the current version.
-#}
with

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

sectors as (

    select * from {{ ref('int_sector_listings_dated') }}

    where is_current

),

joined as (

    select
        companies.company_id,
        companies.valid_from_wave,
        companies.valid_to_wave,
        companies.is_current,
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
        companies.merged_into_company_id,
        companies.has_reference_data

    from companies
    left join sectors
        on companies.sector_code = sectors.sector_code

),

final as (

    select * from joined

)

select * from final
