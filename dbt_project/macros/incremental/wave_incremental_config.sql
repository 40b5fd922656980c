{#-
    The config of the model summed incrementally by wave (int_company_cells_summed):
    `{{ config(**wave_incremental_config()) }}`.

    DuckDB: incremental, delete+insert by wave (macro waves_to_rebuild picks the
    waves), and a post-hook that removes the rows of waves left without an
    active batch. Spark: a table, rebuilt whole on every build. dbt-spark has no
    delete+insert, and a Parquet table takes no DELETE for the post-hook; a
    local Spark build starts from an empty catalogue anyway (cxbench.spark), and
    on a cluster insert_overwrite by a wave partition would be the equivalent.
-#}
{% macro wave_incremental_config() -%}
    {{- return(adapter.dispatch('wave_incremental_config', 'cxbench')()) -}}
{%- endmacro %}

{% macro default__wave_incremental_config() -%}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "delete+insert",
        "unique_key": "wave",
        "on_schema_change": "sync_all_columns",
        "post_hook": "delete from {{ this }} where wave not in (select fingerprints.wave from {{ ref('int_survey_waves_fingerprinted') }} as fingerprints)",
    }) -}}
{%- endmacro %}

{% macro spark__wave_incremental_config() -%}
    {{- return({"materialized": "table"}) -}}
{%- endmacro %}
