{#-
    The warehouse records its own builds in audit.dbt_builds: one row per dbt
    invocation that runs hooks (build, run, seed, snapshot, test: is_warehouse_run();
    docs generate and source freshness record nothing). The quality
    runner records its checks against the latest data-changing build here, and
    the publish gate refuses a build that failed or never finished, so neither
    reads dbt's target/ folder, which lives outside the warehouse and is
    overwritten by every command.

    on-run-start inserts the row with status 'running'; on-run-end sets the
    finish time, the node counts and 'success' or 'failed'. A build that is
    killed in between stays 'running', which the gate refuses.
    Columns: docs/data-contracts.md, "Audit tables".
-#}

{% macro create_dbt_builds() %}
create schema if not exists audit;
create table if not exists audit.dbt_builds (
    invocation_id varchar primary key,
    command varchar not null,
    selection varchar,
    methodology_version varchar,
    status varchar not null,
    started_at timestamp not null,
    finished_at timestamp,
    n_nodes integer,
    n_succeeded integer,
    n_failed integer,
    n_warned integer,
    n_skipped integer
);
{% endmacro %}


{#- `--select a b --exclude c`, as typed; NULL when the whole project ran. -#}
{% macro dbt_build_selection() %}
    {%- set parts = [] -%}
    {%- for option in ["select", "exclude", "selector"] -%}
        {%- set value = invocation_args_dict.get(option) -%}
        {%- if value -%}
            {%- set words = [value] if value is string else value -%}
            {%- do parts.append("--" ~ option ~ " " ~ words | join(" ")) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- parts | join(" ") -}}
{% endmacro %}


{% macro sql_text_or_null(value) -%}
    {{ "null" if value is none or value == "" else "'" ~ (value | string | replace("'", "''")) ~ "'" }}
{%- endmacro %}


{#-
    On Spark the build is recorded in the DuckDB warehouse it is brought back
    to (cxbench.spark.build, from dbt's run results): a Parquet table has no
    UPDATE for on-run-end, and the gate and the quality runner read DuckDB.
-#}
{% macro start_dbt_build() %}
    {{- return(adapter.dispatch('start_dbt_build', 'cxbench')()) -}}
{% endmacro %}

{% macro spark__start_dbt_build() %}{% endmacro %}

{% macro default__start_dbt_build() %}
    {%- if execute and is_warehouse_run() -%}
        {%- set started_at = run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") -%}
        {%- set statement -%}
            {{ create_dbt_builds() }}
            insert into audit.dbt_builds
                (invocation_id, command, selection, methodology_version, status, started_at)
            values (
                '{{ invocation_id }}',
                {{ sql_text_or_null(flags.WHICH) }},
                {{ sql_text_or_null(dbt_build_selection()) }},
                {{ sql_text_or_null(var("methodology_version", none)) }},
                'running',
                '{{ started_at }}'::timestamp
            )
            on conflict (invocation_id) do nothing;
        {%- endset -%}
        {%- do run_query(statement) -%}
    {%- endif -%}
{% endmacro %}


{% macro finish_dbt_build(results) %}
    {{- return(adapter.dispatch('finish_dbt_build', 'cxbench')(results)) -}}
{% endmacro %}

{% macro spark__finish_dbt_build(results) %}{% endmacro %}

{% macro default__finish_dbt_build(results) %}
    {%- if execute and is_warehouse_run() -%}
        {%- set counts = {"succeeded": 0, "failed": 0, "warned": 0, "skipped": 0} -%}
        {%- for result in results -%}
            {%- set status = result.status | string | lower -%}
            {%- if status in ["error", "fail", "runtime error"] -%}
                {%- do counts.update({"failed": counts.failed + 1}) -%}
            {%- elif status == "warn" -%}
                {%- do counts.update({"warned": counts.warned + 1}) -%}
            {%- elif status == "skipped" -%}
                {%- do counts.update({"skipped": counts.skipped + 1}) -%}
            {%- else -%}
                {%- do counts.update({"succeeded": counts.succeeded + 1}) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set statement -%}
            {{ create_dbt_builds() }}
            update audit.dbt_builds
            set
                finished_at = now() at time zone 'UTC',
                status = '{{ "failed" if counts.failed or counts.skipped else "success" }}',
                n_nodes = {{ results | length }},
                n_succeeded = {{ counts.succeeded }},
                n_failed = {{ counts.failed }},
                n_warned = {{ counts.warned }},
                n_skipped = {{ counts.skipped }}
            where invocation_id = '{{ invocation_id }}';
        {%- endset -%}
        {%- do run_query(statement) -%}
    {%- endif -%}
{% endmacro %}
