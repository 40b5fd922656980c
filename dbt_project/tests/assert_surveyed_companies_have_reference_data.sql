{#-
    Every company evaluated in the survey is described in the company list:
    returns one row per company that is not (a study loaded without a companies
    file, or a brand missing from it), with the countries and evaluations it has.
    A warning, not an error: such a company builds in the unassigned sector
    (int_company_versions_assigned), visible in dim_company and its country's
    benchmark, but it is never ranked in a sector or averaged into a sector
    benchmark until a companies file gives it one. `cxbench check` names the
    companies again (suite company_reference).
-#}
{{ config(severity='warn') }}

with

companies as (

    select * from {{ ref('int_company_versions_assigned') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_summed') }}

),

unlisted as (

    select
        companies.company_id,
        {{ string_agg_distinct('company_waves.country', "', '") }} as countries,
        sum(company_waves.n_evaluations) as n_evaluations

    from companies
    inner join company_waves
        on companies.company_id = company_waves.company_id
        and {{ valid_in_wave('companies', 'company_waves.wave') }}

    where not companies.has_reference_data

    group by all

),

final as (

    select * from unlisted

)

select * from final
