{#-
    Weighted standard deviation from running sums Σw, Σw², Σw·x, Σw·x²: the square
    root of the reliability-weights unbiased variance
    (Σw·x² − (Σw·x)² / Σw) / (Σw − Σw² / Σw), i.e. the weighted population variance
    times n_eff / (n_eff − 1). With all weights 1 it is the ordinary sample
    standard deviation. NULL when n_eff ≤ 1; 0 when the scores are all equal
    (the difference of sums is then only rounding noise).
-#}
{% macro weighted_stddev(sum_w, sum_w2, sum_wx, sum_wx2) -%}
    {%- set squares = "(" ~ sum_wx2 ~ " - " ~ sum_wx ~ " * " ~ sum_wx ~ " / " ~ sum_w ~ ")" -%}
    case
        when {{ sum_w }} > 0 and {{ sum_w }} - {{ sum_w2 }} / {{ sum_w }} > 1e-12 * {{ sum_w }}
            then case
                {#- identical scores leave only rounding noise in the difference of sums:
                    call that no spread rather than sqrt(1e-15) #}
                when {{ squares }} <= 1e-12 * {{ sum_wx2 }} then 0.0
                else sqrt({{ squares }} / ({{ sum_w }} - {{ sum_w2 }} / {{ sum_w }}))
            end
    end
{%- endmacro %}
