{#-
    The two ends of estimate ± z × standard error, clipped to the measure's range
    [lowest, highest], as the columns <name>_ci_low and <name>_ci_high. NULL when
    the standard error is NULL (no answers): greatest() and least() skip NULLs,
    so clipping alone would turn "no answers" into the whole range.
-#}
{% macro clipped_interval(name, estimate, std_error, z, lowest, highest) -%}
    case
        when {{ std_error }} is not null
            then greatest({{ estimate }} - {{ z }} * {{ std_error }}, {{ lowest }})
    end as {{ name }}_ci_low,
    case
        when {{ std_error }} is not null
            then least({{ estimate }} + {{ z }} * {{ std_error }}, {{ highest }})
    end as {{ name }}_ci_high
{%- endmacro %}
