{#-
    The predicate an incremental model puts on its evaluations: the waves whose
    inputs key (int_survey_waves_fingerprinted) differs from the key stored on
    the model's own rows. A literal list, not a subquery, so DuckDB can skip
    the row groups of other waves by their min/max statistics instead of
    reading every evaluation and joining.

    A wave's rows also carry the checksum of the SQL they were summed with
    (macro sums_checksum: the model's file and the files of the views it reads,
    through to the tables below them): after the model or one of those views
    changed (new sums, another scoring rule), every wave is summed again rather
    than mixing old rows with new — a change in a macro they call is not seen,
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


{#- The checksum of the current model's SQL and of the views it reads, stored on its rows. -#}
{% macro sums_checksum() -%}
    {%- set checksums = [model.checksum.checksum] -%}
    {%- do _view_checksums(model.depends_on.nodes, checksums) -%}
    {{ local_md5(checksums | join('|')) }}
{%- endmacro %}


{#- Appends the checksum of every view among node_ids and, recursively, its parents. -#}
{% macro _view_checksums(node_ids, checksums) -%}
    {%- for node_id in node_ids -%}
        {%- set node = graph.nodes.get(node_id) -%}
        {%- if node and node.resource_type == 'model' and node.config.materialized == 'view' -%}
            {%- do checksums.append(node_id ~ ':' ~ node.checksum.checksum) -%}
            {%- do _view_checksums(node.depends_on.nodes, checksums) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}
