{#-
    True where the whole of `text` matches the regular expression `pattern` (a
    pattern without quotes). DuckDB has regexp_full_match; Spark's rlike finds
    the pattern anywhere, so there it is anchored at both ends.
-#}
{% macro regexp_full_match(text, pattern) -%}
    {{- return(adapter.dispatch('regexp_full_match', 'cxbench')(text, pattern)) -}}
{%- endmacro %}

{% macro default__regexp_full_match(text, pattern) -%}
    regexp_full_match({{ text }}, {{ quoted_text(pattern) }})
{%- endmacro %}

{% macro spark__regexp_full_match(text, pattern) -%}
    ({{ text }} rlike {{ quoted_text("^(?:" ~ pattern ~ ")$") }})
{%- endmacro %}
