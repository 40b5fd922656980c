"""Compare page: one organisation's pillar scores against its sector's leader and averages.

Layout only: every number comes from :mod:`cxbench.app.queries`, every chart from
:mod:`cxbench.app.charts`, every word from :mod:`cxbench.app.i18n`. The selection lives in session
state under the keys of :mod:`cxbench.app.state` and is mirrored into the URL, so a link
reproduces the view. Sections: :mod:`~cxbench.app.views.compare_headline` (status, headline
numbers, NPS/CSAT/CES), :mod:`~cxbench.app.views.compare_sections` (pillar chart, scores table,
what to fix first), :mod:`~cxbench.app.views.compare_directions` (behind / level / ahead of
each comparator), :mod:`~cxbench.app.views.compare_changes` (year on year, trend).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app import charts, formatting, i18n, queries, state
from cxbench.app.i18n import compare as strings
from cxbench.app.page import Page
from cxbench.app.views import (
    compare_changes,
    compare_directions,
    compare_headline,
    compare_sections,
    coverage,
    deliverables,
    sidebar,
)


def _select(warehouse: queries.WarehouseFile, language: str) -> sidebar.Selection | None:
    """Draw the study, country, wave and organisation selectors; None if a list is empty."""
    return sidebar.organisation_selectors(
        warehouse, language, queries.organisations, state.ORGANISATION
    )


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Selectors, status, headline, outcomes, pillar chart and tables, directions,
    what to fix first, year on year and trend."""
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
    study_id, country, wave = selection.study_id, selection.country, selection.wave
    leader = queries.sector_leader(warehouse, study_id, country, wave, organisation.sector_code)
    st.subheader(
        i18n.text(
            "versus_leader",
            language,
            org=organisation.company_name,
            sector=sector_name(warehouse, organisation, language),
            country=formatting.country_name(country, language),
            wave=wave,
        )
    )
    compare_headline.render_status(organisation, leader, warehouse.viewer.is_analyst, language)
    compare_headline.render_headline(organisation, leader, language)
    deliverables.download_buttons(
        warehouse, study_id, country, wave, selection.company_id, language
    )
    if organisation.is_partial_coverage:
        coverage.index_note(warehouse, [organisation.cx_index_pillars], language)
    compare_headline.outcomes_table(
        organisation,
        queries.nps_benchmarks(warehouse, study_id, country, wave, organisation.sector_code),
        language,
    )

    compared = [organisation]
    if leader is not None and leader.company_id != organisation.company_id:
        compared.append(leader)
    scores = pd.concat(
        [
            queries.pillar_scores(
                warehouse, study_id, country, wave, company.company_id, language
            ).assign(
                series=company.company_name,
                role="organisation" if company is organisation else "leader",
            )
            for company in compared
        ],
        ignore_index=True,
    )
    measured = queries.pillar_coverage(warehouse, study_id, country, wave, language)
    if scores.empty:
        none_measured = not measured["is_measured"].any()
        st.info(i18n.text("no_pillars_measured" if none_measured else "no_scores", language))
        return
    gaps = queries.leader_gaps(warehouse, study_id, country, wave, selection.company_id, language)
    benchmarks = queries.benchmark_pillars(
        warehouse, study_id, country, wave, organisation.sector_code, language
    )
    st.subheader(i18n.text("cmp_scores_heading", language))
    frame = compare_sections.chart_frame(scores, benchmarks, gaps, organisation, language)
    st.altair_chart(
        charts.pillar_comparison(
            frame.replace({"pillar_label": coverage.narrow_labels(measured, language)}),
            compare_sections.chart_titles(language),
        ),
        key="compare_chart",
    )
    st.caption(i18n.text("cmp_chart_caption", language))
    coverage.unmeasured_note(measured, language)
    compare_sections.suppression_notes(
        benchmarks, sector_name(warehouse, organisation, language), language
    )
    compare_sections.comparison_table(
        scores,
        [company.company_name for company in compared],
        benchmarks,
        gaps,
        measured,
        language,
    )
    compare_directions.render(
        queries.pillar_comparisons(
            warehouse, study_id, country, wave, selection.company_id, language
        ),
        organisation.is_sector_leader,
        language,
    )
    compare_sections.priority_list(gaps, organisation, leader, language)
    compare_changes.year_on_year(
        organisation,
        queries.pillar_changes(warehouse, study_id, country, wave, selection.company_id, language),
        wave,
        language,
    )
    compare_changes.trend(warehouse, selection, organisation, language)


def sector_name(
    warehouse: queries.WarehouseFile, organisation: queries.CompanyScore, language: str
) -> str:
    """The organisation's sector in the reader's language (its list name when untranslated)."""
    labels = queries.sector_labels(warehouse, language)
    return labels.get(organisation.sector_code, organisation.sector_name)


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
        "marts.fct_pillar_comparisons",
    ),
    url_keys={**state.COUNTRY_WAVE_PARAMS, state.ORGANISATION: "org"},
)
