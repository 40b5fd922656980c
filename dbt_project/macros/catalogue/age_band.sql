{#-
    The age band of an age in years, with the bands of the population margins
    (docs/data-contracts.md §1): 18-24, 25-34, 35-44, 45-54, 55-64, 65+.
    NULL for a missing age or one under 18 (outside the adult population the
    margins describe), so such an evaluation is not raked (weight 1).
-#}
{% macro age_band(age_column) %}
    case
        when {{ age_column }} between 18 and 24 then '18-24'
        when {{ age_column }} between 25 and 34 then '25-34'
        when {{ age_column }} between 35 and 44 then '35-44'
        when {{ age_column }} between 45 and 54 then '45-54'
        when {{ age_column }} between 55 and 64 then '55-64'
        when {{ age_column }} >= 65 then '65+'
    end
{%- endmacro %}
