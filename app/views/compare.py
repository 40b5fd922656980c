"""Compare page: one organisation's six pillar scores next to its sector leader's.

Layout only: every number comes from :mod:`app.queries`, every chart from
:mod:`app.charts`, every word from :mod:`app.i18n`. The selection lives in session
state under the keys of :mod:`app.state` and is mirrored into the URL, so a link
reproduces the view.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from app import charts, i18n, queries, state
from app.views import sidebar

#: What this page writes into the URL.
URL_KEYS = (state.LANGUAGE, state.COUNTRY, state.WAVE, state.ORGANISATION)


@dataclass(frozen=True)
class Selection:
    """The country × wave × organisation the user is looking at."""

    country: str
    wave: int
    company_id: str


def render() -> None:
    """Draw the page; a warehouse that cannot serve it yields a hint, never a trace."""
    language = sidebar.language_selector()
    st.title(i18n.text("compare_page", language))
    try:
        warehouse = queries.open_warehouse()
    except queries.WarehouseUnavailable as exc:
        st.info(i18n.text(exc.reason, language, path=exc.path, detail=exc.detail))
    else:
        _render_comparison(warehouse, language)
    state.mark_url_read()
    state.mirror_to_url(URL_KEYS)


def _select(warehouse: queries.WarehouseFile, language: str) -> Selection | None:
    """Draw the country, wave and organisation selectors; None if a list is empty.

    Each choice is settled before its widget is drawn (URL first, then the current
    choice), because the options of each selector depend on the one above it.
    """
    countries = queries.countries(warehouse)
    state.settle_choice(state.COUNTRY, countries)
    if not countries:
        return None
    country = st.sidebar.selectbox(
        i18n.text("country", language), options=countries, key=state.COUNTRY
    )

    waves = queries.waves(warehouse, country)
    state.settle_choice(state.WAVE, waves, parse=int)
    if not waves:
        return None
    wave = st.sidebar.selectbox(i18n.text("wave", language), options=waves, key=state.WAVE)

    names = queries.organisations(warehouse, country, wave)
    company_ids = list(names)
    state.settle_choice(state.ORGANISATION, company_ids)
    if not company_ids:
        return None
    company_id = st.sidebar.selectbox(
        i18n.text("organisation", language),
        options=company_ids,
        format_func=names.__getitem__,
        key=state.ORGANISATION,
    )
    return Selection(country=country, wave=wave, company_id=company_id)


def _render_comparison(warehouse: queries.WarehouseFile, language: str) -> None:
    """Selectors, then the status line, headline numbers, chart and table."""
    selection = _select(warehouse, language)
    organisation = (
        queries.company_score(warehouse, selection.country, selection.wave, selection.company_id)
        if selection
        else None
    )
    if selection is None or organisation is None:
        st.info(i18n.text("no_scores", language))
        return
    leader = queries.sector_leader(
        warehouse, selection.country, selection.wave, organisation.sector_code
    )

    st.subheader(
        i18n.text(
            "versus_leader",
            language,
            org=organisation.company_name,
            sector=organisation.sector_name,
            country=selection.country,
            wave=selection.wave,
        )
    )
    _render_status(organisation, leader, language)
    _render_headline(organisation, leader, language)

    compared = [organisation]
    if leader is not None and leader.company_id != organisation.company_id:
        compared.append(leader)
    scores = pd.concat(
        [
            queries.pillar_scores(
                warehouse, selection.country, selection.wave, company.company_id, language
            ).assign(series=company.company_name)
            for company in compared
        ],
        ignore_index=True,
    )
    if scores.empty:
        st.info(i18n.text("no_scores", language))
        return
    titles = {name: i18n.text(name, language) for name in ("pillar", "score", "ci_low", "ci_high")}
    st.altair_chart(charts.pillar_comparison(scores, titles))
    st.caption(i18n.text("chart_caption", language))
    _render_table(scores, [company.company_name for company in compared], language)


def _render_status(
    organisation: queries.CompanyScore, leader: queries.CompanyScore | None, language: str
) -> None:
    """Say who leads, and whether the organisation is ranked at all."""
    if organisation.is_sector_leader:
        st.success(i18n.text("is_leader", language, org=organisation.company_name))
    elif leader is None:
        st.info(i18n.text("no_leader", language))
    else:
        st.markdown(
            i18n.text(
                "leader_is",
                language,
                leader=leader.company_name,
                cx_index=_number(leader.cx_index),
            )
        )
    if not organisation.is_eligible:
        st.warning(
            i18n.text(
                "not_ranked", language, org=organisation.company_name, n=organisation.n_evaluations
            )
        )


def _render_headline(
    organisation: queries.CompanyScore, leader: queries.CompanyScore | None, language: str
) -> None:
    """CX index (with its gap to the leader), both ranks and the number of evaluations."""
    gap = None
    if (
        leader is not None
        and leader.company_id != organisation.company_id
        and leader.cx_index is not None
        and organisation.cx_index is not None
    ):
        gap = f"{organisation.cx_index - leader.cx_index:+.2f}"
    cx_column, country_column, sector_column, n_column = st.columns(4)
    cx_column.metric(i18n.text("cx_index", language), _number(organisation.cx_index), delta=gap)
    country_column.metric(
        i18n.text("rank_in_country", language),
        _rank(organisation.rank_in_country, organisation.n_ranked_in_country, language),
    )
    sector_column.metric(
        i18n.text("rank_in_sector", language),
        _rank(organisation.rank_in_sector, organisation.n_ranked_in_sector, language),
    )
    n_column.metric(i18n.text("evaluations", language), f"{organisation.n_evaluations:,}")


def _render_table(scores: pd.DataFrame, series: list[str], language: str) -> None:
    """One row per pillar; mean, interval and n for each compared company side by side.

    Column names are stable (``s0_mean`` …) and the labels translated, so the numbers
    shown stay exactly the mart's values (formatting happens in the column config).
    """
    table = scores.loc[scores["series"] == series[0], ["pillar_id", "pillar_label"]]
    config: dict[str, st.column_config.Column] = {
        "pillar_label": st.column_config.TextColumn(i18n.text("pillar", language)),
    }
    for position, name in enumerate(series):
        prefix = f"s{position}_"
        measures = scores.loc[
            scores["series"] == name,
            ["pillar_id", "mean_score", "ci_low", "ci_high", "n_evaluations"],
        ].rename(
            columns={
                "mean_score": f"{prefix}mean",
                "ci_low": f"{prefix}ci_low",
                "ci_high": f"{prefix}ci_high",
                "n_evaluations": f"{prefix}n",
            }
        )
        table = table.merge(measures, on="pillar_id", how="left")
        for measure in ("mean", "ci_low", "ci_high"):
            config[f"{prefix}{measure}"] = st.column_config.NumberColumn(
                f"{name} · {i18n.text(measure, language)}", format="%.2f"
            )
        config[f"{prefix}n"] = st.column_config.NumberColumn(
            f"{name} · {i18n.text('n', language)}", format="%d"
        )
    st.dataframe(
        table.drop(columns="pillar_id"),
        column_config=config,
        hide_index=True,
    )


def _number(value: float | None) -> str:
    """Two decimals, or a dash when the mart has no value."""
    return "—" if value is None else f"{value:.2f}"


def _rank(rank: int | None, total: int, language: str) -> str:
    """'3 of 12', or 'not ranked' for a company below the minimum base."""
    if rank is None:
        return i18n.text("not_ranked_short", language)
    return i18n.text("rank_of", language, rank=rank, total=total)
