with

sectors as (

    select * from {{ ref('dim_sector') }}

),

translations as (

    select * from {{ ref('sector_labels') }}

),

languages as (

    select distinct language from translations

    union

    select 'en' as language  -- noqa: RF04

),

{# English is the sector list's own name: the data owner's word wins over the seed #}
final as (

    select
        sectors.sector_code,
        languages.language,
        case
            when languages.language = 'en' then sectors.sector_name
            else coalesce(translations.sector_label, sectors.sector_name)
        end as sector_label,
        languages.language = 'en'
        or translations.sector_label is not null as is_translated

    from sectors
    cross join languages
    left join translations
        on
        sectors.sector_code = translations.sector_code
        and languages.language = translations.language

)

select * from final
