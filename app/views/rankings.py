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
"""

from __future__ import annotations

import io
from collections.abc import Collection, Mapping

import pandas as pd
import streamlit as st
from babel.lists import format_list

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import rankings as strings
from cxbench.app.page import Page
from cxbench.app.views import coverage, sidebar

TOP_N_OPTIONS = (10, 20, 50, 100)
#: Movers listed on each side (climbers, fallers).
MOVERS_SHOWN = 10
EXCEL_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Columns made for reading only; the downloads leave them out.
DISPLAY_COLUMNS = (
    "rank_range",
    "sector_label",
    "cx_index_text",
    "nps_text",
    "n_text",
    "is_highlighted",
    "tie_group",
    "rank_place",
    "range_best",
    "range_worst",
    "band",
    "label",
)
#: A mover's direction -> its i18n key; colours in :data:`cxbench.app.charts.DIRECTION_COLOURS`.
MOVEMENTS = {"ahead": "rankings_up", "level": "rankings_level", "behind": "rankings_down"}


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
    shown = readable(ranked, language, highlighted, labels, by_sector=by_sector)
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
    _downloads(ranked, f"cxbench-{chosen.country}-{chosen.wave}-top{top_n}", language)

    st.subheader(i18n.text("sector_leaders", language))
    leaders = queries.sector_leaders(warehouse, study_id, chosen.country, chosen.wave)
    leaders = readable(
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


def rank_range(best: object, worst: object, rank: object) -> str:
    """``"2–3"`` when the ranks cannot be told apart, ``"1"`` when certain; the rank
    itself when the marts hold no range (an older warehouse)."""
    if formatting.is_missing(best) or formatting.is_missing(worst):
        return formatting.MISSING if formatting.is_missing(rank) else str(int(rank))
    if int(best) == int(worst):
        return str(int(best))
    return f"{int(best)}–{int(worst)}"


def tie_groups(best: pd.Series, worst: pd.Series) -> list[int]:
    """Group number of each row (in rank order): a group starts at an organisation and
    takes in the ones below it that could still hold its rank (their best rank is
    within its range), so "1–4" bands the first four; then the next group starts.

    Chaining every overlap instead would band a whole list of 20 whose neighbours all
    overlap a little, which says nothing.
    """
    groups: list[int] = []
    reach = -1
    for low, high in zip(best, worst, strict=True):
        certain = formatting.is_missing(low) or formatting.is_missing(high)
        if certain or int(low) > reach:
            groups.append(len(set(groups)))
            reach = -1 if certain else int(high)
        else:
            groups.append(groups[-1])
    return groups


def readable(
    ranked: pd.DataFrame,
    language: str,
    highlighted: Collection[str],
    sector_labels: Mapping[str, str],
    *,
    by_sector: bool,
) -> pd.DataFrame:
    """``ranked`` plus the text a person reads (ranges, intervals, counts and sector
    names in the language) and what the chart bands; the mart's values stay as they
    are. ``sector_labels``: ``sector_code -> name`` in the language."""
    level = "sector" if by_sector else "country"
    best, worst = ranked[f"rank_in_{level}_best"], ranked[f"rank_in_{level}_worst"]
    shown = ranked.copy()
    shown["rank_range"] = [
        rank_range(low, high, rank)
        for low, high, rank in zip(best, worst, ranked[f"rank_in_{level}"], strict=True)
    ]
    shown["cx_index_text"] = [
        _with_interval(value, low, high, language)
        for value, low, high in zip(
            ranked["cx_index"], ranked["cx_index_ci_low"], ranked["cx_index_ci_high"], strict=True
        )
    ]
    shown["sector_label"] = [
        sector_labels.get(code, name)
        for code, name in zip(ranked["sector_code"], ranked["sector_name"], strict=True)
    ]
    shown["nps_text"] = [formatting.decimal(value, language, 1) for value in ranked["nps_score"]]
    shown["n_text"] = [formatting.integer(value, language) for value in ranked["n_evaluations"]]
    shown["is_highlighted"] = ranked["company_id"].isin(list(highlighted))
    shown["rank_place"] = ranked[f"rank_in_{level}"]
    shown["range_best"], shown["range_worst"] = best, worst
    shown["tie_group"] = tie_groups(best, worst)
    shown["band"] = _bands(shown["tie_group"], shown["is_highlighted"])
    shown["label"] = [
        f"{place} · {name}"
        for place, name in zip(shown["rank_range"], shown["company_name"], strict=True)
    ]
    return shown


def _bands(groups: pd.Series, highlighted: pd.Series) -> list[str]:
    """The chart's background of each row: ``own`` for the viewer's organisation, else
    ``tie``/``tie_alt`` alternating over the groups of two or more (so two adjacent
    groups stay apart), ``""`` for an organisation whose rank is its own."""
    sizes = groups.map(groups.value_counts())
    shared = list(
        dict.fromkeys(group for group, size in zip(groups, sizes, strict=True) if size > 1)
    )
    return [
        "own" if own else ("" if size == 1 else ("tie", "tie_alt")[shared.index(group) % 2])
        for group, size, own in zip(groups, sizes, highlighted, strict=True)
    ]


def _with_interval(value: object, low: object, high: object, language: str) -> str:
    """``7,85 (7,60–8,10)``, or the value alone when the interval is missing."""
    text = formatting.decimal(value, language)
    if formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return f"{text} ({formatting.interval(low, high, language)})"


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
    shown = movements(
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


def movement(change: object, significant: object) -> str | None:
    """``ahead`` (a significant rise), ``behind`` (a significant fall) or ``level``;
    None when the marts hold no significance for the move."""
    if formatting.is_missing(change) or formatting.is_missing(significant):
        return None
    if not bool(significant):
        return "level"
    return "ahead" if float(change) > 0 else "behind"


def movements(moved: pd.DataFrame, language: str, highlighted: Collection[str]) -> pd.DataFrame:
    """Movers plus their direction word, signed change and then → now texts."""
    shown = moved.copy()
    shown["direction"] = [
        movement(change, significant)
        for change, significant in zip(
            moved["cx_index_change"], moved["is_cx_index_change_significant"], strict=True
        )
    ]
    shown["movement"] = [
        formatting.MISSING if key is None else i18n.text(MOVEMENTS[key], language)
        for key in shown["direction"]
    ]
    shown["change_text"] = [
        formatting.signed(value, language) for value in moved["cx_index_change"]
    ]
    shown["index_then_now"] = [
        f"{formatting.decimal(then, language)} → {formatting.decimal(now, language)}"
        for then, now in zip(moved["previous_cx_index"], moved["cx_index"], strict=True)
    ]
    shown["rank_then_now"] = [
        f"{_rank(then)} → {_rank(now)}"
        for then, now in zip(
            moved["previous_rank_in_country"], moved["rank_in_country"], strict=True
        )
    ]
    shown["is_highlighted"] = moved["company_id"].isin(list(highlighted))
    return shown


def _rank(value: object) -> str:
    return formatting.MISSING if formatting.is_missing(value) else str(int(value))


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
        **{key: i18n.text(word, language) for key, word in MOVEMENTS.items()},
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
    return machine_columns(frame).to_csv(index=False).encode("utf-8")


def excel_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as one Excel sheet (openpyxl), built in memory."""
    buffer = io.BytesIO()
    machine_columns(frame).to_excel(buffer, index=False, sheet_name="ranking")
    return buffer.getvalue()


def machine_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The mart's columns of ``frame``: downloads are data, not the page's text."""
    return frame.drop(columns=[column for column in DISPLAY_COLUMNS if column in frame.columns])


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_csv(frame: pd.DataFrame) -> bytes:
    return csv_bytes(frame)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_excel(frame: pd.DataFrame) -> bytes:
    return excel_bytes(frame)
