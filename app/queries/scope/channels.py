"""Channel scores (``fct_channel_scores``) as the viewer may see them.

A channel score is a company's own number, so a client gets the channel rows of its
entitled companies only, never a peer's, not even under a pseudonym. What a client
may compare its spread with is the typical spread of its sector: the median over the
sector's eligible companies, shown where the marts already disclose the sector's peer
set and at least ``min_aggregate_companies`` companies have a spread, so it is an
aggregate like the sector averages rather than one peer's number.
"""

from __future__ import annotations

#: ``channel_scores()``: rows of visible companies (own ones for a client), ids and names
#: as the viewer sees them. ``channel_sector_spreads()``: per sector × pillar, the median
#: channel spread of its eligible companies, with the number of companies behind it.
CHANNELS = """
create or replace macro channel_scores() as table
select
    labels.shown_id as company_id,
    labels.shown_name as company_name,
    labels.sector_code,
    channels.* exclude (company_id),
from wh.marts.fct_channel_scores as channels
inner join company_labels() as labels
    on channels.study_id = labels.study_id
    and channels.country = labels.country
    and channels.wave = labels.wave
    and channels.company_id = labels.company_id
where viewer_is_analyst() or labels.is_own;

create or replace macro channel_sector_spreads() as table
with

company_spreads as (
    -- the spread is repeated on every channel row of a company × pillar: one per company
    select distinct
        channels.study_id,
        channels.country,
        channels.wave,
        channels.company_id,
        channels.pillar_id,
        channels.channel_spread,
    from wh.marts.fct_channel_scores as channels
    semi join visible_samples() as samples
        on channels.study_id = samples.study_id
        and channels.country = samples.country
        and channels.wave = samples.wave
    where channels.is_eligible and channels.channel_spread is not null
),

summarised as (
    select
        company_spreads.study_id,
        company_spreads.country,
        company_spreads.wave,
        scores.sector_code,
        company_spreads.pillar_id,
        count(*) as n_companies,
        median(company_spreads.channel_spread) as median_channel_spread,
    from company_spreads
    inner join wh.marts.fct_company_scores as scores
        on company_spreads.study_id = scores.study_id
        and company_spreads.country = scores.country
        and company_spreads.wave = scores.wave
        and company_spreads.company_id = scores.company_id
    group by all
)

select summarised.*,
from summarised
where viewer_is_analyst()
    or (
        -- fails closed: without the parameter the comparison is NULL and nothing shows
        summarised.n_companies >= (
            select try_cast(parameter_value as integer)
            from wh.marts.dim_methodology
            where parameter_name = 'min_aggregate_companies'
        )
        and exists (
            select 1
            from wh.marts.fct_benchmark_scores as sectors
            where sectors.benchmark_level = 'sector'
                and sectors.is_peer_set_disclosed
                and sectors.study_id = summarised.study_id
                and sectors.country = summarised.country
                and sectors.wave = summarised.wave
                and sectors.sector_code = summarised.sector_code
        )
        and exists (
            select 1
            from company_labels() as own
            where own.is_own
                and own.study_id = summarised.study_id
                and own.country = summarised.country
                and own.wave = summarised.wave
                and own.sector_code = summarised.sector_code
        )
    );
"""
