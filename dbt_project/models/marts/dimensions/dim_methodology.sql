{#-
    The methodology parameters (dbt_project.yml vars) the marts were built
    with, one row per parameter, values as JSON text: the record that lets a
    published number be traced to its method, next to methodology_version on
    every mart row.
-#}
{%- set parameters = [
    ("min_base", "Evaluations a company needs in a country × wave to be eligible (ranked)."),
    ("min_answered_share", "Share of a pillar's statements that must be answered for a pillar score."),
    ("confidence_level", "Two-sided confidence level of intervals and significance flags."),
    ("weighting_dimensions", "Dimensions each country × wave sample is raked on."),
    ("weight_trim_min", "Lower trim bound of raking weights (mean weight 1)."),
    ("weight_trim_max", "Upper trim bound of raking weights (mean weight 1)."),
    ("raking_max_iterations", "Maximum outer raking iterations (sweep, normalise, trim)."),
    ("raking_tolerance", "Raking stops when no weight moves more than this."),
    ("min_importance_cases", "Complete cases needed to estimate pillar importance."),
    ("cee_weights", "CX index weighting: driver, equal or fixed weights per pillar."),
    ("min_aggregate_companies", "Eligible companies a sector or country aggregate needs."),
    ("max_company_share", "Largest weight one company may have in an aggregate (1/k, or its revenue share)."),
    ("p_percent", "p%-rule: revenue beyond the two largest at least this % of the largest."),
    ("min_peer_companies", "Eligible companies a sector needs for a client to see its peers one by one."),
    ("min_channel_base", "Evaluations a channel score needs to be reportable."),
] -%}

with

parameters as (

    {% for name, description in parameters -%}
    select
        '{{ name }}' as parameter_name,
        '{{ tojson(var(name)) | replace("'", "''") }}' as parameter_value,
        '{{ description | replace("'", "''") }}' as description
    {% if not loop.last -%}
    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select
        parameter_name,
        parameter_value,
        description,
        '{{ var("methodology_version") }}' as methodology_version

    from parameters

)

select * from final
