"""Queries of the Compare page's direction and year-on-year sections: each pillar against
the leader and the sector and national averages, each pillar against the previous wave,
and the averages the organisation's NPS is read against.

Directions and significance come from the marts (at their confidence level); these
queries only choose the rows and put the pillars in methodology order.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.shared import PILLARS_CTE
from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame


@st.cache_data(show_spinner=False)
def pillar_comparisons(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """One row per pillar × comparator (``leader``, ``sector``, ``country``).

    ``difference`` is company − comparator (negative = behind) with its standard error;
    ``direction`` is behind / level / ahead (level = not significant), NULL where the
    comparator is missing or suppressed.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            comparisons.comparator,
            comparisons.comparator_company_id,
            comparisons.mean_score,
            comparisons.comparator_mean_score,
            comparisons.difference,
            comparisons.difference_std_error,
            comparisons.z_score,
            comparisons.direction,
            comparisons.is_significant,
            comparisons.confidence_level,
        from pillar_comparisons() as comparisons
        inner join pillars
            on comparisons.pillar_id = pillars.pillar_id
        where comparisons.study_id = ? and comparisons.country = ? and comparisons.wave = ?
            and cast(comparisons.company_id as varchar) = ?
        order by pillars.sort_order, comparisons.comparator
        """,
        [language, study_id, country, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def pillar_changes(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """Each pillar of the company in ``wave`` against the previous comparable wave.

    ``mean_score_change`` (this wave − previous) with its standard error and
    significance flag; all NULL where the previous wave is not comparable.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            scores.previous_wave,
            scores.previous_mean_score,
            scores.mean_score,
            scores.ci_low,
            scores.ci_high,
            scores.mean_score_change,
            scores.change_std_error,
            scores.is_change_significant,
            scores.confidence_level,
        from company_pillar_scores() as scores
        inner join pillars
            on scores.pillar_id = pillars.pillar_id
        where scores.study_id = ? and scores.country = ? and scores.wave = ?
            and cast(scores.company_id as varchar) = ?
        order by pillars.sort_order
        """,
        [language, study_id, country, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def nps_benchmarks(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str
) -> pd.DataFrame:
    """The sector's and the country's average NPS (``benchmark``: sector, country).

    NULL with ``is_suppressed`` where disclosure control withholds the average. The
    marts hold no sector or national CSAT and CES, so Compare shows those for the
    organisation alone.
    """
    return fetch_frame(
        key,
        """
        select
            benchmark_level as benchmark,
            avg_nps_score,
            is_suppressed,
        from benchmark_scores()
        where study_id = ? and country = ? and wave = ?
            and (
                (benchmark_level = 'sector' and sector_code = ?)
                or benchmark_level = 'country'
            )
        order by benchmark_level desc
        """,
        [study_id, country, wave, sector_code],
    )
