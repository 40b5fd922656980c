{#-
    Standard error of the difference of two estimates from independent samples
    (two waves, or two companies): sqrt(se₁² + se₂²). NULL when either is.
-#}
{% macro difference_std_error(std_error, other_std_error) -%}
    sqrt({{ std_error }} * {{ std_error }} + {{ other_std_error }} * {{ other_std_error }})
{%- endmacro %}
