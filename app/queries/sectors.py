"""Queries of the Sectors page: sector profiles and their spread."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame


@st.cache_data(show_spinner=False)
def sector_profiles(key: WarehouseFile, study_id: str, country: str, wave: int) -> pd.DataFrame:
    """One row per sector of study × country × wave: averages, suppression and the spread.

    The spread (min, quartiles, max of the ranked companies' CX index; min and max
    for analysts only) comes from the scope's ``sector_spreads`` and, like the
    averages, is withheld for a suppressed sector: a spread of a small sector would
    disclose what suppression hides. The revenue-weighted average has its own
    suppression decision and reason.
    """
    return fetch_frame(
        key,
        """
        with spread as (
            select *
            from sector_spreads()
            where study_id = ? and country = ? and wave = ?
        )

        select
            profiles.sector_code,
            coalesce(sectors.sector_name, profiles.sector_code) as sector_name,
            profiles.n_companies,
            profiles.n_eligible_companies,
            profiles.n_eligible_evaluations as n_evaluations,
            profiles.avg_cx_index,
            profiles.revenue_weighted_cx_index,
            profiles.avg_nps_score,
            if(profiles.is_suppressed, null, spread.min_cx_index) as min_cx_index,
            if(profiles.is_suppressed, null, spread.p25_cx_index) as p25_cx_index,
            if(profiles.is_suppressed, null, spread.median_cx_index) as median_cx_index,
            if(profiles.is_suppressed, null, spread.p75_cx_index) as p75_cx_index,
            if(profiles.is_suppressed, null, spread.max_cx_index) as max_cx_index,
            profiles.is_suppressed,
            profiles.suppression_reason,
            profiles.is_revenue_suppressed,
            profiles.revenue_suppression_reason,
        from benchmark_scores() as profiles
        left join sector_list() as sectors
            on profiles.sector_code = sectors.sector_code
        left join spread
            on profiles.sector_code = spread.sector_code
        where profiles.benchmark_level = 'sector'
            and profiles.study_id = ? and profiles.country = ? and profiles.wave = ?
        order by profiles.is_suppressed, profiles.avg_cx_index desc nulls last, sector_name
        """,
        [study_id, country, wave, study_id, country, wave],
    )
