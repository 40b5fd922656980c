{#-
    The two-sided standard-normal critical value z for a confidence level,
    e.g. 0.95 -> 1.959963984540054 (the 0.975 quantile), rendered at compile
    time so the SQL stays portable (few engines have an inverse normal CDF).
    Only common levels are listed; any other level is a compile error rather
    than a silently wrong interval.
-#}
{% macro normal_quantile(confidence_level) %}
    {%- set critical_values = {
        "0.8": 1.2815515655446004,
        "0.9": 1.6448536269514722,
        "0.95": 1.959963984540054,
        "0.98": 2.3263478740408408,
        "0.99": 2.5758293035489004,
        "0.995": 2.807033768343811,
        "0.999": 3.2905267314919255,
    } -%}
    {%- set key = (confidence_level | float | string) -%}
    {%- if key not in critical_values -%}
        {{ exceptions.raise_compiler_error(
            "normal_quantile: unsupported confidence_level " ~ confidence_level
            ~ "; supported: " ~ (critical_values.keys() | join(", "))
        ) }}
    {%- endif -%}
    {{ return(critical_values[key]) }}
{% endmacro %}
