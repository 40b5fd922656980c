{#-
    A pillar score on the 1–10 agreement scale mapped onto the 0–10 scale of the
    CX index: (score − 1) / 9 × 10, so 1 → 0, 5.5 → 5, 10 → 10. Linear, so the
    weighted sum of transformed pillar means is the transformed weighted mean.
-#}
{% macro cee_scale(score) -%}
    ({{ score }} - 1.0) / 9.0 * 10.0
{%- endmacro %}
