{#-
    The hashes of `key_columns` that occur on more than one row of `model`:
    the candidates of a key check (the structure test then groups only the
    candidate rows by the columns themselves, so a hash collision alone never
    fails). The raw evaluations hold a row per evaluation, so this is the one
    rule of the build that touches every key of every wave; its cost decides
    how far one machine goes (docs/benchmarks.md, "Scaling envelope").

    DuckDB sorts the hashes and compares neighbours: at 100M evaluations a
    third of the time and two thirds of the memory of grouping by the hash (a
    hash table with a slot per distinct key), and a sort spills to disk when it
    must. Spark groups: a window over the whole table runs in one task there,
    while a grouping is spread over the cluster.
-#}
{% macro repeated_key_hashes(model, key_columns) -%}
    {{- return(adapter.dispatch('repeated_key_hashes', 'cxbench')(model, key_columns)) -}}
{%- endmacro %}

{% macro default__repeated_key_hashes(model, key_columns) -%}
    select key_hash
    from (
        select key_hash, lead(key_hash) over (order by key_hash) as next_hash
        from (select hash({{ key_columns | join(", ") }}) as key_hash from {{ model }})
    )
    where key_hash = next_hash
{%- endmacro %}

{% macro spark__repeated_key_hashes(model, key_columns) -%}
    select hash({{ key_columns | join(", ") }}) as key_hash
    from {{ model }}
    group by 1
    having count(*) > 1
{%- endmacro %}
