{#-
    True for the dbt commands whose on-run hooks act on the warehouse: build, run,
    seed, snapshot and test (audit.dbt_builds records them; a build drops retired
    marts). Every other command only reads — docs generate and compile render the
    hooks, source freshness runs them — and may run on the read-only target
    (profiles.yml), so the hooks do nothing there.
-#}
{% macro is_warehouse_run() -%}
    {{- return(flags.WHICH in ["build", "run", "seed", "snapshot", "test"]) -}}
{%- endmacro %}
