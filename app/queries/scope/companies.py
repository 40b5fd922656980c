"""Company rows as the viewer sees them: own companies by name, disclosed peers by
pseudonym, everything by name for an analyst."""

from __future__ import annotations

#: One row per company a viewer may see in a sample: the id and name it is shown under.
#: Letters are ordered by a hash keyed with the warehouse's secret pseudonym key and the
#: client's entitled companies, so they cannot be recomputed or lined up across clients.
LABELS = """
create or replace macro pseudonym_letters(n) as
    case
        when n <= 26 then chr(cast(64 + n as integer))
        else chr(cast(64 + (n - 1) // 26 as integer)) || chr(cast(65 + (n - 1) % 26 as integer))
    end;

create or replace macro company_labels() as table
with

scored as (
    select
        scores.study_id,
        scores.country,
        scores.wave,
        scores.company_id,
        scores.sector_code,
        scores.is_eligible,
        scores.is_sector_leader,
        list_contains(viewer_companies(), scores.company_id) as is_own,
    from wh.marts.fct_company_scores as scores
    semi join visible_samples() as samples
        on scores.study_id = samples.study_id
        and scores.country = samples.country
        and scores.wave = samples.wave
),

own_sectors as (
    select distinct
        scored.study_id,
        scored.country,
        scored.wave,
        scored.sector_code,
    from scored
    inner join wh.marts.fct_benchmark_scores as sectors
        on sectors.benchmark_level = 'sector'
        and scored.study_id = sectors.study_id
        and scored.country = sectors.country
        and scored.wave = sectors.wave
        and scored.sector_code = sectors.sector_code
    -- a sector's peers are shown to a client only where the marts disclose its peer
    -- set (docs/methodology.md, "What a client can and cannot infer")
    where scored.is_own and sectors.is_peer_set_disclosed
),

peers as (
    select
        scored.*,
        row_number() over (
            partition by
                scored.study_id, scored.country, scored.wave, scored.sector_code,
                scored.is_sector_leader
            order by sha256(
                (select pseudonym_key from scope_key)
                || list_aggregate(list_sort(viewer_companies()), 'string_agg', ',')
                || '|' || scored.company_id
            )
        ) as peer_number,
    from scored
    semi join own_sectors
        on scored.study_id = own_sectors.study_id
        and scored.country = own_sectors.country
        and scored.wave = own_sectors.wave
        and scored.sector_code = own_sectors.sector_code
    where not scored.is_own and scored.is_eligible
),

named as (
    select
        scored.study_id,
        scored.country,
        scored.wave,
        scored.company_id,
        scored.sector_code,
        scored.company_id as shown_id,
        coalesce(companies.company_name, scored.company_id) as shown_name,
        scored.is_own,
        scored.is_sector_leader,
    from scored
    left join wh.marts.dim_company as companies
        on scored.company_id = companies.company_id
    where viewer_is_analyst() or scored.is_own
),

pseudonymised as (
    select
        study_id,
        country,
        wave,
        company_id,
        sector_code,
        case
            when is_sector_leader then 'sector-leader-' || peer_number
            else 'competitor-' || lower(pseudonym_letters(peer_number))
        end as shown_id,
        case
            when is_sector_leader and peer_number = 1 then viewer_word('leader')
            when is_sector_leader then viewer_word('leader') || ' ' || peer_number
            else viewer_word('peer') || ' ' || pseudonym_letters(peer_number)
        end as shown_name,
        false as is_own,
        is_sector_leader,
    from peers
    where not viewer_is_analyst()
)

select * from named
union all by name
select * from pseudonymised;
"""

#: Columns of the company marts that describe the previous wave: a viewer sees them only
#: when it may see that wave (a client: published waves), or "last year" would show an
#: unpublished wave's numbers.
COMPANY_CHANGE_COLUMNS = (
    "previous_wave", "previous_cx_index", "cx_index_change", "cx_index_change_std_error",
    "is_cx_index_change_significant", "previous_rank_in_country", "rank_in_country_change",
    "previous_rank_in_sector", "rank_in_sector_change", "previous_nps_score", "nps_change",
    "is_nps_change_significant", "previous_csat_top2_box_pct", "csat_change",
    "is_csat_change_significant", "previous_ces_top3_box_pct", "ces_change",
    "is_ces_change_significant",
)  # fmt: skip
PILLAR_CHANGE_COLUMNS = (
    "previous_wave", "previous_mean_score", "mean_score_change", "change_std_error",
    "is_change_significant",
)  # fmt: skip


def _previous_wave_visible(columns: tuple[str, ...]) -> str:
    """A ``replace`` list keeping each column only where the previous wave is visible."""
    return ", ".join(
        f"case when previous_sample.wave is not null then scores.{column} end as {column}"
        for column in columns
    )


#: Company marts, rows of visible companies only, ids and names as the viewer sees them.
COMPANY_MARTS = f"""
create or replace macro company_scores() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    labels.is_own,
    coalesce(sectors.sector_name, scores.sector_code) as sector_name,
    scores.* exclude (company_id) replace ({_previous_wave_visible(COMPANY_CHANGE_COLUMNS)}),
from (
    -- counted over every company, not only the visible ones: "rank 3 of 12"
    select
        *,
        count(rank_in_country) over (partition by study_id, country, wave)
            as n_ranked_in_country,
        count(rank_in_sector) over (partition by study_id, country, wave, sector_code)
            as n_ranked_in_sector,
    from wh.marts.fct_company_scores
) as scores
inner join company_labels() as labels
    on scores.study_id = labels.study_id
    and scores.country = labels.country
    and scores.wave = labels.wave
    and scores.company_id = labels.company_id
left join wh.marts.dim_sector as sectors
    on scores.sector_code = sectors.sector_code
left join visible_samples() as previous_sample
    on scores.study_id = previous_sample.study_id
    and scores.country = previous_sample.country
    and scores.previous_wave = previous_sample.wave;

create or replace macro company_pillar_scores() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    scores.* exclude (company_id) replace ({_previous_wave_visible(PILLAR_CHANGE_COLUMNS)}),
from wh.marts.fct_company_pillar_scores as scores
inner join company_labels() as labels
    on scores.study_id = labels.study_id
    and scores.country = labels.country
    and scores.wave = labels.wave
    and scores.company_id = labels.company_id
left join visible_samples() as previous_sample
    on scores.study_id = previous_sample.study_id
    and scores.country = previous_sample.country
    and scores.previous_wave = previous_sample.wave;

create or replace macro leader_gaps() as table
select
    labels.shown_id as company_id,
    leaders.shown_id as leader_company_id,
    gaps.* exclude (company_id, leader_company_id),
from wh.marts.fct_leader_gaps as gaps
inner join company_labels() as labels
    on gaps.study_id = labels.study_id
    and gaps.country = labels.country
    and gaps.wave = labels.wave
    and gaps.company_id = labels.company_id
inner join company_labels() as leaders
    on gaps.study_id = leaders.study_id
    and gaps.country = leaders.country
    and gaps.wave = leaders.wave
    and gaps.leader_company_id = leaders.company_id
where viewer_is_analyst() or labels.is_own;
"""
