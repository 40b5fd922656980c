"""Queries of the Methodology page: the parameters the build used and the studies it holds."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame


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
        from methodology_parameters()
        order by parameter_name
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def methodology_coverage(key: WarehouseFile) -> pd.DataFrame:
    """Which methodology version produced the company scores of each study × country × wave."""
    return fetch_frame(
        key,
        """
        select
            scores.methodology_version,
            coalesce(studies.study_name, scores.study_id) as study_name,
            scores.country,
            scores.wave,
            count(*) as n_companies,
            count(scores.rank_in_country) as n_ranked,
        from company_scores() as scores
        left join study_list() as studies
            on scores.study_id = studies.study_id
        group by all
        order by scores.wave desc, study_name, scores.country, scores.methodology_version
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def studies_measured(key: WarehouseFile) -> pd.DataFrame:
    """Every study in the warehouse and what its questionnaire measures, canonical first."""
    return fetch_frame(
        key,
        """
        select
            study_id,
            study_name,
            study_instrument,
            is_canonical,
            n_countries,
            n_waves,
            first_wave,
            latest_wave,
            n_pillars_measured,
            n_statements_measured,
            pillars_measured,
            statements_per_pillar,
        from study_list()
        order by is_canonical desc, study_name, study_id
        """,
        [],
    )
