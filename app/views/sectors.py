"""Sectors page: each sector's averages and the spread of its companies, then one
sector's pillar profile against the national average.

Disclosure control is visible, not silent: a suppressed sector stays in the table
with its reason and no numbers, and is left out of the spread chart.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import sectors as strings
from cxbench.app.page import Page
from cxbench.app.views import coverage, sidebar


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Spread chart and sector table for country × wave, then the chosen sector's profile."""
    chosen = sidebar.country_wave_selectors(warehouse, language)
    profiles = (
        queries.sector_profiles(warehouse, chosen.study_id, chosen.country, chosen.wave)
        if chosen
        else None
    )
    if chosen is None or profiles is None or profiles.empty:
        st.info(i18n.text("no_scores", language))
        return
    labels = queries.sector_labels(warehouse, language)
    profiles = profiles.assign(
        sector_name=[
            labels.get(code, name)
            for code, name in zip(profiles["sector_code"], profiles["sector_name"], strict=True)
        ]
    )
    names = dict(zip(profiles["sector_code"], profiles["sector_name"], strict=True))
    state.settle_choice(state.SECTORS_SECTOR, list(names))
    sector = st.sidebar.selectbox(
        i18n.text("sector", language),
        options=list(names),
        format_func=names.__getitem__,
        key=state.SECTORS_SECTOR,
    )

    st.subheader(
        i18n.text(
            "sector_spread",
            language,
            country=formatting.country_name(chosen.country, language),
            wave=chosen.wave,
        )
    )
    coverage.index_note(
        warehouse,
        queries.index_pillars(warehouse, chosen.study_id, chosen.country, chosen.wave),
        language,
    )
    shown = profiles[~profiles["is_suppressed"]]
    titles = {
        role: i18n.text(role, language)
        for role in ("sector", "cx_index", "average", "median", "pillar", "score")
    }
    if not shown.empty:
        st.altair_chart(charts.sector_spread(shown, titles), key="sectors_spread_chart")
        st.caption(i18n.text("spread_caption", language))
    table = _with_display_text(profiles.assign(status=_status(profiles, language)), language)
    columns = _columns(language)
    if table["revenue_weighted_cx_index"].isna().all():
        del columns["revenue_weighted_text"]  # withheld everywhere: the status says why
    st.dataframe(
        table,
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="sectors_table",
    )
    _render_profile(warehouse, chosen, sector, names[sector], titles, language)


PAGE = Page(
    slug="sectors",
    title_key="sectors_page",
    icon=":material/category:",
    render=render,
    strings=strings.STRINGS,
    tables=(
        "marts.fct_benchmark_scores",
        "marts.fct_benchmark_pillar_scores",
        "marts.dim_sector",
    ),
    url_keys={**state.COUNTRY_WAVE_PARAMS, state.SECTORS_SECTOR: "profile"},
)


def _render_profile(
    warehouse: queries.WarehouseFile,
    chosen: sidebar.CountryWave,
    sector: str,
    sector_name: str,
    titles: dict[str, str],
    language: str,
) -> None:
    """The chosen sector's pillar averages with intervals next to the national ones."""
    st.subheader(i18n.text("sector_profile", language, sector=sector_name))
    benchmarks = queries.benchmark_pillars(
        warehouse, chosen.study_id, chosen.country, chosen.wave, sector, language
    )
    suppressed = benchmarks[benchmarks["is_suppressed"]]
    for kind, rows in suppressed.groupby("benchmark", sort=False):
        key = "sector_average_suppressed" if kind == "sector" else "national_average_suppressed"
        st.warning(
            i18n.text(
                key,
                language,
                sector=sector_name,
                reason=i18n.suppression_reason(rows["suppression_reason"].iloc[0], language),
            )
        )
    names = {"sector": sector_name, "country": i18n.text("national_average", language)}
    frame = benchmarks[~benchmarks["is_suppressed"]]
    frame = frame.assign(
        series=frame["benchmark"].map(names),
        role=frame["benchmark"],
        n_evaluations=None,
        is_gap_significant=False,
    )
    if frame.empty:
        return
    titles = {**titles, "ci_low": i18n.text("ci_low", language)}
    titles["ci_high"] = i18n.text("ci_high", language)
    measured = queries.pillar_coverage(
        warehouse, chosen.study_id, chosen.country, chosen.wave, language
    )
    frame = frame.replace({"pillar_label": coverage.narrow_labels(measured, language)})
    st.altair_chart(charts.pillar_comparison(frame, titles), key="sectors_profile_chart")
    st.caption(i18n.text("average_interval_caption", language))
    coverage.unmeasured_note(measured, language)


def _status(profiles: pd.DataFrame, language: str) -> pd.Series:
    """'shown', 'suppressed: <reason>', or 'shown; revenue-weighted average suppressed:
    <reason>' — each average's suppression is said, never silent."""

    def status(row: pd.Series) -> str:
        if row["is_suppressed"]:
            reason = i18n.suppression_reason(row["suppression_reason"], language)
            return i18n.text("suppressed_because", language, reason=reason)
        if row["is_revenue_suppressed"]:
            reason = i18n.suppression_reason(row["revenue_suppression_reason"], language)
            return i18n.text("revenue_suppressed_because", language, reason=reason)
        return i18n.text("shown", language)

    return profiles.apply(status, axis=1)


def _with_display_text(profiles: pd.DataFrame, language: str) -> pd.DataFrame:
    """The profiles plus the text columns the table shows, in the reader's number format.

    The mart's numbers stay as they are (hidden columns a test reads); a reader sees
    few, narrow text columns — the spread as "median (P25–P75)" in one — so the
    table fits a phone, and "—" wherever a value is missing or withheld.
    """

    def spread(row: pd.Series) -> str:
        if formatting.is_missing(row["median_cx_index"]):
            return formatting.MISSING
        middle = formatting.interval(row["p25_cx_index"], row["p75_cx_index"], language)
        return f"{formatting.decimal(row['median_cx_index'], language)} ({middle})"

    def companies(row: pd.Series) -> str:
        ranked = formatting.integer(row["n_eligible_companies"], language)
        return f"{ranked} / {formatting.integer(row['n_companies'], language)}"

    return profiles.assign(
        average_text=[formatting.decimal(v, language) for v in profiles["avg_cx_index"]],
        revenue_weighted_text=[
            formatting.decimal(v, language) for v in profiles["revenue_weighted_cx_index"]
        ],
        nps_text=[formatting.decimal(v, language, 1) for v in profiles["avg_nps_score"]],
        spread_text=profiles.apply(spread, axis=1) if len(profiles) else [],
        companies_text=profiles.apply(companies, axis=1) if len(profiles) else [],
        evaluations_text=[formatting.integer(v, language) for v in profiles["n_evaluations"]],
    )


def _columns(language: str) -> dict[str, object]:
    """The shown text columns in display order; every other column of the frame hidden."""
    text = st.column_config.TextColumn
    return {
        "sector_name": text(i18n.text("sector", language)),
        "average_text": text(i18n.text("average", language)),
        "revenue_weighted_text": text(i18n.text("revenue_weighted", language)),
        "nps_text": text("NPS"),
        "spread_text": text(i18n.text("median_middle_half", language)),
        "companies_text": text(i18n.text("ranked_of_companies", language)),
        "evaluations_text": text(i18n.text("evaluations", language)),
        "status": text(i18n.text("status", language)),
    }
