{#-
    Every company the warehouse knows, one row per company_id: the company list,
    plus every company the survey evaluated that the list does not describe (a
    study loaded without a companies file, or a brand missing from it). The
    latter get the unassigned sector, their id as name and, as their country,
    the country of their earliest wave (alphabetically first among that wave's
    countries), so that the marts keep them visible instead of failing on a NULL
    sector; the test assert_surveyed_companies_have_reference_data warns about
    each one. A company may be evaluated in several countries (one organisation,
    several national panels): it is still one company, scored in each country,
    and every company carries the countries it was evaluated in. The evaluated
    companies come from the company × wave sums, a few rows per company, not
    from a scan of the evaluations.
-#}
with

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

surveyed as (

    select
        company_id,
        cast(count(distinct country) as integer) as n_countries_surveyed,
        string_agg(distinct country, ',' order by country) as countries_surveyed

    from company_waves

    group by all

),

first_surveyed as (

    select
        company_id,
        country

    from company_waves

    qualify row_number() over (partition by company_id order by wave, country) = 1

),

unlisted as (

    select
        first_surveyed.company_id,
        first_surveyed.country

    from first_surveyed
    left join companies
        on first_surveyed.company_id = companies.company_id

    where companies.company_id is null

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

all_companies as (

    select * from listed
    union all
    select * from assigned

),

final as (

    select
        all_companies.company_id,
        all_companies.sector_code,
        all_companies.company_name,
        all_companies.parent_name,
        all_companies.country,
        all_companies.revenue,
        all_companies.employees,
        all_companies.has_reference_data,
        coalesce(surveyed.n_countries_surveyed, 0) as n_countries_surveyed,
        surveyed.countries_surveyed

    from all_companies
    left join surveyed
        on all_companies.company_id = surveyed.company_id

)

select * from final
