"""Queries and SQL fragments several pages share: the study, country, wave and
organisation selectors, what a study measures, and the labels in the reader's language.

Every score mart is keyed by study (two studies in one country × wave are two
samples), so every query on one takes the chosen ``study_id`` as a ``?`` parameter:
without it a company scored by two studies would appear twice.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame, fetch_rows

#: The canonical six-pillar questionnaire's study id (dim_study.is_canonical).
CANONICAL_STUDY = "cxbench"


@st.cache_data(show_spinner=False)
def studies(key: WarehouseFile) -> dict[str, str]:
    """``study_id -> study_name`` of the studies with company scores, default first.

    The default is the canonical questionnaire when it is there, else the study
    fielded in most countries; the rest follow by name.
    """
    rows = fetch_rows(
        key,
        """
        select
            studies.study_id,
            studies.study_name,
        from study_list() as studies
        where exists (
            select 1
            from company_scores() as scores
            where scores.study_id = studies.study_id
        )
        order by
            studies.is_canonical desc,
            studies.n_countries desc nulls last,
            studies.study_name,
            studies.study_id
        """,
        [],
    )
    return {str(row["study_id"]): row["study_name"] for row in rows}


@st.cache_data(show_spinner=False)
def countries(key: WarehouseFile, study_id: str) -> list[str]:
    """Countries with company scores in the study, alphabetical."""
    sql = """
        select distinct country
        from visible_samples()
        where study_id = ?
        order by country
    """
    return [row["country"] for row in fetch_rows(key, sql, [study_id])]


@st.cache_data(show_spinner=False)
def waves(key: WarehouseFile, study_id: str, country: str) -> list[int]:
    """Waves of the study in ``country``, newest first (the default is the newest)."""
    rows = fetch_rows(
        key,
        """
        select distinct wave
        from visible_samples()
        where study_id = ? and country = ?
        order by wave desc
        """,
        [study_id, country],
    )
    return [row["wave"] for row in rows]


@st.cache_data(show_spinner=False)
def organisations(key: WarehouseFile, study_id: str, country: str, wave: int) -> dict[str, str]:
    """``company_id -> company_name`` of the organisations the viewer may open in
    country × wave: every company the study scored for an analyst, its entitled ones
    for a client.

    Ineligible companies are included: a client below the minimum base still sees
    its own numbers.
    """
    rows = fetch_rows(
        key,
        """
        select
            company_id,
            company_name,
        from company_scores()
        where study_id = ? and country = ? and wave = ? and (is_own or viewer_is_analyst())
        order by company_name, company_id
        """,
        [study_id, country, wave],
    )
    return {str(row["company_id"]): row["company_name"] for row in rows}


#: The ``label_<language>`` column chosen by a ``?`` parameter (English by default).
LABEL_IN_LANGUAGE = """case ?
            when 'nl' then label_nl
            when 'no' then label_no
            when 'pl' then label_pl
            else label_en
        end"""

#: Pillar labels in the chosen language; the language is the first ``?`` of any query
#: that starts with this CTE, chosen in a ``case`` so nothing is formatted into SQL.
PILLARS_CTE = f"""
pillars as (
    select
        pillar_id,
        sort_order,
        {LABEL_IN_LANGUAGE} as pillar_label,
    from pillar_list()
)
"""


@st.cache_data(show_spinner=False)
def pillar_labels(key: WarehouseFile, language: str) -> dict[str, str]:
    """``pillar_id -> label`` in ``language``, in pillar order."""
    rows = fetch_rows(
        key,
        f"with {PILLARS_CTE} select pillar_id, pillar_label from pillars order by sort_order",
        [language],
    )
    return {row["pillar_id"]: row["pillar_label"] for row in rows}


@st.cache_data(show_spinner=False)
def pillar_coverage(
    key: WarehouseFile, study_id: str, country: str, wave: int, language: str
) -> pd.DataFrame:
    """How the study measured each of the six pillars in country × wave, in pillar order.

    ``is_measured`` is false for a pillar the study does not ask about (the marts hold
    no row for it: not missing data); ``n_statements_measured`` of
    ``n_statements_total`` says how many of the pillar's catalogue statements it asks.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE},

        measured as (
            select
                pillar_id,
                max(n_statements_measured) as n_statements_measured,
                max(n_statements_total) as n_statements_total,
            from company_pillar_scores()
            where study_id = ? and country = ? and wave = ?
            group by all
        )

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            measured.n_statements_measured,
            measured.n_statements_total,
            measured.pillar_id is not null as is_measured,
        from pillars
        left join measured
            on pillars.pillar_id = measured.pillar_id
        order by pillars.sort_order
        """,
        [language, study_id, country, wave],
    )


@st.cache_data(show_spinner=False)
def index_pillars(key: WarehouseFile, study_id: str, country: str, wave: int) -> list[str]:
    """The pillar sets of the partial CX indexes in study × country × wave (usually one).

    Empty when every index there is over all six pillars.
    """
    rows = fetch_rows(
        key,
        """
        select distinct cx_index_pillars
        from company_scores()
        where study_id = ? and country = ? and wave = ?
            and is_partial_coverage and cx_index_pillars is not null
        order by cx_index_pillars
        """,
        [study_id, country, wave],
    )
    return [row["cx_index_pillars"] for row in rows]


@st.cache_data(show_spinner=False)
def sector_labels(key: WarehouseFile, language: str) -> dict[str, str]:
    """``sector_code -> name`` in ``language`` of every sector in the sector list.

    Sector names are data (the user's sector list), translated by the dbt seed
    ``sector_labels``; a sector or language without a translation shows the list's
    English name (``marts.dim_sector_label``). Look codes up with ``.get(code, code)``:
    a code missing from the list shows as itself.
    """
    rows = fetch_rows(
        key,
        """
        select sector_code, sector_label
        from sector_labels()
        where language = ?
        order by sector_label, sector_code
        """,
        [language],
    )
    return {row["sector_code"]: row["sector_label"] for row in rows}
