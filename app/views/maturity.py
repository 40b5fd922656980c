"""Maturity page: an organisation's CX maturity profile against its sector leader and sector.

Clients see where they stand with customers on the Compare page; here they see what
in their organisation to change. The profile shows the managers' mean score on the
six management pillars (seed 001) and the seven maturity steps (seed 002), next to
the sector leader's and the sector's; the suggested next step is the item with the
highest priority in ``fct_maturity_priorities`` — the weakest among those that go
most with the CX index across organisations. The evidence behind that weighting
(correlations, intervals, number of organisations) is the last section.

Layout only: numbers from :mod:`app.queries`, words from :mod:`app.i18n`. The chart
is built here because it is this page's alone.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app import i18n, queries, state
from app.i18n import maturity as strings
from app.page import Page
from app.views import sidebar


def _select(warehouse: queries.WarehouseFile, language: str) -> sidebar.Selection | None:
    """Country, wave and assessed organisation; None when nothing is assessed there.

    The organisation starts from the one chosen on Compare when it was assessed.
    """
    return sidebar.organisation_selectors(
        warehouse,
        language,
        _assessed_organisations,
        state.MATURITY_ORGANISATION,
        default=st.session_state.get(state.ORGANISATION),
    )


def _assessed_organisations(
    warehouse: queries.WarehouseFile, study_id: str, country: str, wave: int
) -> dict[str, str]:
    """Organisations with a maturity assessment (none when the marts are absent).

    Assessments belong to no study (their customer side is the build's maturity
    reference study), so ``study_id`` only shaped the country and wave offered.
    """
    if not queries.maturity_available(warehouse):
        return {}
    return queries.maturity_organisations(warehouse, country, wave)


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Selectors, headline, next step, profile against leader and sector, evidence."""
    selection = _select(warehouse, language)
    stage = (
        queries.maturity_stage(warehouse, selection.wave, selection.company_id, language)
        if selection
        else None
    )
    if selection is None or stage is None:
        st.info(i18n.text("no_maturity", language))
        return
    wave, country, company_id = selection.wave, selection.country, selection.company_id
    org = stage["company_name"]
    st.subheader(
        i18n.text(
            "maturity_heading",
            language,
            org=org,
            sector=stage["sector_name"] or "—",
            country=country,
            wave=wave,
        )
    )
    _render_headline(stage, language)
    profile = queries.maturity_profile(warehouse, wave, company_id, language)
    _render_next_step(profile, stage, language)
    if stage["leader_name"] and stage["leader_stage"] is None:
        st.caption(i18n.text("leader_not_assessed", language, leader=stage["leader_name"]))
    elif stage["leader_name"]:
        st.caption(i18n.text("maturity_leader_is", language, leader=stage["leader_name"]))
    _render_profile(profile, org, stage["leader_name"], language)
    _render_links(queries.maturity_links(warehouse, wave, language), wave, language)


PAGE = Page(
    slug="maturity",
    title_key="maturity_page",
    icon=":material/stairs:",
    render=render,
    strings=strings.STRINGS,
    url_keys={**state.COUNTRY_WAVE_PARAMS, state.MATURITY_ORGANISATION: "assessed"},
)


def _render_headline(stage: dict[str, Any], language: str) -> None:
    """Stage, overall score, managers, and the sector leader's stage."""
    stage_column, score_column, managers_column, leader_column = st.columns(4)
    stage_column.metric(
        i18n.text("maturity_stage", language),
        i18n.text("stage_of", language, stage=stage["maturity_stage"]),
    )
    score_column.metric(i18n.text("overall_maturity", language), f"{stage['overall_score']:.2f}")
    managers_column.metric(i18n.text("managers", language), str(stage["n_respondents"]))
    leader_stage = stage["leader_stage"]
    leader_column.metric(
        i18n.text("leader_stage", language),
        "—" if leader_stage is None else i18n.text("stage_of", language, stage=leader_stage),
    )


def _render_next_step(profile: pd.DataFrame, stage: dict[str, Any], language: str) -> None:
    """The top-priority item, then where the organisation stands on the ladder of steps."""
    if not profile.empty:
        first = profile.sort_values("priority_rank").iloc[0]
        if pd.isna(first["priority"]):
            message = i18n.text(
                "next_step_weakest", language, item=first["item_label"], score=_two(first["score"])
            )
        else:
            message = i18n.text(
                "next_step",
                language,
                item=first["item_label"],
                score=_two(first["score"]),
                leader=_two(first["leader_score"]),
                n=_link_organisations(first),
                r=_two(first["cee_correlation"]),
            )
        st.success(message)
    if stage["next_step_label"] is None:
        st.markdown(i18n.text("ladder_top", language, org=stage["company_name"]))
    else:
        reached = stage["stage_label"] or i18n.text("ladder_none", language)
        st.markdown(
            i18n.text(
                "ladder_position",
                language,
                org=stage["company_name"],
                reached=reached,
                next=stage["next_step_label"],
            )
        )


def _link_organisations(row: pd.Series) -> str:
    """How many organisations the priority's link with the CX index rests on."""
    value = row.get("n_link_companies")
    return "—" if value is None or pd.isna(value) else str(int(value))


