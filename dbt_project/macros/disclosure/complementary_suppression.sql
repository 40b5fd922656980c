{#-
    Secondary (complementary) suppression of one measure family, as a query over
    `benchmarks` (one row per benchmark: benchmark_level, study_id, country,
    sector_code, wave, both levels, the unassigned sector's row included) with
    one row per benchmark and is_complementary: true where the average must be
    withheld as well, so that no withheld one can be derived by difference
    (docs/methodology.md "What a client can and cannot infer").
    `part_size` (SQL expression) counts the members of the average and
    `is_withheld` (SQL expression) is the primary decision; the unassigned sector
    is always withheld (it is never shown). Where the national average is shown
    and the residual (residual_is_safe) is not safe, the smallest shown sectors
    (fewest members, then sector_code) are withheld too, as few as make it safe;
    when even all of them would not, the national average is withheld instead.
-#}
{% macro complementary_suppression(benchmarks, part_size, is_withheld) -%}
    {%- set cell = "study_id, country, wave" -%}
    with

    parts as (

        select
            benchmark_level,
            study_id,
            country,
            sector_code,
            wave,
            {{ part_size }} as part_size,
            ({{ is_withheld }}) or sector_code = {{ unassigned_sector() }} as is_withheld

        from {{ benchmarks }}

    ),

    residuals as (

        select
            {{ cell }},
            count(case when benchmark_level = 'sector' and is_withheld and part_size > 0 then 1 end)
                as n_parts,
            coalesce(sum(case when benchmark_level = 'sector' and is_withheld then part_size end), 0)
                as n_members,
            min(case when benchmark_level = 'sector' and is_withheld and part_size > 0 then part_size end)
                as smallest_part,
            count(
                case
                    when benchmark_level = 'sector' and is_withheld and part_size > 0
                        and sector_code != {{ unassigned_sector() }}
                        then 1
                end
            ) = 0 as is_unassigned_only,
            coalesce(bool_or(benchmark_level = 'country' and not is_withheld), false) as is_total_shown

        from parts

        group by all

    ),

    candidates as (

        select
            {{ cell }},
            sector_code,
            row_number() over by_size as n_added,
            sum(part_size) over by_size as added_members,
            min(part_size) over (partition by {{ cell }}) as smallest_added

        from parts

        where benchmark_level = 'sector' and not is_withheld and part_size > 0

        window by_size as (
            partition by {{ cell }}
            order by part_size, sector_code
            rows between unbounded preceding and current row
        )

    ),

    judged as (

        select
            residuals.*,
            {{ residual_is_safe('n_parts', 'n_members', 'smallest_part', 'is_unassigned_only') }} as is_safe

        from residuals

    ),

    complements as (

        select
            candidates.study_id,
            candidates.country,
            candidates.wave,
            min(candidates.n_added) as n_complements

        from candidates
        inner join judged
            on candidates.study_id = judged.study_id
            and candidates.country = judged.country
            and candidates.wave = judged.wave

        where {{ residual_is_safe(
            'judged.n_parts + candidates.n_added',
            'judged.n_members + candidates.added_members',
            'least(coalesce(judged.smallest_part, candidates.smallest_added), candidates.smallest_added)',
            'false',
        ) }}

        group by all

    )

    select
        parts.benchmark_level,
        parts.study_id,
        parts.country,
        parts.sector_code,
        parts.wave,
        case
            when parts.is_withheld or not judged.is_total_shown or judged.is_safe then false
            when parts.benchmark_level = 'country' then complements.n_complements is null
            else coalesce(candidates.n_added <= complements.n_complements, false)
        end as is_complementary

    from parts
    inner join judged
        on parts.study_id = judged.study_id
        and parts.country = judged.country
        and parts.wave = judged.wave
    left join candidates
        on parts.study_id = candidates.study_id
        and parts.country = candidates.country
        and parts.wave = candidates.wave
        and parts.sector_code = candidates.sector_code
        and parts.benchmark_level = 'sector'
    left join complements
        on parts.study_id = complements.study_id
        and parts.country = complements.country
        and parts.wave = complements.wave
{%- endmacro %}
