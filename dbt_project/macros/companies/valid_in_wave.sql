{#-
    True when a dated row (company listing, company version) holds for `wave`:
    valid_from_wave <= wave < valid_to_wave, a NULL bound being open (from the
    first wave, or still current). Reference data is joined to facts through
    this, so each wave's facts use that wave's sector, name and revenue
    (docs/data-contracts.md, "Reference data that changes").
-#}
{% macro valid_in_wave(dated, wave) -%}
    coalesce({{ dated }}.valid_from_wave <= {{ wave }}, true)
    and coalesce({{ wave }} < {{ dated }}.valid_to_wave, true)
{%- endmacro %}
