{#-
    CX index and ranks per company × wave (methodology 0.1.x): the CX index is
    the equal-weight mean of the six pillar means; importance weights
    (DESIGN.md §5, var `driver`) replace the equal weights in a later version.
-#}
{%- set n_pillars = pillar_statements() | length -%}

with

company_pillar_scores as (

    select * from {{ ref('fct_company_pillar_scores') }}

),

company_waves as (

    select * from {{ ref('int_company_waves_counted') }}

),

companies as (

    select * from {{ ref('dim_company') }}

),

indexed as (

    select
        company_id,
        country,
        wave,
        case
            when count(mean_score) = {{ n_pillars }}
                then avg(mean_score)
        end as cx_index

    from company_pillar_scores

    group by all

),

joined as (

    select
        company_waves.company_id,
        company_waves.country,
        company_waves.wave,
        companies.sector_code,
        company_waves.n_evaluations,
        indexed.cx_index,
        company_waves.is_eligible

    from company_waves
    left join indexed
        on company_waves.company_id = indexed.company_id
        and company_waves.country = indexed.country
        and company_waves.wave = indexed.wave
    left join companies
        on company_waves.company_id = companies.company_id

),

ranked as (

    select
        company_id,
        country,
        wave,
        rank() over (
            partition by country, wave
            order by cx_index desc
        ) as rank_in_country,
        rank() over (
            partition by country, wave, sector_code
            order by cx_index desc
        ) as rank_in_sector

    from joined

    where is_eligible
        and cx_index is not null

),

final as (

    select
        joined.company_id,
        joined.country,
        joined.wave,
        joined.sector_code,
        joined.n_evaluations,
        joined.cx_index,
        joined.is_eligible,
        cast(ranked.rank_in_country as integer) as rank_in_country,
        cast(ranked.rank_in_sector as integer) as rank_in_sector,
        coalesce(ranked.rank_in_sector = 1, false) as is_sector_leader,
        '{{ var("methodology_version") }}' as methodology_version

    from joined
    left join ranked
        on joined.company_id = ranked.company_id
        and joined.country = ranked.country
        and joined.wave = ranked.wave

)

select * from final
