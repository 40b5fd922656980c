{#-
    The predicate an incremental model puts on its evaluations: the waves whose
    inputs key (int_survey_waves_fingerprinted) differs from the key stored on
    the model's own rows. A literal list, not a subquery, so DuckDB can skip
    the row groups of other waves by their min/max statistics instead of
    reading every evaluation and joining.

    Not incremental (first build, --full-refresh) or a target without the
    inputs_key column (built before incrementality): every wave.
-#}
{% macro waves_to_rebuild(fingerprints) -%}
    {%- if not is_incremental() or not execute -%}
        1 = 1
    {%- else -%}
        {%- set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | list -%}
        {%- if 'inputs_key' not in existing -%}
            1 = 1
        {%- else -%}
            {%- set query -%}
                select fingerprints.wave
                from {{ fingerprints }} as fingerprints
                left join (select distinct wave, inputs_key from {{ this }}) as built
                    on fingerprints.wave = built.wave
                    and fingerprints.inputs_key = built.inputs_key
                where built.wave is null
                order by fingerprints.wave
            {%- endset -%}
            {%- set waves = run_query(query).columns[0].values() | list -%}
            {%- if waves | length == 0 -%}
                1 = 0
            {%- else -%}
                wave in ({{ waves | join(', ') }})
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
