{#-
    One sector leader per study × sector × country × wave, chosen once for the leader
    gaps and the maturity priorities: the first-ranked eligible company of the
    sector (rank_in_sector = 1); among tied leaders the lowest company_id, so
    that every mart compares with the same company.
-#}
with

company_waves as (

    select * from {{ ref('int_company_waves_ranked') }}

),

final as (

    select
        study_id,
        sector_code,
        country,
        wave,
        min(company_id) as leader_company_id,
        cast(count(*) as integer) as n_tied_leaders

    from company_waves

    where is_sector_leader

    group by all

)

select * from final
