{#-
    Every pair of the importance variables, each once and with itself, as
    (name, product) — "personalisation__nps", "personalisation_score * nps":
    the cross products whose sums make the 8 × 8 moment matrix.
-#}
{% macro importance_pairs() %}
    {%- set variables = importance_variables() -%}
    {%- set pairs = [] -%}
    {%- for name, column in variables -%}
        {%- set position = loop.index0 -%}
        {%- for other_name, other_column in variables[position:] -%}
            {%- do pairs.append((name ~ "__" ~ other_name, column ~ " * " ~ other_column)) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{- return(pairs) -}}
{% endmacro %}
