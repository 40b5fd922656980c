"""Maturity page: an organisation's CX maturity profile against its sector leader and sector.

Clients see where they stand with customers on the Compare page; here they see what
in their organisation to change. The profile shows the managers' mean score on the
six management pillars (seed 001) and the seven maturity steps (seed 002), next to
the sector leader's and the sector's; the suggested next step is the item with the
highest priority in ``fct_maturity_priorities`` — the weakest among those that go
most with the CX index across organisations. The evidence behind that weighting
(correlations, intervals, number of organisations) is the last section.

Layout only: numbers from :mod:`cxbench.app.queries`, words from :mod:`cxbench.app.i18n`, the chart
from :mod:`cxbench.app.charts`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import maturity as strings
from cxbench.app.page import Page
from cxbench.app.views import sidebar


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
    sectors = queries.sector_labels(warehouse, language)
    sector = sectors.get(stage["sector_code"], stage["sector_name"]) or formatting.MISSING
    st.subheader(
        i18n.text(
            "maturity_heading",
            language,
            org=org,
            sector=sector,
            country=formatting.country_name(country, language),
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
    score_column.metric(
        i18n.text("overall_maturity", language),
        formatting.decimal(stage["overall_score"], language),
    )
    managers_column.metric(
        i18n.text("managers", language), formatting.integer(stage["n_respondents"], language)
    )
    leader_stage = stage["leader_stage"]
    leader_column.metric(
        i18n.text("leader_stage", language),
        formatting.MISSING
        if formatting.is_missing(leader_stage)
        else i18n.text("stage_of", language, stage=leader_stage),
    )


def _render_next_step(profile: pd.DataFrame, stage: dict[str, Any], language: str) -> None:
    """The one suggested next step, then where the organisation stands on the ladder.

    There is one answer to "what next": the top-priority item (docs/methodology.md,
    "Priority"). The ladder sentence only says how far the organisation has climbed;
    naming the first rung not reached as a "next step" too gave two different
    answers whenever the priority weighed another item higher.
    """
    if not profile.empty:
        first = profile.sort_values("priority_rank").iloc[0]
        if pd.isna(first["priority"]):
            message = i18n.text(
                "next_step_weakest",
                language,
                item=first["item_label"],
                score=formatting.decimal(first["score"], language),
            )
        else:
            message = i18n.text(
                "next_step",
                language,
                item=first["item_label"],
                score=formatting.decimal(first["score"], language),
                leader=formatting.decimal(first["leader_score"], language),
                n=formatting.integer(first.get("n_link_companies"), language),
                r=formatting.decimal(first["cee_correlation"], language),
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
                stage=formatting.integer(stage["maturity_stage"], language),
            )
        )


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
    axis = i18n.text("maturity_score_axis", language)
    chart = charts.maturity_profile(long, order, list(series.values()), axis)
    st.altair_chart(chart, key="maturity_chart")
    st.caption(i18n.text("maturity_profile_caption", language))
    text = st.column_config.TextColumn
    columns = {
        "priority_text": text(i18n.text("priority_rank", language)),
        "item_label": text(i18n.text("maturity_item", language)),
        "score_text": text(i18n.text("your_score_spread", language)),
        "sector_text": text(i18n.text("sector_average", language)),
        "leader_text": text(i18n.text("leader_score", language)),
        "link_text": text(i18n.text("link_cee", language)),
    }
    st.dataframe(
        _profile_text(profile, language),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="maturity_profile_table",
    )


def _profile_text(profile: pd.DataFrame, language: str) -> pd.DataFrame:
    """The profile plus narrow text columns in the reader's number format.

    The mart's numbers stay (hidden); the table shows the score with the managers'
    spread in one column ("3,45 ± 0,80 (n = 3)") and the link as "r = 0,41 *" (the
    star: significant), so it fits a phone.
    """

    def score(row: pd.Series) -> str:
        text = formatting.decimal(row["score"], language)
        if not formatting.is_missing(row["score_sd"]):
            text += f" ± {formatting.decimal(row['score_sd'], language)}"
        return f"{text} (n = {formatting.integer(row['n_respondents'], language)})"

    def link(row: pd.Series) -> str:
        if formatting.is_missing(row["cee_correlation"]):
            return formatting.MISSING
        significant = row["is_link_significant"]
        star = " *" if not formatting.is_missing(significant) and bool(significant) else ""
        return f"r = {formatting.decimal(row['cee_correlation'], language)}{star}"

    rows = len(profile) > 0
    return profile.assign(
        priority_text=[formatting.integer(v, language) for v in profile["priority_rank"]],
        score_text=profile.apply(score, axis=1) if rows else [],
        sector_text=[formatting.decimal(v, language) for v in profile["sector_avg_score"]],
        leader_text=[formatting.decimal(v, language) for v in profile["leader_score"]],
        link_text=profile.apply(link, axis=1) if rows else [],
    )


def _render_links(links: pd.DataFrame, wave: int, language: str) -> None:
    """The evidence: each item's link with the CX index, then with each pillar score."""
    st.subheader(i18n.text("links_heading", language, wave=wave))
    if links.empty:
        st.info(i18n.text("no_maturity", language))
        return
    overall = links["item_id"] == "overall"
    links.loc[overall, "item_label"] = i18n.text("overall_item", language)
    yes, no = i18n.text("yes", language), i18n.text("no", language)
    pillar_columns = [column for column in links.columns if column.startswith("r · ")]
    shown = links.assign(
        n_text=[formatting.integer(v, language) for v in links["n_companies"]],
        correlation_text=[
            f"{formatting.decimal(r, language)} ({formatting.interval(low, high, language)})"
            if not formatting.is_missing(r)
            else formatting.MISSING
            for r, low, high in zip(
                links["correlation"],
                links["correlation_ci_low"],
                links["correlation_ci_high"],
                strict=True,
            )
        ],
        slope_text=[formatting.decimal(v, language) for v in links["slope"]],
        significant_text=[
            formatting.MISSING if formatting.is_missing(v) else (yes if v else no)
            for v in links["is_significant"]
        ],
        **{
            f"{column} (text)": [formatting.decimal(v, language) for v in links[column]]
            for column in pillar_columns
        },
    )
    text = st.column_config.TextColumn
    columns = {
        "item_label": text(i18n.text("maturity_item", language)),
        "correlation_text": text(i18n.text("link_cee_interval", language)),
        "slope_text": text(i18n.text("slope", language)),
        "significant_text": text(i18n.text("link_significant", language)),
        "n_text": text(i18n.text("n_organisations", language)),
    }
    st.dataframe(
        shown,
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="maturity_links_table",
    )
    st.caption(i18n.text("links_caption", language))
    if pillar_columns:
        with st.expander(i18n.text("links_by_pillar", language)):
            by_pillar = {"item_label": text(i18n.text("maturity_item", language))}
            by_pillar |= {f"{column} (text)": text(column) for column in pillar_columns}
            st.dataframe(
                shown[["item_id", *by_pillar]],
                column_config=by_pillar,
                column_order=list(by_pillar),
                hide_index=True,
                key="maturity_pillar_links_table",
            )
