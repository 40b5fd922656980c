"""Queries and SQL fragments several pages share: the country, wave and organisation
selectors and the labels in the reader's language.
"""

from __future__ import annotations

import streamlit as st

from app.queries.warehouse import WarehouseFile, fetch_rows


@st.cache_data(show_spinner=False)
def countries(key: WarehouseFile) -> list[str]:
    """Countries with company scores, alphabetical."""
    sql = "select distinct country from wh.marts.fct_company_scores order by country"
    return [row["country"] for row in fetch_rows(key, sql, [])]


@st.cache_data(show_spinner=False)
def waves(key: WarehouseFile, country: str) -> list[int]:
    """Waves with company scores in ``country``, newest first (the default is the newest)."""
    rows = fetch_rows(
        key,
        """
        select distinct wave
        from wh.marts.fct_company_scores
        where country = ?
        order by wave desc
        """,
        [country],
    )
    return [row["wave"] for row in rows]


@st.cache_data(show_spinner=False)
def organisations(key: WarehouseFile, country: str, wave: int) -> dict[str, str]:
    """``company_id -> company_name`` of every scored company in country × wave, by name.

    Ineligible companies are included: a client below the minimum base still sees
    its own numbers.
    """
    rows = fetch_rows(
        key,
        """
        select
            scores.company_id,
            companies.company_name,
        from wh.marts.fct_company_scores as scores
        inner join wh.marts.dim_company as companies
            on scores.company_id = companies.company_id
        where scores.country = ? and scores.wave = ?
        order by companies.company_name, scores.company_id
        """,
        [country, wave],
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
    from wh.marts.dim_pillar
)
"""
