{#-
    Select list items that pick, for the current pillar row, the wide column
    `<pillar_id>__<measure>` of `relation_alias` as `<measure>`. Use after a
    cross join with pillar_rows() aliased `pillar_list`:

        select keys..., pillar_list.pillar_id,
            {{ unpivot_pillar_columns('sums', ['n', 'sum_w']) }}
        from sums cross join (...) as pillar_list

    A case expression per measure keeps it portable (no engine-specific UNPIVOT).
-#}
{% macro unpivot_pillar_columns(relation_alias, measures) %}
    {%- for measure in measures %}
        case pillar_list.pillar_id
            {%- for pillar_id in pillar_statements() %}
            when '{{ pillar_id }}' then {{ relation_alias }}.{{ pillar_id }}__{{ measure }}
            {%- endfor %}
        end as {{ measure }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
