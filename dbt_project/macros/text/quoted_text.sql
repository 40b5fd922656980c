{#-
    A SQL string literal holding `text`, with its single quotes doubled: rule
    names of the structure test quote expressions that contain literals.
-#}
{% macro quoted_text(text) %}
    {{- "'" ~ (text | string | replace("'", "''")) ~ "'" -}}
{%- endmacro %}