def _render_profile(profile: pd.DataFrame, org: str, leader: str | None, language: str) -> None:
    """Chart and table: the organisation, its sector leader and its sector, per item."""
    series = {
        "score": org,
        "leader_score": leader or i18n.text("leader_score", language),
        "sector_avg_score": i18n.text("sector_average", language),
    }
    long = profile.melt(
        id_vars=["item_label", "item_group", "sort_order", "score_sd"],
        value_vars=list(series),
        var_name="series",
        value_name="value",
    ).dropna(subset=["value"])
    long["sd"] = long["score_sd"].where(long["series"] == "score")
    long["series"] = long["series"].map(series)
    long["group"] = long["item_group"].map(lambda group: i18n.text(group, language))
    order = profile.sort_values(["item_group", "sort_order"])["item_label"].tolist()
    chart = _profile_chart(long, order, list(series.values()), language)
    st.altair_chart(chart, key="maturity_chart")
    st.caption(i18n.text("maturity_profile_caption", language))
    number = st.column_config.NumberColumn
    st.dataframe(
        profile.assign(item_group=profile["item_group"].map(lambda g: i18n.text(g, language))),
        column_config={
            "item_id": None,
            "sort_order": None,
            "priority": None,
            "gap_to_leader": None,
            "n_sector_companies": None,
            "n_link_companies": None,
            "item_label": st.column_config.TextColumn(i18n.text("maturity_item", language)),
            "item_group": st.column_config.TextColumn(i18n.text("maturity_group", language)),
            "score": number(i18n.text("your_score", language), format="%.2f"),
            "score_sd": number(i18n.text("manager_spread", language), format="%.2f"),
            "n_respondents": number(i18n.text("managers", language), format="%d"),
            "sector_avg_score": number(i18n.text("sector_average", language), format="%.2f"),
            "leader_score": number(i18n.text("leader_score", language), format="%.2f"),
            "cee_correlation": number(i18n.text("link_cee", language), format="%.2f"),
            "is_link_significant": st.column_config.CheckboxColumn(
                i18n.text("link_significant", language)
            ),
            "priority_rank": number(i18n.text("priority_rank", language), format="%d"),
        },
        hide_index=True,
        key="maturity_profile_table",
    )


#: Organisation, sector leader, sector average: the organisation stands out.
SERIES_COLOURS = ["#1f4e99", "#f28e2b", "#9d9d9d"]


def _profile_chart(
    long: pd.DataFrame, order: list[str], series: list[str], language: str
) -> alt.LayerChart:
    """One row per item, a point per series on 1–5; a rule of ± sd around the organisation."""
    y = alt.Y("item_label:N", sort=order, title=None)
    scale = alt.Scale(domain=[1, 5])
    colour = alt.Color("series:N", title=None, scale=alt.Scale(domain=series, range=SERIES_COLOURS))
    base = alt.Chart(long)
    spread = (
        base.transform_filter("isValid(datum.sd)")
        .transform_calculate(
            low="max(1, datum.value - datum.sd)", high="min(5, datum.value + datum.sd)"
        )
        .mark_rule()
        .encode(y=y, x=alt.X("low:Q", scale=scale), x2="high:Q", color=colour)
    )
    points = base.mark_point(filled=True, size=80).encode(
        y=y,
        x=alt.X("value:Q", scale=scale, title=i18n.text("maturity_score_axis", language)),
        color=colour,
        shape=alt.Shape("group:N", title=None),
        tooltip=["series:N", "item_label:N", alt.Tooltip("value:Q", format=".2f")],
    )
    return alt.layer(spread, points).properties(height=alt.Step(22))


def _render_links(links: pd.DataFrame, wave: int, language: str) -> None:
    """The evidence: each item's link with the CX index and the pillar scores."""
    st.subheader(i18n.text("links_heading", language, wave=wave))
    if links.empty:
        st.info(i18n.text("no_maturity", language))
        return
    overall = links["item_id"] == "overall"
    links.loc[overall, "item_label"] = i18n.text("overall_item", language)
    number = st.column_config.NumberColumn
    pillar_columns = {
        column: number(column, format="%.2f")
        for column in links.columns
        if column.startswith("r · ")
    }
    st.dataframe(
        links,
        column_config={
            "item_id": None,
            "item_group": None,
            "sort_order": None,
            "is_estimable": None,
            "item_label": st.column_config.TextColumn(i18n.text("maturity_item", language)),
            "n_companies": number(i18n.text("n_organisations", language), format="%d"),
            "correlation": number(i18n.text("link_cee", language), format="%.2f"),
            "correlation_ci_low": number(i18n.text("ci_low", language), format="%.2f"),
            "correlation_ci_high": number(i18n.text("ci_high", language), format="%.2f"),
            "slope": number(i18n.text("slope", language), format="%.2f"),
            "slope_ci_low": None,
            "slope_ci_high": None,
            "is_significant": st.column_config.CheckboxColumn(
                i18n.text("link_significant", language)
            ),
            **pillar_columns,
        },
        hide_index=True,
        key="maturity_links_table",
    )
    st.caption(i18n.text("links_caption", language))


def _two(value: object) -> str:
    """Two decimals, or a dash when the mart has no value."""
    return "—" if value is None or pd.isna(value) else f"{float(value):.2f}"
