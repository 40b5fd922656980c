"""Compare page: each pillar behind, level or ahead of the leader, the sector average and
the national average (``fct_pillar_comparisons``), as a chart and a narrow table.

One sign convention: every difference is "you − comparator" (negative = behind),
labelled so; the direction word and colour come from the mart's test at its
confidence level (level = not significant).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n
from cxbench.app.views import compare_sections, compare_text

#: Comparators in the order they are shown -> i18n key of the column "you − …".
COMPARATORS = {
    "leader": "cmp_you_minus_leader_short",
    "sector": "cmp_you_minus_sector",
    "country": "cmp_you_minus_country",
}


def chart_rows(comparisons: pd.DataFrame, language: str) -> pd.DataFrame:
    """The comparisons with a difference, in the columns of ``charts.difference_dots``:
    the 95% interval of the difference from its standard error."""
    rows = comparisons[
        comparisons["difference"].notna() & comparisons["comparator"].isin(COMPARATORS)
    ]
    # leader, sector, nation: the order of the legend and of the dots in a pillar's row
    order = {kind: position for position, kind in enumerate(COMPARATORS)}
    rows = (
        rows.assign(_order=rows["comparator"].map(order))
        .sort_values(["sort_order", "_order"])
        .drop(columns="_order")
    )
    critical = rows["confidence_level"].map(compare_text.critical_value)
    half_width = critical * rows["difference_std_error"].fillna(0.0)
    rows = rows.assign(
        group=rows["comparator"].map(lambda kind: i18n.text(COMPARATORS[kind], language)),
        low=rows["difference"] - half_width,
        high=rows["difference"] + half_width,
    )
    rows["direction_label"] = compare_text.labelled(rows, compare_text.DIRECTION_KEYS, language)
    return rows


def table_rows(comparisons: pd.DataFrame, language: str) -> pd.DataFrame:
    """One row per pillar: per comparator the difference, its direction and the text
    "−0,41 behind" (``<comparator>_text``); mart values kept beside the text."""
    pillars = (
        comparisons[["pillar_id", "sort_order", "pillar_label"]]
        .drop_duplicates("pillar_id")
        .sort_values("sort_order")
    )
    for kind in COMPARATORS:
        rows = comparisons.loc[
            comparisons["comparator"] == kind, ["pillar_id", "difference", "direction"]
        ].rename(columns={"difference": f"{kind}_difference", "direction": f"{kind}_direction"})
        pillars = pillars.merge(rows, on="pillar_id", how="left")
        pillars[f"{kind}_text"] = [
            compare_text.difference(value, direction, language)
            for value, direction in zip(
                pillars[f"{kind}_difference"], pillars[f"{kind}_direction"], strict=True
            )
        ]
    return pillars


def render(comparisons: pd.DataFrame, is_leader: bool, language: str) -> None:
    """The section: heading, difference chart, caption and table (nothing without rows)."""
    if comparisons.empty:
        return
    st.subheader(i18n.text("cmp_directions_heading", language))
    shown = comparisons
    if is_leader:  # the leader against itself is always level: leave that column out
        shown = comparisons[comparisons["comparator"] != "leader"]
    plotted = chart_rows(shown, language)
    if not plotted.empty:
        st.altair_chart(
            charts.difference_dots(plotted, compare_sections.chart_titles(language)),
            key="compare_direction_chart",
        )
    st.caption(i18n.text("cmp_directions_caption", language))
    table = table_rows(shown, language)
    kinds = [kind for kind in COMPARATORS if not (is_leader and kind == "leader")]
    st.dataframe(
        table.drop(columns=["pillar_id", "sort_order"]),
        column_order=["pillar_label", *(f"{kind}_text" for kind in kinds)],
        column_config={
            "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
            **{
                f"{kind}_text": st.column_config.TextColumn(i18n.text(COMPARATORS[kind], language))
                for kind in kinds
            },
        },
        hide_index=True,
        key="compare_direction_table",
    )
    missing = table[[f"{kind}_difference" for kind in kinds]].isna().all()
    if missing.any():
        st.caption(formatting.MISSING + " " + i18n.text("cmp_comparator_missing", language))
