"""Channels page: one organisation's pillar scores per contact channel, and how
consistent its experience is across them.

Layout only: numbers from :mod:`cxbench.app.queries.channels`, the chart from
:mod:`cxbench.app.charts`, words from :mod:`cxbench.app.i18n.channels`, number texts from
:mod:`cxbench.app.formatting`. The organisation is chosen with Compare's selectors and
session key, so a link from Compare opens the same organisation here. A channel
below the base is shown as "too few answers", never as a number; a client sees its
own organisations only (the scope macros), and its sector's typical spread only
where that is an undisclosable-free aggregate (:mod:`cxbench.app.queries.scope.channels`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import channels as strings
from cxbench.app.page import Page
from cxbench.app.queries import channels as channel_queries
from cxbench.app.views import sidebar


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Selectors, heading, dot plot, below-base note, spread per pillar and the table."""
    selection = sidebar.organisation_selectors(
        warehouse, language, queries.organisations, state.ORGANISATION
    )
    organisation = (
        queries.company_score(
            warehouse, selection.study_id, selection.country, selection.wave, selection.company_id
        )
        if selection
        else None
    )
    if selection is None or organisation is None:
        st.info(i18n.text("channels_no_scores", language))
        return
    scores = channel_queries.channel_scores(
        warehouse,
        selection.study_id,
        selection.country,
        selection.wave,
        selection.company_id,
        language,
    )
    if scores.empty:
        st.info(i18n.text("channels_no_scores", language))
        return
    st.subheader(
        i18n.text(
            "channels_heading",
            language,
            org=organisation.company_name,
            country=formatting.country_name(selection.country, language),
            wave=selection.wave,
        )
    )
    scores = with_texts(scores, language)
    channels = channel_order(scores)
    reported = scores[scores["is_reportable"]]
    if not reported.empty:
        drawn = [label for label in channels if label in set(reported["channel_label"])]
        st.altair_chart(
            charts.channel_dots(reported, drawn, _chart_titles(language)),
            key="channels_chart",
        )
        st.caption(i18n.text("channels_chart_caption", language))
    _too_few_note(scores, language)
    spreads = channel_queries.channel_sector_spreads(
        warehouse, selection.study_id, selection.country, selection.wave, organisation.sector_code
    )
    _differences(scores, spreads, language)
    _per_channel_table(scores, channels, language)


PAGE = Page(
    slug="channels",
    title_key="channels_page",
    icon=":material/alt_route:",
    render=render,
    strings=strings.STRINGS,
    tables=channel_queries.CHANNEL_TABLES,
    url_keys={**state.COUNTRY_WAVE_PARAMS, state.ORGANISATION: "org"},
)


def channel_label(channel: str, language: str) -> str:
    """A channel's name in the language; a channel the app has no word for, as stored."""
    if channel in strings.KNOWN_CHANNELS:
        return i18n.text(f"channel_{channel}", language)
    return channel


def channel_order(scores: pd.DataFrame) -> list[str]:
    """Channel labels in a fixed order (store, web, app, phone, chat, others, not given)."""
    known = {channel: position for position, channel in enumerate(strings.KNOWN_CHANNELS)}
    present = scores.drop_duplicates("channel")
    ordered = sorted(
        zip(present["channel"], present["channel_label"], strict=True),
        key=lambda pair: (known.get(pair[0], len(known) - 1.5), pair[1]),
    )
    return [label for _, label in ordered]


def with_texts(scores: pd.DataFrame, language: str) -> pd.DataFrame:
    """The query's rows plus display-only text columns; the numbers stay unrounded."""
    frame = scores.copy()
    frame["channel_label"] = [channel_label(c, language) for c in frame["channel"]]
    frame["score_text"] = [_score_text(row, language) for row in frame.itertuples(index=False)]
    frame["n_text"] = [formatting.integer(n, language) for n in frame["n_evaluations"]]
    frame["difference_text"] = [
        _difference_text(row.difference, row.direction, language)
        for row in frame.itertuples(index=False)
    ]
    return frame


def _score_text(row: object, language: str) -> str:
    """'7,20 (6,90–7,50)', or 'too few answers (n = 12)' below the channel base."""
    if not row.is_reportable:
        return i18n.text(
            "channels_too_few", language, n=formatting.integer(row.n_evaluations or 0, language)
        )
    interval = formatting.interval(row.ci_low, row.ci_high, language)
    return f"{formatting.decimal(row.mean_score, language)} ({interval})"


def _difference_text(difference: float | None, direction: str | None, language: str) -> str:
    """'−0,85 behind' (channel − other channels), or a dash when there is no comparison."""
    if formatting.is_missing(difference) or formatting.is_missing(direction):
        return formatting.MISSING
    word = i18n.text(f"channels_{direction}", language)
    return f"{formatting.signed(difference, language)} {word}"


def _chart_titles(language: str) -> dict[str, str]:
    roles = ("pillar", "channel", "score", "difference", "n")
    return {role: i18n.text(f"channels_{role}", language) for role in roles}


