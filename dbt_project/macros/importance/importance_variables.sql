{#-
    The eight variables of the pillar-importance regressions, as (name, column)
    pairs: the six pillar scores of an evaluation, then the two outcomes (nps
    for advocacy, loyalty). One list, so the unweighted cell sums and the
    weighted moments built from them cannot disagree on a name.
-#}
{% macro importance_variables() %}
    {%- set variables = [] -%}
    {%- for pillar_id in pillar_statements() -%}
        {%- do variables.append((pillar_id, pillar_id ~ "_score")) -%}
    {%- endfor -%}
    {%- do variables.extend([("nps", "nps"), ("loyalty", "loyalty")]) -%}
    {{- return(variables) -}}
{% endmacro %}
