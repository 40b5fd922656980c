{#-
    The company list with history: every delivered row of a company holds from
    its valid_from_wave (NULL: from the first wave) until the next delivery of
    the same company (valid_to_wave, exclusive; NULL while it is the latest).
    A yearly list thus adds a version per company instead of colliding with the
    first; a renamed brand, a sector move or new revenue is a new version, and
    the waves before it keep the old one. A version with merged_into_company_id
    says the brand is absorbed into that company over its validity: its
    evaluations then count as that company's (int_company_channels_summed).
    Read by the scoring models, so it must not depend on them (the surveyed
    companies are added in int_company_versions_assigned).
-#}
with

companies as (

    select * from {{ ref('stg_industry__companies') }}

),

dated as (

    select
        company_id,
        valid_from_wave,
        lead(valid_from_wave) over (
            partition by company_id order by valid_from_wave asc nulls first
        ) as valid_to_wave,
        sector_code,
        company_name,
        parent_name,
        country,
        revenue,
        employees,
        merged_into_company_id,
        batch_id

    from companies

),

final as (

    select * from dated

)

select * from final
