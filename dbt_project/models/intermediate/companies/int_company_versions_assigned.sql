{#-
    Every company the warehouse knows, one row per company × validity range:
    the dated company list (int_company_listings_dated), plus every company the
    survey evaluated in waves the list does not describe (a study loaded without
    a companies file, a brand missing from it, or one first listed from a later
    wave than it was evaluated in). The latter get the unassigned sector, their
    id as name and, as their country, the country of their earliest wave
    (alphabetically first among that wave's countries), so that the marts keep
    them visible instead of failing on a NULL sector; the test
    assert_surveyed_companies_have_reference_data warns about each one. A
    company may be evaluated in several countries (one organisation, several
    national panels): it is still one company, scored in each country, and
    every version carries the countries it was evaluated in. Facts join the
    version valid in their wave (macro valid_in_wave); is_current marks each
    company's latest version. The evaluated companies come from the company ×
    wave sums, a few rows per company, not from a scan of the evaluations.
-#}
with

listings as (

    select * from {{ ref('int_company_listings_dated') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

surveyed as (

    select
        company_id,
        cast(count(distinct country) as integer) as n_countries_surveyed,
        {{ string_agg_distinct('country', "','") }} as countries_surveyed

    from company_waves

    group by all

),

first_surveyed as (

    select
        company_id,
        wave,
        country

    from company_waves

    qualify row_number() over (partition by company_id order by wave, country) = 1

),

first_listed as (

    select
        company_id,
        min(coalesce(valid_from_wave, -1)) as first_valid_from_wave

    from listings

    group by all

),

{# surveyed before (or without) any listing: unassigned until the first listing #}
unlisted as (

    select
        first_surveyed.company_id,
        first_surveyed.country,
        nullif(first_listed.first_valid_from_wave, -1) as valid_to_wave

    from first_surveyed
    left join first_listed
        on first_surveyed.company_id = first_listed.company_id

    where first_listed.company_id is null
        or first_surveyed.wave < first_listed.first_valid_from_wave

),

listed as (

    select
        company_id,
        valid_from_wave,
        valid_to_wave,
        sector_code,
        company_name,
        parent_name,
        country,
        revenue,
        employees,
        merged_into_company_id,
        true as has_reference_data

    from listings

),

assigned as (

    select
        company_id,
        cast(null as integer) as valid_from_wave,
        valid_to_wave,
        {{ unassigned_sector() }} as sector_code,
        company_id as company_name,
        cast(null as {{ dbt.type_string() }}) as parent_name,
        country,
        cast(null as {{ type_double() }}) as revenue,
        cast(null as integer) as employees,
        cast(null as {{ dbt.type_string() }}) as merged_into_company_id,
        false as has_reference_data

    from unlisted

),

all_versions as (

    select * from listed
    union all
    select * from assigned

),

final as (

    select
        all_versions.company_id,
        all_versions.valid_from_wave,
        all_versions.valid_to_wave,
        all_versions.valid_to_wave is null as is_current,
        all_versions.sector_code,
        all_versions.company_name,
        all_versions.parent_name,
        all_versions.country,
        all_versions.revenue,
        all_versions.employees,
        all_versions.merged_into_company_id,
        all_versions.has_reference_data,
        coalesce(surveyed.n_countries_surveyed, 0) as n_countries_surveyed,
        surveyed.countries_surveyed

    from all_versions
    left join surveyed
        on all_versions.company_id = surveyed.company_id

)

select * from final
