"""Queries of the Channels page: one organisation's pillar scores per contact channel."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.shared import PILLARS_CTE
from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame

#: Marts the Channels page reads.
CHANNEL_TABLES = ("marts.fct_channel_scores",)


@st.cache_data(show_spinner=False)
def channel_scores(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """One row per pillar × channel of the organisation, pillars in methodology order.

    Beside the mart's columns, each reportable channel is compared with the
    organisation's other reportable channels on the pillar: ``others_mean`` is their
    mean weighted by evaluations, ``difference`` = channel − others (negative: the
    channel is behind), ``difference_std_error`` treats the channels as independent
    samples (each evaluation is made through one channel), and ``z_critical`` is the
    critical value the mart built its intervals with, so "significant" here means
    what it means for every interval on the page; ``direction`` is behind / level /
    ahead accordingly. All NULL for a channel below the base or a pillar with fewer
    than two reportable channels. A channel below the base keeps its
    ``n_evaluations`` only: its mean and interval are NULL, so no page can show them.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE},
        rows as (
            select
                channels.*,
                pillars.pillar_label,
                pillars.sort_order,
                if(channels.is_reportable and channels.mean_score is not null,
                   channels.n_evaluations, null) as reported_n,
            from channel_scores() as channels
            inner join pillars
                on channels.pillar_id = pillars.pillar_id
            where channels.study_id = ?
                and channels.country = ?
                and channels.wave = ?
                and channels.company_id = ?
        ),
        totals as (
            select
                *,
                sum(reported_n) over pillar as total_n,
                sum(reported_n * mean_score) over pillar as total_n_mean,
                sum(reported_n * reported_n * std_error * std_error) over pillar as total_n2_var,
                count(reported_n) over pillar as n_reported,
                max((ci_high - mean_score) / nullif(std_error, 0)) over () as z_critical,
            from rows
            window pillar as (partition by pillar_id)
        ),
        compared as (
            select
                *,
                if(reported_n is null or n_reported < 2, null,
                   (total_n_mean - reported_n * mean_score) / (total_n - reported_n))
                    as others_mean,
                if(reported_n is null or n_reported < 2, null,
                   sqrt(
                       std_error * std_error
                       + (total_n2_var - reported_n * reported_n * std_error * std_error)
                       / ((total_n - reported_n) * (total_n - reported_n))
                   )) as difference_std_error,
            from totals
        )
        select
            pillar_id,
            pillar_label,
            sort_order,
            channel,
            n_evaluations,
            -- a channel below the base is "too few answers": its numbers never leave here
            if(reported_n is null, null, mean_score) as mean_score,
            if(reported_n is null, null, std_error) as std_error,
            if(reported_n is null, null, ci_low) as ci_low,
            if(reported_n is null, null, ci_high) as ci_high,
            reported_n is not null as is_reportable,
            n_reportable_channels,
            channel_spread,
            min_channel_base,
            others_mean,
            mean_score - others_mean as difference,
            difference_std_error,
            (mean_score - others_mean) / nullif(difference_std_error, 0) as z_score,
            z_critical,
            case
                when (mean_score - others_mean) / nullif(difference_std_error, 0) is null
                    or z_critical is null then null
                when abs(mean_score - others_mean) < z_critical * difference_std_error
                    then 'level'
                when mean_score < others_mean then 'behind'
                else 'ahead'
            end as direction,
        from compared
        order by sort_order, channel
        """,
        [language, study_id, country, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def channel_sector_spreads(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str
) -> pd.DataFrame:
    """``pillar_id, n_companies, median_channel_spread`` of the sector's eligible companies.

    Empty where the viewer may not see it (a client: a sector whose peer set is not
    disclosed, or too few companies with a spread).
    """
    return fetch_frame(
        key,
        """
        select pillar_id, n_companies, median_channel_spread,
        from channel_sector_spreads()
        where study_id = ? and country = ? and wave = ? and sector_code = ?
        """,
        [study_id, country, wave, sector_code],
    )
