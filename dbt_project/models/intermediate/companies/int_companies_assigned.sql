{#-
    Every company the warehouse knows: the company list, plus every company the
    survey evaluated that the list does not describe (a study loaded without a
    companies file, or a brand missing from it). The latter get the unassigned
    sector, their id as name and the first country they were evaluated in, so
    that the marts keep them visible instead of failing on a NULL sector; the
    test assert_surveyed_companies_have_reference_data warns about each one.
    The evaluated companies come from the company × wave sums, a few rows per
    company, not from a scan of the evaluations.
-#}
with

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

unlisted as (

    select
        company_waves.company_id,
        min(company_waves.country) as country

    from company_waves
    left join companies
        on company_waves.company_id = companies.company_id

    where companies.company_id is null

    group by all

),

listed as (

    select
        company_id,
        sector_code,
        company_name,
        parent_name,
        country,
        revenue,
        employees,
        true as has_reference_data

    from companies

),

assigned as (

    select
        company_id,
        {{ unassigned_sector() }} as sector_code,
        company_id as company_name,
        cast(null as varchar) as parent_name,
        country,
        cast(null as {{ type_double() }}) as revenue,
        cast(null as integer) as employees,
        false as has_reference_data

    from unlisted

),

final as (

    select * from listed
    union all
    select * from assigned

)

select * from final
