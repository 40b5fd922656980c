"""Rankings page: the top N of a country × wave, sector leaders and the biggest movers.

A rank says less than its number suggests: two organisations whose intervals
overlap cannot be told apart, so each row carries its rank range (the marts count
only the organisations significantly ahead and behind) and the chart draws the
CX index as a dot with its interval on an axis that does not start at zero, with
organisations whose ranges overlap banded together. Movers are marked significant
or not; the viewer's own organisation (a client's, or the one an analyst chose on
Compare) is highlighted.

Filters (sector, N) live in the URL like every selection; the listed companies can
be downloaded as CSV or Excel with the mart's columns, unrounded, so an analyst can
paste the mart's numbers into a report. Every number on screen is text made by
:mod:`cxbench.app.formatting`, in display-only columns beside the mart's values.

The page lays out; the readable ranking (:mod:`.rankings_table`), the movers'
words (:mod:`.rankings_movers`) and the downloads (:mod:`.rankings_downloads`) are
modules of their own.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from babel.lists import format_list

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import rankings as strings
from cxbench.app.page import Page
from cxbench.app.views import coverage, rankings_downloads, rankings_movers, rankings_table, sidebar

TOP_N_OPTIONS = (10, 20, 50, 100)
#: Movers listed on each side (climbers, fallers).
MOVERS_SHOWN = 10


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Filters first (their options depend on country × wave), then the three lists."""
    chosen = sidebar.country_wave_selectors(warehouse, language)
    if chosen is None:
        st.info(i18n.text("no_scores", language))
        return
    study_id = chosen.study_id
    labels = queries.sector_labels(warehouse, language)
    sectors = {
        code: labels.get(code, name)
        for code, name in queries.sectors_scored(
            warehouse, study_id, chosen.country, chosen.wave
        ).items()
    }
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
            country=formatting.country_name(chosen.country, language),
            wave=chosen.wave,
        )
    )
    coverage.index_note(
        warehouse, queries.index_pillars(warehouse, study_id, chosen.country, chosen.wave), language
    )
    if ranked.empty:
        st.info(i18n.text("no_ranked", language))
        return
    highlighted = highlighted_ids(warehouse, ranked)
    by_sector = bool(sector)
    shown = rankings_table.readable(ranked, language, highlighted, labels, by_sector=by_sector)
    titles = _titles(language)
    st.altair_chart(charts.ranking_dots(shown, titles), key="rankings_chart")
    st.caption(i18n.text("rankings_ties_caption", language))
    _highlight_notes(shown, warehouse.viewer.is_analyst, language)
    st.dataframe(
        shown,
        column_config=_columns(language, warehouse.viewer.is_analyst, by_sector=by_sector),
        column_order=_order(_ORDER, shown),
        hide_index=True,
        key="rankings_table",
    )
    rankings_downloads.download_buttons(
        ranked, f"cxbench-{chosen.country}-{chosen.wave}-top{top_n}", language
    )

    st.subheader(i18n.text("sector_leaders", language))
    leaders = queries.sector_leaders(warehouse, study_id, chosen.country, chosen.wave)
    leaders = rankings_table.readable(
        leaders, language, highlighted_ids(warehouse, leaders), labels, by_sector=True
    )
    st.dataframe(
        leaders,
        column_config=_columns(language, warehouse.viewer.is_analyst, by_sector=True),
        column_order=_order(_ORDER, leaders),
        hide_index=True,
        key="rankings_leaders",
    )
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

#: Columns a ranking table shows, in order: what a phone shows without scrolling
#: first (rank, name, index), then the rest.
_ORDER = ("is_highlighted", "rank_range", "company_name", "cx_index_text", "sector_label", "n_text")
_MOVER_ORDER = (
    "is_highlighted",
    "company_name",
    "change_text",
    "movement",
    "index_then_now",
    "rank_then_now",
)


def _order(columns: tuple[str, ...], shown: pd.DataFrame) -> list[str]:
    """``columns`` without the highlight tick when nothing is highlighted (a narrow
    screen has no room for an empty column)."""
    if shown["is_highlighted"].any():
        return list(columns)
    return [column for column in columns if column != "is_highlighted"]


def highlighted_ids(warehouse: queries.WarehouseFile, ranked: pd.DataFrame) -> set[str]:
    """Ids of the viewer's own organisations among ``ranked``.

    A client's are the rows the scope marks ``is_own``; an analyst has none of his
    own, so the organisation chosen on Compare (kept in the session) stands in.
    """
    if not warehouse.viewer.is_analyst:
        return set(ranked.loc[ranked["is_own"].fillna(False).astype(bool), "company_id"])
    chosen = st.session_state.get(state.ORGANISATION)
    return {chosen} & set(ranked["company_id"]) if chosen else set()


