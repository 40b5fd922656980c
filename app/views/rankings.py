"""Rankings page: the top N of a country × wave, sector leaders and the biggest movers.

Filters (sector, N) live in the URL like every selection; the listed companies can
be downloaded as CSV or Excel exactly as shown, unrounded, so an analyst can paste
the mart's numbers into a report.
"""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from app import charts, i18n, queries, state
from app.i18n import rankings as strings
from app.page import Page
from app.views import coverage, sidebar

TOP_N_OPTIONS = (10, 20, 50, 100)
#: Movers listed on each side (climbers, fallers).
MOVERS_SHOWN = 10
EXCEL_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Filters first (their options depend on country × wave), then the three lists."""
    chosen = sidebar.country_wave_selectors(warehouse, language)
    if chosen is None:
        st.info(i18n.text("no_scores", language))
        return
    study_id = chosen.study_id
    sectors = queries.sectors_scored(warehouse, study_id, chosen.country, chosen.wave)
    sector_options = ["", *sectors]
    state.settle_choice(state.RANKINGS_SECTOR, sector_options, default="")
    all_sectors = i18n.text("all_sectors", language)
    sector = st.sidebar.selectbox(
        i18n.text("sector", language),
        options=sector_options,
        format_func=lambda code: sectors.get(code, all_sectors),
        key=state.RANKINGS_SECTOR,
    )
    state.settle_choice(state.RANKINGS_TOP_N, TOP_N_OPTIONS, default=20, parse=int)
    top_n = st.sidebar.selectbox(
        i18n.text("top_n", language), options=TOP_N_OPTIONS, key=state.RANKINGS_TOP_N
    )

    ranked = queries.ranking(warehouse, study_id, chosen.country, chosen.wave, sector, top_n)
    st.subheader(
        i18n.text(
            "top_heading",
            language,
            n=top_n,
            scope=sectors.get(sector, all_sectors),
            country=chosen.country,
            wave=chosen.wave,
        )
    )
    coverage.index_note(
        warehouse, queries.index_pillars(warehouse, study_id, chosen.country, chosen.wave), language
    )
    if ranked.empty:
        st.info(i18n.text("no_ranked", language))
        return
    titles = _titles(language)
    st.altair_chart(charts.ranking_bars(ranked, titles), key="rankings_chart")
    columns = _columns(language, not warehouse.viewer.is_analyst)
    st.dataframe(ranked, column_config=columns, hide_index=True, key="rankings_table")
    _downloads(ranked, f"cxbench-{chosen.country}-{chosen.wave}-top{top_n}", language)

    st.subheader(i18n.text("sector_leaders", language))
    leaders = queries.sector_leaders(warehouse, study_id, chosen.country, chosen.wave)
    st.dataframe(leaders, column_config=columns, hide_index=True, key="rankings_leaders")
    _render_movers(warehouse, chosen, titles, language)


PAGE = Page(
    slug="rankings",
    title_key="rankings_page",
    icon=":material/leaderboard:",
    render=render,
    strings=strings.STRINGS,
    tables=("marts.dim_sector",),
    url_keys={
        **state.COUNTRY_WAVE_PARAMS,
        state.RANKINGS_SECTOR: "sector",
        state.RANKINGS_TOP_N: "top",
    },
)


def _render_movers(
    warehouse: queries.WarehouseFile,
    chosen: sidebar.CountryWave,
    titles: dict[str, str],
    language: str,
) -> None:
    """Biggest climbers and fallers among companies ranked in both waves."""
    st.subheader(i18n.text("movers", language))
    moved = queries.movers(warehouse, chosen.study_id, chosen.country, chosen.wave)
    if moved.empty:
        st.info(i18n.text("no_movers", language))
        return
    climbers = moved[moved["cx_index_change"] > 0].head(MOVERS_SHOWN)
    fallers = moved[moved["cx_index_change"] < 0].tail(MOVERS_SHOWN).iloc[::-1]
    shown = pd.concat([climbers, fallers], ignore_index=True)
    st.altair_chart(charts.mover_bars(shown, titles), key="rankings_movers_chart")
    columns = _columns(language, not warehouse.viewer.is_analyst)
    st.dataframe(shown, column_config=columns, hide_index=True, key="rankings_movers")


def _titles(language: str) -> dict[str, str]:
    """Translated chart titles of this page."""
    roles = ("cx_index", "sector", "organisation")
    titles = {role: i18n.text(role, language) for role in roles}
    titles.update(
        rank=i18n.text("rank_in_country", language),
        change=i18n.text("cx_index_change", language),
        previous=i18n.text("previous_cx_index", language),
    )
    return titles


def _columns(language: str, marks_own: bool) -> dict[str, object]:
    """Column labels and formats; identifiers and the methodology version are hidden.

    ``marks_own``: a client's own organisations are ticked (an analyst has none).
    """
    number = st.column_config.NumberColumn
    own = st.column_config.CheckboxColumn(i18n.text("yours", language)) if marks_own else None
    return {
        "is_own": own,
        "rank_in_country": number(i18n.text("rank_in_country", language), format="%d"),
        "rank_in_sector": number(i18n.text("rank_in_sector", language), format="%d"),
        "company_id": None,
        "sector_code": None,
        "methodology_version": None,
        "cx_index_pillars": None,
        "company_name": st.column_config.TextColumn(i18n.text("organisation", language)),
        "sector_name": st.column_config.TextColumn(i18n.text("sector", language)),
        "cx_index": number(i18n.text("cx_index", language), format="%.2f"),
        "nps_score": number("NPS", format="%.1f"),
        "n_evaluations": number(i18n.text("evaluations", language), format="%d"),
        "previous_cx_index": number(i18n.text("previous_cx_index", language), format="%.2f"),
        "cx_index_change": number(i18n.text("cx_index_change", language), format="%+.2f"),
        "previous_rank_in_country": number(i18n.text("previous_rank", language), format="%d"),
        "rank_in_country_change": number(i18n.text("rank_change", language), format="%+d"),
        "is_sector_leader": st.column_config.CheckboxColumn(i18n.text("leader", language)),
    }


def _downloads(ranked: pd.DataFrame, stem: str, language: str) -> None:
    """CSV and Excel of the listed companies, with the mart's column names and values.

    The bytes are handed over with the page (a deferred ``data=callable`` raced the
    first click in the browser: the download sometimes never started) and cached per
    frame, so a rerun does not rebuild the workbook (~50 ms of server time under
    load). A click only downloads; it does not rerun the page.
    """
    csv_column, excel_column = st.columns(2)
    csv_column.download_button(
        i18n.text("download_csv", language),
        data=_cached_csv(ranked),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="rankings_csv",
        on_click="ignore",
    )
    excel_column.download_button(
        i18n.text("download_excel", language),
        data=_cached_excel(ranked),
        file_name=f"{stem}.xlsx",
        mime=EXCEL_MIME,
        key="rankings_excel",
        on_click="ignore",
    )


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with the mart's column names and unrounded values."""
    return frame.to_csv(index=False).encode("utf-8")


def excel_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as one Excel sheet (openpyxl), built in memory."""
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="ranking")
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_csv(frame: pd.DataFrame) -> bytes:
    return csv_bytes(frame)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_excel(frame: pd.DataFrame) -> bytes:
    return excel_bytes(frame)
