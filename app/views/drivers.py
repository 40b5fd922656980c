"""Drivers page: how much each pillar drives advocacy and loyalty, and how much of
them the six pillars explain (R²), per country.

Importance is what the CX index weights and the Compare page's priorities multiply
by, so this page is where a client sees why one gap outranks another — and, with
each importance's 95% interval and its rank range, when two pillars cannot be told
apart (0.221 against 0.203 decides nothing when the intervals overlap). Every number
on screen is text made by :mod:`cxbench.app.formatting`, beside the mart's values.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from babel.lists import format_list

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import drivers as strings
from cxbench.app.page import Page
from cxbench.app.views import coverage, sidebar


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
    country = formatting.country_name(chosen.country, language)
    st.subheader(i18n.text("drivers_heading", language, country=country, wave=chosen.wave))
    if not drivers["is_estimated"].all():
        notes = drivers["estimation_note"].dropna().unique()
        st.warning(i18n.text("not_estimated", language, note="; ".join(notes)))
    first = drivers.iloc[0]
    nps_column, loyalty_column, cases_column = st.columns(3)
    nps_column.metric(i18n.text("r2_advocacy", language), _r2(first["nps_r2"], language))
    loyalty_column.metric(i18n.text("r2_loyalty", language), _r2(first["loyalty_r2"], language))
    cases_column.metric(
        i18n.text("complete_cases", language),
        formatting.integer(first["n_complete_cases"], language),
    )

    measures = {
        "importance": i18n.text("importance", language),
        "nps_share": i18n.text("share_of_advocacy", language),
        "loyalty_share": i18n.text("share_of_loyalty", language),
    }
    titles = {
        "pillar": i18n.text("pillar", language),
        "share": i18n.text("share", language),
        "importance": measures["importance"],
        "country": i18n.text("country", language),
        "wave": i18n.text("wave", language),
        "ci_low": i18n.text("drivers_ci_low", language),
        "ci_high": i18n.text("drivers_ci_high", language),
    }
    # importance only: the two shares it combines are in the table, and a legend of
    # their long names would not fit a phone
    chosen_measures = {"importance": measures["importance"]}
    st.altair_chart(
        charts.importance_intervals(long_measures(drivers, chosen_measures), titles),
        key="drivers_chart",
    )
    st.caption(i18n.text("drivers_caption", language))
    shown = readable(drivers, language)
    if shown["importance_ci_low"].notna().any():
        st.caption(i18n.text("drivers_ties_caption", language))
        st.markdown(_top_sentence(shown, language))
    coverage.unmeasured_note(
        queries.pillar_coverage(warehouse, chosen.study_id, chosen.country, chosen.wave, language),
        language,
    )
    text = st.column_config.TextColumn
    st.dataframe(
        shown,
        column_config={
            "pillar_label": text(i18n.text("pillar", language)),
            "importance_text": text(i18n.text("drivers_importance_interval", language)),
            "rank_range": text(i18n.text("drivers_rank_range", language), width="small"),
            "nps_share_text": text(measures["nps_share"]),
            "loyalty_share_text": text(measures["loyalty_share"]),
        },
        column_order=(
            "pillar_label",
            "importance_text",
            "rank_range",
            "nps_share_text",
            "loyalty_share_text",
        ),
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
    long["sample"] = [
        f"{formatting.country_name(country, language)} {wave}"
        for country, wave in zip(long["country"], long["wave"], strict=True)
    ]
    st.altair_chart(charts.r2_points(long, titles), key="drivers_r2_chart")
    shown = variance.assign(
        country_text=[formatting.country_name(code, language) for code in variance["country"]],
        nps_r2_text=[_r2(value, language) for value in variance["nps_r2"]],
        loyalty_r2_text=[_r2(value, language) for value in variance["loyalty_r2"]],
        cases_text=[formatting.integer(n, language) for n in variance["n_complete_cases"]],
    )
    text = st.column_config.TextColumn
    st.dataframe(
        shown,
        column_config={
            "country_text": text(i18n.text("country", language)),
            "wave": st.column_config.NumberColumn(i18n.text("wave", language), format="%d"),
            "nps_r2_text": text(outcomes["nps_r2"]),
            "loyalty_r2_text": text(outcomes["loyalty_r2"]),
            "cases_text": text(i18n.text("complete_cases", language)),
        },
        column_order=("country_text", "wave", "nps_r2_text", "loyalty_r2_text", "cases_text"),
        hide_index=True,
        key="drivers_r2_table",
    )


def _r2(value: float | None, language: str) -> str:
    """Three decimals (R² differences are small), or a dash when not estimated."""
    return formatting.decimal(value, language, 3)


def long_measures(drivers: pd.DataFrame, measures: dict[str, str]) -> pd.DataFrame:
    """One row per pillar × measure (``value``, ``ci_low``, ``ci_high``; the shares
    have no interval), ``measure`` translated by ``measures``."""
    frames = []
    for column, word in measures.items():
        is_importance = column == "importance"
        frames.append(
            pd.DataFrame(
                {
                    "pillar_label": drivers["pillar_label"],
                    "sort_order": drivers["sort_order"],
                    "measure": word,
                    "value": pd.to_numeric(drivers[column], errors="coerce"),
                    "ci_low": pd.to_numeric(
                        drivers["importance_ci_low"] if is_importance else None, errors="coerce"
                    ),
                    "ci_high": pd.to_numeric(
                        drivers["importance_ci_high"] if is_importance else None, errors="coerce"
                    ),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def rank_ranges(low: pd.Series, high: pd.Series) -> list[tuple[int, int] | None]:
    """Each pillar's importance ranks it could take: best = 1 + pillars whose interval
    lies wholly above its own, worst = pillars − those wholly below (None without one)."""
    known = [
        (float(lo), float(hi))
        for lo, hi in zip(low, high, strict=True)
        if not (formatting.is_missing(lo) or formatting.is_missing(hi))
    ]
    ranges: list[tuple[int, int] | None] = []
    for lo, hi in zip(low, high, strict=True):
        if formatting.is_missing(lo) or formatting.is_missing(hi):
            ranges.append(None)
            continue
        above = sum(other_low > hi for other_low, _ in known)
        below = sum(other_high < lo for _, other_high in known)
        ranges.append((1 + above, len(known) - below))
    return ranges


def readable(drivers: pd.DataFrame, language: str) -> pd.DataFrame:
    """``drivers`` plus the texts a person reads, in the language; values unchanged."""
    shown = drivers.copy()
    shown["importance_text"] = [
        _with_interval(value, low, high, language)
        for value, low, high in zip(
            drivers["importance"],
            drivers["importance_ci_low"],
            drivers["importance_ci_high"],
            strict=True,
        )
    ]
    shown["rank_range"] = [
        _range_text(place, rank)
        for place, rank in zip(
            rank_ranges(drivers["importance_ci_low"], drivers["importance_ci_high"]),
            drivers["importance_rank"],
            strict=True,
        )
    ]
    for share in ("nps_share", "loyalty_share"):
        shown[f"{share}_text"] = [formatting.decimal(v, language, 3) for v in drivers[share]]
    return shown


def _with_interval(value: object, low: object, high: object, language: str) -> str:
    """``0,250 (0,211–0,289)``, or the value alone without an interval."""
    text = formatting.decimal(value, language, 3)
    if formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return f"{text} ({formatting.interval(low, high, language, 3)})"


def _range_text(place: tuple[int, int] | None, rank: object) -> str:
    """``1–3``, ``2``, or the mart's rank alone when there is no interval."""
    if place is None:
        return formatting.MISSING if formatting.is_missing(rank) else str(int(rank))
    best, worst = place
    return str(best) if best == worst else f"{best}–{worst}"


def _top_sentence(shown: pd.DataFrame, language: str) -> str:
    """Which pillar matters most, or which pillars cannot be told apart for first place."""
    first = [
        label
        for label, text in zip(shown["pillar_label"], shown["rank_range"], strict=True)
        if text.split("–")[0] == "1"
    ]
    if len(first) == 1:
        return i18n.text("drivers_top_certain", language, name=first[0])
    names = format_list(first, locale=formatting.locale(language))
    return i18n.text("drivers_top_uncertain", language, names=names)
