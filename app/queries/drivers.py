"""Queries of the Drivers page: pillar importance and R² per study × country × wave."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.shared import PILLARS_CTE
from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame

#: Columns of fct_pillar_importance that say how certain an importance is (methodology
#: 0.4.0); selected where present and added as missing otherwise, so an older
#: warehouse still shows its importances (without intervals).
UNCERTAINTY_COLUMNS = ("importance_std_error", "importance_ci_low", "importance_ci_high")


@st.cache_data(show_spinner=False)
def pillar_importance(
    key: WarehouseFile, study_id: str, country: str, wave: int, language: str
) -> pd.DataFrame:
    """Importance of each pillar the study measures for advocacy and loyalty in
    country × wave, in pillar order."""
    frame = fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            drivers.importance,
            drivers.importance_rank,
            drivers.nps_share,
            drivers.loyalty_share,
            drivers.nps_r2,
            drivers.loyalty_r2,
            drivers.n_complete_cases,
            drivers.is_estimated,
            drivers.estimation_note,
            -- methodology_version is always there: a pattern matching nothing fails
            columns('^({"|".join(UNCERTAINTY_COLUMNS)}|methodology_version)$'),
        from pillar_importance() as drivers
        inner join pillars
            on drivers.pillar_id = pillars.pillar_id
        where drivers.study_id = ? and drivers.country = ? and drivers.wave = ?
        order by pillars.sort_order
        """,
        [language, study_id, country, wave],
    )
    for column in UNCERTAINTY_COLUMNS:
        if column not in frame.columns:
            frame[column] = float("nan")
    return frame.drop(columns="methodology_version")


@st.cache_data(show_spinner=False)
def explained_variance(key: WarehouseFile, study_id: str) -> pd.DataFrame:
    """R² of advocacy (nps) and loyalty on the study's pillars, per country × wave."""
    return fetch_frame(
        key,
        """
        select
            country,
            wave,
            any_value(nps_r2) as nps_r2,
            any_value(loyalty_r2) as loyalty_r2,
            any_value(n_complete_cases) as n_complete_cases,
        from pillar_importance()
        where study_id = ?
        group by all
        order by country, wave
        """,
        [study_id],
    )
