{#-
    A stable hash key of the given columns: md5 of their string values joined
    by '-', with NULL written as '_null_' so that (NULL, 'a') and ('a', NULL)
    differ. Same recipe as dbt_utils.generate_surrogate_key (Hub packages are
    not available here), built on dbt's cross-database macros.
-#}
{% macro surrogate_key(columns) %}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append(
            "coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), '_null_')"
        ) -%}
        {%- if not loop.last -%}
            {%- do parts.append("'-'") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(dbt.hash(dbt.concat(parts)) | trim) }}
{% endmacro %}
