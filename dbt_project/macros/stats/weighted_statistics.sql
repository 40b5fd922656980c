{#-
    Weighted statistics from running sums, so that sums computed once per
    company × channel can be rolled up to any grain and finished here.
    Arguments are SQL expressions for Σw, Σw², Σw·x and Σw·x².

    - weighted_mean: Σw·x / Σw.
    - effective_n: Kish's effective sample size (Σw)² / Σw².
    - weighted_stddev: square root of the reliability-weights unbiased variance
      (Σw·x² − (Σw·x)² / Σw) / (Σw − Σw² / Σw), i.e. the weighted population
      variance times n_eff / (n_eff − 1). With all weights 1 it is the ordinary
      sample standard deviation; NULL when n_eff ≤ 1.
    - weighted_std_error: weighted_stddev / sqrt(effective_n).
-#}
{% macro weighted_mean(sum_w, sum_wx) -%}
    case when {{ sum_w }} > 0 then {{ sum_wx }} / {{ sum_w }} end
{%- endmacro %}

{% macro effective_n(sum_w, sum_w2) -%}
    case when {{ sum_w2 }} > 0 then {{ sum_w }} * {{ sum_w }} / {{ sum_w2 }} end
{%- endmacro %}

{% macro weighted_stddev(sum_w, sum_w2, sum_wx, sum_wx2) -%}
    case
        when {{ sum_w }} > 0 and {{ sum_w }} - {{ sum_w2 }} / {{ sum_w }} > 1e-12 * {{ sum_w }}
            then sqrt(greatest(
                ({{ sum_wx2 }} - {{ sum_wx }} * {{ sum_wx }} / {{ sum_w }})
                / ({{ sum_w }} - {{ sum_w2 }} / {{ sum_w }}),
                0
            ))
    end
{%- endmacro %}

{% macro weighted_std_error(sum_w, sum_w2, sum_wx, sum_wx2) -%}
    {{ weighted_stddev(sum_w, sum_w2, sum_wx, sum_wx2) }}
    / sqrt({{ effective_n(sum_w, sum_w2) }})
{%- endmacro %}
