{#-
    The configured CEE weighting (var cee_weights) as a small dict:
    {"method": "driver" | "equal" | "fixed", "weights": {pillar_id: share}}.
    Fixed weights are checked (every pillar, none negative, positive sum) and
    normalised to sum 1 at compile time; a bad configuration is a compile error.
-#}
{% macro cee_weighting() %}
    {%- set configured = var('cee_weights') -%}
    {%- set pillar_ids = pillar_statements().keys() | list -%}
    {%- if configured is mapping -%}
        {%- set unknown = configured.keys() | reject('in', pillar_ids) | list -%}
        {%- set missing = pillar_ids | reject('in', configured.keys() | list) | list -%}
        {%- if unknown or missing -%}
            {{ exceptions.raise_compiler_error(
                "cee_weights: unknown pillars " ~ unknown ~ ", missing pillars " ~ missing
            ) }}
        {%- endif -%}
        {%- set ns = namespace(total=0.0) -%}
        {%- for pillar_id in pillar_ids -%}
            {%- if (configured[pillar_id] | float) < 0 -%}
                {{ exceptions.raise_compiler_error("cee_weights: negative weight for " ~ pillar_id) }}
            {%- endif -%}
            {%- set ns.total = ns.total + (configured[pillar_id] | float) -%}
        {%- endfor -%}
        {%- if ns.total <= 0 -%}
            {{ exceptions.raise_compiler_error("cee_weights: the weights must have a positive sum") }}
        {%- endif -%}
        {%- set weights = {} -%}
        {%- for pillar_id in pillar_ids -%}
            {%- do weights.update({pillar_id: (configured[pillar_id] | float) / ns.total}) -%}
        {%- endfor -%}
        {{ return({"method": "fixed", "weights": weights}) }}
    {%- elif configured in ["driver", "equal"] -%}
        {%- set weights = {} -%}
        {%- for pillar_id in pillar_ids -%}
            {%- do weights.update({pillar_id: 1.0 / (pillar_ids | length)}) -%}
        {%- endfor -%}
        {{ return({"method": configured, "weights": weights}) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "cee_weights must be driver, equal or a mapping pillar_id -> weight; got " ~ configured
        ) }}
    {%- endif -%}
{% endmacro %}
