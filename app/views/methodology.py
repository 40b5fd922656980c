"""Methodology page: how every number is made, written from the parameters the build used.

Each paragraph is a template filled with the values in ``marts.dim_methodology``, so
the page can never drift from the marts it explains: a rebuild with ``min_base: 150``
makes the page say 150. Paragraphs whose parameters the warehouse lacks are left out.
The studies the warehouse holds, and what each questionnaire measures, are listed
from ``marts.dim_study``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd
import streamlit as st

from cxbench.app import formatting, i18n, queries
from cxbench.app.i18n import methodology as strings
from cxbench.app.page import Page

#: i18n key of each paragraph -> the parameters it quotes, in order.
PARAGRAPHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("method_studies", ()),
    ("method_pillar_score", ("min_answered_share",)),
    ("method_weighting", ("weighting_dimensions", "weight_trim_min", "weight_trim_max")),
    ("method_weighting_limits", ("weighting_dimensions",)),
    ("method_intervals", ("confidence_level",)),
    ("method_eligibility", ("min_base",)),
    ("method_importance", ("min_importance_cases",)),
    ("method_index", ("cee_weights",)),
    ("method_leaders", ("confidence_level",)),
    ("method_disclosure", ("min_aggregate_companies", "max_company_share")),
    ("method_channels", ("min_channel_base",)),
)
#: Parameters shown as percentages (shares stored as fractions).
PERCENT_PARAMETERS = frozenset({"min_answered_share", "confidence_level", "max_company_share"})


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """Version, the filled-in paragraphs, then (analysts) the raw parameters and coverage."""
    parameters = queries.methodology_parameters(warehouse)
    if parameters.empty:
        st.info(i18n.text("no_methodology", language))
        return
    versions = ", ".join(sorted(parameters["methodology_version"].unique()))
    st.markdown(i18n.text("method_version", language, version=versions))
    values = {
        row.parameter_name: shown_value(row.parameter_name, row.parameter_value, language)
        for row in parameters.itertuples()
    }
    for key, needed in PARAGRAPHS:
        if all(name in values for name in needed):
            st.markdown(i18n.text(key, language, **{name: values[name] for name in needed}))
    st.markdown(i18n.text("method_averages_app", language))
    _render_studies(warehouse, language)
    if warehouse.viewer.is_analyst:
        _render_internals(warehouse, parameters, language)


def _render_internals(
    warehouse: queries.WarehouseFile, parameters: pd.DataFrame, language: str
) -> None:
    """The raw parameters and which version scored what: for analysts, not clients."""
    st.subheader(i18n.text("parameters", language))
    columns = {
        "parameter_name": st.column_config.TextColumn(i18n.text("parameter", language)),
        "value_text": st.column_config.TextColumn(i18n.text("value", language)),
        "description": st.column_config.TextColumn(i18n.text("description", language)),
        "methodology_version": st.column_config.TextColumn(i18n.text("version", language)),
    }
    st.dataframe(
        parameters.fillna(formatting.MISSING).assign(
            value_text=[
                shown_value(row.parameter_name, row.parameter_value, language)
                for row in parameters.itertuples()
            ]
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="methodology_parameters",
    )
    st.subheader(i18n.text("coverage", language))
    coverage = queries.methodology_coverage(warehouse)
    text = st.column_config.TextColumn
    columns = {
        "methodology_version": text(i18n.text("version", language)),
        "study_name": text(i18n.text("study", language)),
        "country_text": text(i18n.text("country", language)),
        "wave_text": text(i18n.text("wave", language)),
        "ranked_text": text(i18n.text("ranked_of_scored", language)),
    }
    st.dataframe(
        coverage.assign(
            country_text=[formatting.country_name(code, language) for code in coverage["country"]],
            wave_text=coverage["wave"].astype(str),
            ranked_text=[
                f"{formatting.integer(ranked, language)} / {formatting.integer(n, language)}"
                for ranked, n in zip(coverage["n_ranked"], coverage["n_companies"], strict=True)
            ],
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="methodology_coverage",
    )


PAGE = Page(
    slug="methodology",
    title_key="methodology_page",
    icon=":material/menu_book:",
    render=render,
    strings=strings.STRINGS,
    tables=("marts.dim_methodology",),
)


def shown_value(name: str, raw: str, language: str = "en") -> str:
    """A parameter's JSON value as a reader of ``language`` expects it: 95%, 100,
    0,3 in Dutch, age_band, gender."""
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        return raw
    if isinstance(value, bool):
        return str(value).lower()
    if name in PERCENT_PARAMETERS and isinstance(value, int | float):
        return formatting.percent(value, language, _decimals(value * 100), scale=1)
    if isinstance(value, int | float):
        return formatting.decimal(value, language, _decimals(value))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{key} {shown_value('', json.dumps(item), language)}" for key, item in value.items()
        )
    return str(value)


def _decimals(value: float) -> int:
    """The decimals a parameter needs to be written exactly (at most four): 0.3 -> 1."""
    text = f"{value:.4f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


#: One "<pillar_id> <measured>/<total>" entry of ``dim_study.statements_per_pillar``.
_STATEMENTS_ENTRY = re.compile(r"(?P<pillar>\w+) (?P<counts>\d+/\d+)")


def studies_table(studies: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The studies with pillar ids replaced by their labels in the reader's language.

    ``pillars_measured`` ('integrity,empathy') becomes 'Integrity, Empathy' and
    ``statements_per_pillar`` ('integrity 2/5, empathy 1/5') 'Integrity 2/5, Empathy
    1/5'; an id the catalogue lacks is shown as stored.
    """

    def pillars(value: object) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        return ", ".join(labels.get(pillar, pillar) for pillar in value.split(","))

    def statements(value: object) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        return _STATEMENTS_ENTRY.sub(
            lambda match: f"{labels.get(match['pillar'], match['pillar'])} {match['counts']}",
            value,
        )

    return studies.assign(
        pillars_measured=studies["pillars_measured"].map(pillars),
        statements_per_pillar=studies["statements_per_pillar"].map(statements),
    )


def _render_studies(warehouse: queries.WarehouseFile, language: str) -> None:
    """Each study: its questionnaire, where and when, and what it measures."""
    studies = queries.studies_measured(warehouse)
    if studies.empty:
        return
    st.subheader(i18n.text("studies", language))
    shown = studies_table(studies, queries.pillar_labels(warehouse, language))
    text = st.column_config.TextColumn
    columns = {
        "study_name": text(i18n.text("study", language)),
        "study_instrument": text(i18n.text("questionnaire", language)),
        "where_when_text": text(i18n.text("countries_waves", language)),
        "pillars_text": text(i18n.text("pillars_measured", language)),
        "statements_text": text(i18n.text("statements_per_pillar", language)),
    }

    def where_when(row: pd.Series) -> str:
        waves = (
            str(row["first_wave"])
            if row["first_wave"] == row["latest_wave"]
            else f"{row['first_wave']}–{row['latest_wave']}"
        )
        countries = formatting.integer(row["n_countries"], language)
        return i18n.text("countries_in_waves", language, countries=countries, waves=waves)

    st.dataframe(
        shown.assign(
            study_instrument=shown["study_instrument"].fillna(formatting.MISSING),
            where_when_text=shown.apply(where_when, axis=1),
            pillars_text=shown["pillars_measured"].fillna(formatting.MISSING),
            statements_text=shown["statements_per_pillar"].fillna(formatting.MISSING),
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="methodology_studies",
    )
