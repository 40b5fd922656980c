{#-
    The reason written where an average is withheld by complementary suppression
    (complementary_suppression): it would not give anything away itself, but with
    the national average it would let a withheld one be derived by difference.
-#}
{% macro complementary_reason() -%}
    'complementary: withheld so that a suppressed average cannot be derived by difference'
{%- endmacro %}
