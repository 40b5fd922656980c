"""Queries of the Methodology page: the parameters the build used."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.queries.warehouse import WarehouseFile, fetch_frame


@st.cache_data(show_spinner=False)
def methodology_parameters(key: WarehouseFile) -> pd.DataFrame:
    """The parameters the marts were built with (values as JSON text), by name."""
    return fetch_frame(
        key,
        """
        select
            parameter_name,
            parameter_value,
            description,
            methodology_version,
        from wh.marts.dim_methodology
        order by parameter_name
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def methodology_coverage(key: WarehouseFile) -> pd.DataFrame:
    """Which methodology version produced the company scores of each country × wave."""
    return fetch_frame(
        key,
        """
        select
            methodology_version,
            country,
            wave,
            count(*) as n_companies,
            count(rank_in_country) as n_ranked,
        from wh.marts.fct_company_scores
        group by all
        order by wave desc, country, methodology_version
        """,
        [],
    )
