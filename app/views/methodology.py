"""Methodology page: how every number is made, written from the parameters the build used.

Each paragraph is a template filled with the values in ``marts.dim_methodology``, so
the page can never drift from the marts it explains: a rebuild with ``min_base: 150``
makes the page say 150. Paragraphs whose parameters the warehouse lacks are left out.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from app import i18n, queries
from app.i18n import methodology as strings
from app.page import Page

#: i18n key of each paragraph -> the parameters it quotes, in order.
PARAGRAPHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("method_pillar_score", ("min_answered_share",)),
    ("method_weighting", ("weighting_dimensions", "weight_trim_min", "weight_trim_max")),
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
    """Version, the filled-in paragraphs, then the raw parameters and their coverage."""
    parameters = queries.methodology_parameters(warehouse)
    if parameters.empty:
        st.info(i18n.text("no_methodology", language))
        return
    versions = ", ".join(sorted(parameters["methodology_version"].unique()))
    st.markdown(i18n.text("method_version", language, version=versions))
    values = {
        row.parameter_name: shown_value(row.parameter_name, row.parameter_value)
        for row in parameters.itertuples()
    }
    for key, needed in PARAGRAPHS:
        if all(name in values for name in needed):
            st.markdown(i18n.text(key, language, **{name: values[name] for name in needed}))
    st.markdown(i18n.text("method_averages_app", language))

    st.subheader(i18n.text("parameters", language))
    st.dataframe(
        parameters,
        column_config={
            "parameter_name": st.column_config.TextColumn(i18n.text("parameter", language)),
            "parameter_value": st.column_config.TextColumn(i18n.text("value", language)),
            "description": st.column_config.TextColumn(i18n.text("description", language)),
            "methodology_version": st.column_config.TextColumn(i18n.text("version", language)),
        },
        hide_index=True,
        key="methodology_parameters",
    )
    st.subheader(i18n.text("coverage", language))
    st.dataframe(
        queries.methodology_coverage(warehouse),
        column_config={
            "methodology_version": st.column_config.TextColumn(i18n.text("version", language)),
            "country": st.column_config.TextColumn(i18n.text("country", language)),
            "wave": st.column_config.NumberColumn(i18n.text("wave", language), format="%d"),
            "n_companies": st.column_config.NumberColumn(
                i18n.text("companies", language), format="%d"
            ),
            "n_ranked": st.column_config.NumberColumn(
                i18n.text("ranked_companies", language), format="%d"
            ),
        },
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


def shown_value(name: str, raw: str) -> str:
    """A parameter's JSON value as a reader expects it: 95%, 100, age_band, gender."""
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        return raw
    if name in PERCENT_PARAMETERS and isinstance(value, int | float):
        return f"{value * 100:g}%"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {item}" for key, item in value.items())
    return str(value)
