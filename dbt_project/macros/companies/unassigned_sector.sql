{#-
    The sector code of a company the survey evaluated but the company list does
    not describe (docs/methodology.md, "Companies without reference data"). Such
    companies are visible in dim_company and dim_sector under this code, count in
    their country's benchmark, and are never ranked in a sector, chosen as a
    sector leader or averaged into a sector benchmark.
-#}
{% macro unassigned_sector() -%}
    'UNASSIGNED'
{%- endmacro %}

{% macro unassigned_sector_name() -%}
    'Unassigned'
{%- endmacro %}
