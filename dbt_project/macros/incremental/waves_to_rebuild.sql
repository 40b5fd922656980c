{#-
    The predicate an incremental model puts on its evaluations: the waves whose
    inputs key (int_survey_waves_fingerprinted) differs from the key stored on
    the model's own rows. A literal list, not a subquery, so DuckDB can skip
    the row groups of other waves by their min/max statistics instead of
    reading every evaluation and joining.

    A wave's rows also carry the checksum of the model's SQL file
    (macro sums_checksum) they were summed with: after the model itself
    changed (new sums, another formula), every wave is summed again rather
    than mixing old rows with new — a change in a macro it calls is not seen,
    and needs --full-refresh or a new methodology_version.

    Not incremental (first build, --full-refresh) or a target without the
    inputs_key or sums_checksum column (built before them): every wave.
-#}
{% macro waves_to_rebuild(fingerprints) -%}
    {%- if not is_incremental() or not execute -%}
        1 = 1
    {%- else -%}
        {%- set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | list -%}
        {%- if 'inputs_key' not in existing or 'sums_checksum' not in existing -%}
            1 = 1
        {%- else -%}
            {%- set query -%}
                select fingerprints.wave
                from {{ fingerprints }} as fingerprints
                left join (select distinct wave, inputs_key, sums_checksum from {{ this }}) as built
                    on fingerprints.wave = built.wave
                    and fingerprints.inputs_key = built.inputs_key
                    and built.sums_checksum = '{{ sums_checksum() }}'
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


{#- The checksum of the current model's SQL file, stored on its rows. -#}
{% macro sums_checksum() -%}
    {{ model.checksum.checksum }}
{%- endmacro %}
