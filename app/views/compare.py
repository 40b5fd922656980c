"""Compare page: one organisation's pillar scores against its sector's leader and averages.

Layout only: every number comes from :mod:`app.queries`, every chart from
:mod:`app.charts`, every word from :mod:`app.i18n`. The selection lives in session
state under the keys of :mod:`app.state` and is mirrored into the URL, so a link
reproduces the view. The table, priority list and trend are drawn by
:mod:`app.views.compare_sections`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import charts, i18n, queries, state
from app.i18n import compare as strings
from app.page import Page
from app.views import compare_sections, coverage, sidebar


def _select(warehouse: queries.WarehouseFile, language: str) -> sidebar.Selection | None:
    """Draw the study, country, wave and organisation selectors; None if a list is empty."""
    return sidebar.organisation_selectors(
        warehouse, language, queries.organisations, state.ORGANISATION
    )


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Selectors, status line, headline numbers, chart, table, priorities and trend."""
    selection = _select(warehouse, language)
    organisation = (
        queries.company_score(
            warehouse, selection.study_id, selection.country, selection.wave, selection.company_id
        )
        if selection
        else None
    )
    if selection is None or organisation is None:
        st.info(i18n.text("no_scores", language))
        return
    study_id = selection.study_id
    leader = queries.sector_leader(
        warehouse, study_id, selection.country, selection.wave, organisation.sector_code
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
    _render_status(organisation, leader, warehouse.viewer.is_analyst, language)
    _render_headline(organisation, leader, language)
    if organisation.is_partial_coverage:
        coverage.index_note(warehouse, [organisation.cx_index_pillars], language)

    compared = [organisation]
    if leader is not None and leader.company_id != organisation.company_id:
        compared.append(leader)
    scores = pd.concat(
        [
            queries.pillar_scores(
                warehouse, study_id, selection.country, selection.wave, company.company_id, language
            ).assign(
                series=company.company_name,
                role="organisation" if company is organisation else "leader",
            )
            for company in compared
        ],
        ignore_index=True,
    )
    measured = queries.pillar_coverage(
        warehouse, study_id, selection.country, selection.wave, language
    )
    if scores.empty:
        none_measured = not measured["is_measured"].any()
        st.info(i18n.text("no_pillars_measured" if none_measured else "no_scores", language))
        return
    gaps = queries.leader_gaps(
        warehouse, study_id, selection.country, selection.wave, selection.company_id, language
    )
    benchmarks = queries.benchmark_pillars(
        warehouse, study_id, selection.country, selection.wave, organisation.sector_code, language
    )
    frame = compare_sections.chart_frame(scores, benchmarks, gaps, organisation, language)
    st.altair_chart(
        charts.pillar_comparison(
            frame.replace({"pillar_label": coverage.narrow_labels(measured, language)}),
            compare_sections.chart_titles(language),
        ),
        key="compare_chart",
    )
    st.caption(i18n.text("chart_caption", language))
    coverage.unmeasured_note(measured, language)
    compare_sections.suppression_notes(benchmarks, organisation, language)
    compare_sections.comparison_table(
        scores,
        [company.company_name for company in compared],
        benchmarks,
        gaps,
        measured,
        language,
    )
    compare_sections.priority_list(gaps, organisation, leader, language)
    compare_sections.trend(warehouse, selection, organisation, language)


PAGE = Page(
    slug="compare",
    title_key="compare_page",
    icon=":material/compare_arrows:",
    render=render,
    strings=strings.STRINGS,
    tables=(
        "marts.fct_leader_gaps",
        "marts.fct_benchmark_pillar_scores",
        "marts.fct_benchmark_scores",
    ),
    url_keys={**state.COUNTRY_WAVE_PARAMS, state.ORGANISATION: "org"},
)


def _render_status(
    organisation: queries.CompanyScore,
    leader: queries.CompanyScore | None,
    leader_named: bool,
    language: str,
) -> None:
    """Say who leads (by name to an analyst only), and whether the organisation is ranked."""
    if organisation.is_sector_leader:
        st.success(i18n.text("is_leader", language, org=organisation.company_name))
    elif leader is None and organisation.n_ranked_in_sector > 0:
        st.info(i18n.text("leader_withheld", language))
    elif leader is None:
        st.info(i18n.text("no_leader", language))
    elif leader_named:
        st.markdown(
            i18n.text(
                "leader_is",
                language,
                leader=leader.company_name,
                cx_index=compare_sections.number(leader.cx_index),
            )
        )
    else:
        cx_index = compare_sections.number(leader.cx_index)
        st.markdown(i18n.text("anonymous_leader_is", language, cx_index=cx_index))
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
    cx_column.metric(
        i18n.text("cx_index", language), compare_sections.number(organisation.cx_index), delta=gap
    )
    country_column.metric(
        i18n.text("rank_in_country", language),
        _rank(organisation.rank_in_country, organisation.n_ranked_in_country, language),
    )
    sector_column.metric(
        i18n.text("rank_in_sector", language),
        _rank(organisation.rank_in_sector, organisation.n_ranked_in_sector, language),
    )
    n_column.metric(i18n.text("evaluations", language), f"{organisation.n_evaluations:,}")


def _rank(rank: int | None, total: int, language: str) -> str:
    """'3 of 12', or 'not ranked' for a company below the minimum base."""
    if rank is None:
        return i18n.text("not_ranked_short", language)
    return i18n.text("rank_of", language, rank=rank, total=total)