def _highlight_notes(shown: pd.DataFrame, is_analyst: bool, language: str) -> None:
    """Say who is highlighted and, where its rank is uncertain, whom it shares it with."""
    own = shown[shown["is_highlighted"]]
    if own.empty:
        return
    locale = formatting.locale(language)
    who = i18n.text("rankings_chosen" if is_analyst else "rankings_yours", language)
    notes = [
        i18n.text(
            "rankings_highlight_note",
            language,
            who=who,
            names=format_list(own["company_name"].tolist(), locale=locale),
        )
    ]
    for row in own.itertuples():
        if formatting.is_missing(row.range_best) or row.range_best == row.range_worst:
            continue
        beside = shown[
            shown["rank_place"].between(row.range_best, row.range_worst)
            & (shown["company_id"] != row.company_id)
        ]
        if not beside.empty:
            notes.append(
                i18n.text(
                    "rankings_tie_group",
                    language,
                    name=row.company_name,
                    ranks=row.rank_range,
                    names=format_list(beside["company_name"].tolist(), locale=locale),
                )
            )
    st.markdown("  \n".join(notes))


def _render_movers(
    warehouse: queries.WarehouseFile,
    chosen: sidebar.CountryWave,
    titles: dict[str, str],
    language: str,
) -> None:
    """Biggest climbers and fallers among companies ranked in both waves, each marked
    as a significant rise or fall or as no significant change."""
    st.subheader(i18n.text("movers", language))
    moved = queries.movers(warehouse, chosen.study_id, chosen.country, chosen.wave)
    if moved.empty:
        st.info(i18n.text("no_movers", language))
        return
    climbers = moved[moved["cx_index_change"] > 0].head(MOVERS_SHOWN)
    fallers = moved[moved["cx_index_change"] < 0].tail(MOVERS_SHOWN).iloc[::-1]
    shown = rankings_movers.movements(
        pd.concat([climbers, fallers], ignore_index=True),
        language,
        highlighted_ids(warehouse, moved),
    )
    st.altair_chart(charts.mover_dots(shown, titles), key="rankings_movers_chart")
    st.caption(i18n.text("rankings_movers_caption", language))
    st.dataframe(
        shown,
        column_config=_columns(language, warehouse.viewer.is_analyst, by_sector=False),
        column_order=_order(_MOVER_ORDER, shown),
        hide_index=True,
        key="rankings_movers",
    )


def _titles(language: str) -> dict[str, str]:
    """Translated chart titles and legend words of this page."""
    roles = ("cx_index", "sector", "organisation")
    titles = {role: i18n.text(role, language) for role in roles}
    titles.update(
        rank=i18n.text("rankings_rank_range", language),
        change=i18n.text("rankings_change_label", language),
        previous=i18n.text("previous_cx_index", language),
        interval=i18n.text("rankings_index_interval", language),
        movement=i18n.text("rankings_movement", language),
        **{key: i18n.text(word, language) for key, word in rankings_movers.MOVEMENTS.items()},
    )
    return titles


def _columns(language: str, is_analyst: bool, *, by_sector: bool) -> dict[str, object]:
    """Labels of the shown text columns (``column_order`` leaves the mart's out)."""
    text = st.column_config.TextColumn
    marked = i18n.text("rankings_chosen_short" if is_analyst else "rankings_yours_short", language)
    rank = "rankings_sector_rank_range" if by_sector else "rankings_rank_range"
    return {
        "is_highlighted": st.column_config.CheckboxColumn(marked, width="small"),
        "rank_range": text(i18n.text(rank, language), width="small"),
        "company_name": text(i18n.text("organisation", language)),
        "sector_label": text(i18n.text("sector", language)),
        "cx_index_text": text(i18n.text("rankings_index_interval", language)),
        "nps_text": text("NPS"),
        "n_text": text(i18n.text("evaluations", language), width="small"),
        "movement": text(i18n.text("rankings_movement", language)),
        "change_text": text(
            i18n.text("rankings_change", language),
            help=i18n.text("rankings_change_label", language),
            width="small",
        ),
        "index_then_now": text(i18n.text("rankings_index_then_now", language)),
        "rank_then_now": text(i18n.text("rankings_previous_rank", language), width="small"),
    }
