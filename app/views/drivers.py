"""Drivers page: how much each pillar drives advocacy and loyalty, and how much of
them the six pillars explain (R²), per country.

Importance is what the CX index weights and the Compare page's priorities multiply
by, so this page is where a client sees why one gap outranks another.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import charts, i18n, queries, state
from app.i18n import drivers as strings
from app.page import Page
from app.views import coverage, sidebar


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """R² headline, importance chart and table for the chosen country × wave."""
    chosen = sidebar.country_wave_selectors(warehouse, language)
    drivers = (
        queries.pillar_importance(warehouse, chosen.study_id, chosen.country, chosen.wave, language)
        if chosen
        else pd.DataFrame()
    )
    if chosen is None or drivers.empty:
        st.info(i18n.text("no_drivers", language))
        return
    st.subheader(i18n.text("drivers_heading", language, country=chosen.country, wave=chosen.wave))
    if not drivers["is_estimated"].all():
        notes = drivers["estimation_note"].dropna().unique()
        st.warning(i18n.text("not_estimated", language, note="; ".join(notes)))
    first = drivers.iloc[0]
    nps_column, loyalty_column, cases_column = st.columns(3)
    nps_column.metric(i18n.text("r2_advocacy", language), _r2(first["nps_r2"]))
    loyalty_column.metric(i18n.text("r2_loyalty", language), _r2(first["loyalty_r2"]))
    cases_column.metric(i18n.text("complete_cases", language), f"{first['n_complete_cases']:,}")

    measures = {
        "importance": i18n.text("importance", language),
        "nps_share": i18n.text("share_of_advocacy", language),
        "loyalty_share": i18n.text("share_of_loyalty", language),
    }
    long = drivers.melt(
        id_vars=["pillar_label", "sort_order"],
        value_vars=list(measures),
        var_name="measure",
    ).assign(measure=lambda frame: frame["measure"].map(measures))
    titles = {
        "pillar": i18n.text("pillar", language),
        "share": i18n.text("share", language),
        "country": i18n.text("country", language),
        "wave": i18n.text("wave", language),
    }
    st.altair_chart(charts.importance_bars(long, titles), key="drivers_chart")
    st.caption(i18n.text("drivers_caption", language))
    coverage.unmeasured_note(
        queries.pillar_coverage(warehouse, chosen.study_id, chosen.country, chosen.wave, language),
        language,
    )
    percent = st.column_config.NumberColumn
    st.dataframe(
        drivers,
        column_config={
            "pillar_id": None,
            "sort_order": None,
            "nps_r2": None,
            "loyalty_r2": None,
            "n_complete_cases": None,
            "is_estimated": None,
            "estimation_note": None,
            "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
            "importance": percent(i18n.text("importance", language), format="%.3f"),
            "importance_rank": percent(i18n.text("importance_rank", language), format="%d"),
            "nps_share": percent(i18n.text("share_of_advocacy", language), format="%.3f"),
            "loyalty_share": percent(i18n.text("share_of_loyalty", language), format="%.3f"),
        },
        hide_index=True,
        key="drivers_table",
    )
    _render_r2(warehouse, chosen.study_id, titles, language)


PAGE = Page(
    slug="drivers",
    title_key="drivers_page",
    icon=":material/insights:",
    render=render,
    strings=strings.STRINGS,
    tables=("marts.fct_pillar_importance",),
    url_keys=state.COUNTRY_WAVE_PARAMS,
)


def _render_r2(
    warehouse: queries.WarehouseFile, study_id: str, titles: dict[str, str], language: str
) -> None:
    """R² of both regressions for every country × wave of the study, to compare countries."""
    st.subheader(i18n.text("r2_by_country", language))
    variance = queries.explained_variance(warehouse, study_id)
    long = variance.melt(
        id_vars=["country", "wave"], value_vars=["nps_r2", "loyalty_r2"], var_name="outcome"
    ).rename(columns={"value": "r2"})
    outcomes = {
        "nps_r2": i18n.text("r2_advocacy", language),
        "loyalty_r2": i18n.text("r2_loyalty", language),
    }
    long["outcome"] = long["outcome"].map(outcomes)
    st.altair_chart(charts.r2_points(long, titles), key="drivers_r2_chart")
    st.dataframe(
        variance,
        column_config={
            "country": st.column_config.TextColumn(i18n.text("country", language)),
            "wave": st.column_config.NumberColumn(i18n.text("wave", language), format="%d"),
            "nps_r2": st.column_config.NumberColumn(outcomes["nps_r2"], format="%.3f"),
            "loyalty_r2": st.column_config.NumberColumn(outcomes["loyalty_r2"], format="%.3f"),
            "n_complete_cases": st.column_config.NumberColumn(
                i18n.text("complete_cases", language), format="%d"
            ),
        },
        hide_index=True,
        key="drivers_r2_table",
    )


def _r2(value: float | None) -> str:
    """Three decimals (R² differences are small), or a dash when not estimated."""
    return "—" if value is None or pd.isna(value) else f"{value:.3f}"
