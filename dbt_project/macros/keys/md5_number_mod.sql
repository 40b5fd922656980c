{#-
    DuckDB's md5_number(text) % n: the MD5 digest read as a little-endian
    128-bit unsigned number, modulo n (importance replicate groups). Spark has no
    128-bit integers, so there it adds up the digest's bytes times 256^i mod n
    (computed here), which is the same number mod n.
-#}
{% macro md5_number_mod(text, n) -%}
    {{- return(adapter.dispatch('md5_number_mod', 'cxbench')(text, n)) -}}
{%- endmacro %}

{% macro default__md5_number_mod(text, n) -%}
    md5_number({{ text }}) % {{ n }}
{%- endmacro %}

{% macro spark__md5_number_mod(text, n) -%}
    {%- set n = n | int -%}
    {%- set terms = [] -%}
    {%- for i in range(16) -%}
        {%- set factor = (256 ** i) % n -%}
        {%- if factor -%}
            {%- do terms.append(
                "cast(conv(substr(md5(" ~ text ~ "), " ~ (2 * i + 1) ~ ", 2), 16, 10) as bigint) * "
                ~ factor
            ) -%}
        {%- endif -%}
    {%- endfor -%}
    ({{ terms | join(" + ") if terms else "0" }}) % {{ n }}
{%- endmacro %}