def _too_few_note(scores: pd.DataFrame, language: str) -> None:
    """Name the channels too few answered for any pillar score, with their largest base."""
    reportable = scores.groupby("channel_label", sort=False)["is_reportable"].any()
    silent = reportable[~reportable].index
    if silent.empty:
        return
    largest = (
        scores[scores["channel_label"].isin(silent)]
        .groupby("channel_label", sort=False)["n_evaluations"]
        .max()
    )
    listed = ", ".join(
        f"{label} (n = {formatting.integer(n if not formatting.is_missing(n) else 0, language)})"
        for label, n in largest.items()
    )
    base = formatting.integer(scores["min_channel_base"].max(), language)
    st.info(i18n.text("channels_too_few_note", language, base=base, channels=listed))


def _differences(scores: pd.DataFrame, spreads: pd.DataFrame, language: str) -> None:
    """Spread per pillar against the sector's typical spread, and the channels behind."""
    st.subheader(i18n.text("channels_differ_heading", language))
    pillars = scores.drop_duplicates("pillar_id")[
        ["pillar_id", "pillar_label", "sort_order", "channel_spread", "n_reportable_channels"]
    ]
    if pillars["channel_spread"].isna().all():
        st.info(i18n.text("channels_no_spread", language))
        return
    table = pillars.merge(spreads, on="pillar_id", how="left").sort_values("sort_order")
    lowest = (
        scores[scores["is_reportable"]]
        .sort_values("mean_score")
        .drop_duplicates("pillar_id")
        .set_index("pillar_id")
    )
    table["spread_text"] = [formatting.decimal(v, language) for v in table["channel_spread"]]
    table["sector_text"] = [
        # one company's spread is not a sector's typical spread, even for an analyst
        formatting.MISSING
        if formatting.is_missing(spread) or n < 2
        else i18n.text(
            "channels_sector_spread_value",
            language,
            spread=formatting.decimal(spread, language),
            n=formatting.integer(n, language),
        )
        for spread, n in zip(table["median_channel_spread"], table["n_companies"], strict=True)
    ]
    table["lowest_text"] = [
        _lowest_text(lowest.loc[pillar], language)
        if pillar in lowest.index and not formatting.is_missing(spread)
        else formatting.MISSING
        for pillar, spread in zip(table["pillar_id"], table["channel_spread"], strict=True)
    ]
    sector_shown = bool((table["n_companies"] >= 2).any())
    columns = {
        "pillar_label": "channels_pillar",
        "spread_text": "channels_spread",
        # a column of dashes would only push the lowest channel off a phone's screen
        **({"sector_text": "channels_sector_spread"} if sector_shown else {}),
        "lowest_text": "channels_lowest",
    }
    st.dataframe(
        table.drop(columns="pillar_id"),
        column_order=list(columns),
        column_config={
            column: st.column_config.TextColumn(i18n.text(key, language))
            for column, key in columns.items()
        },
        hide_index=True,
        key="channels_spread_table",
    )
    st.caption(i18n.text("channels_spread_caption", language))
    if not sector_shown:
        st.caption(i18n.text("channels_sector_withheld", language))
    _behind_note(scores, language)


def _lowest_text(row: pd.Series, language: str) -> str:
    """'App: 6,40 (−1,11 behind)': the pillar's lowest channel and how it compares."""
    text = f"{row['channel_label']}: {formatting.decimal(row['mean_score'], language)}"
    if row["difference_text"] != formatting.MISSING:
        text += f" ({row['difference_text']})"
    return text


def _behind_note(scores: pd.DataFrame, language: str) -> None:
    """List the pillar × channel pairs significantly behind the other channels."""
    behind = scores[scores["direction"] == "behind"].sort_values(["sort_order", "difference"])
    if behind.empty:
        st.success(i18n.text("channels_none_below", language))
        return
    items = "; ".join(
        i18n.text(
            "channels_below_item",
            language,
            pillar=row.pillar_label,
            channel=row.channel_label,
            difference=formatting.signed(row.difference, language),
        )
        for row in behind.itertuples(index=False)
    )
    st.warning(i18n.text("channels_below", language, items=items))


def _per_channel_table(scores: pd.DataFrame, channels: list[str], language: str) -> None:
    """Every pillar × channel: score with interval (or too few answers), difference.

    Four columns, so the table fits a phone; the evaluations are in the chart's
    tooltip, and in the text of a channel with too few of them.
    """
    st.subheader(i18n.text("channels_per_channel_heading", language))
    table = scores.assign(channel_position=scores["channel_label"].map(channels.index))
    table = table.sort_values(["sort_order", "channel_position"])
    columns = {
        "pillar_label": "channels_pillar",
        "channel_label": "channels_channel",
        "score_text": "channels_score_interval",
        "difference_text": "channels_difference",
    }
    st.dataframe(
        table.drop(columns="channel_position"),
        column_order=list(columns),
        column_config={
            column: st.column_config.TextColumn(i18n.text(key, language))
            for column, key in columns.items()
        },
        hide_index=True,
        key="channels_table",
    )
