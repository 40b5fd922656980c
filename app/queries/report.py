"""Queries of the client report (``cxbench report``, the download buttons) that no page's
query returns: where an organisation was scored (to refuse a report that would be
empty), its whole score row (NPS, CSAT and CES with their intervals and changes, rank
ranges), and its sector's ranked companies with intervals and rank ranges. Everything
else the report shows comes from the pages' own queries (:mod:`app.queries`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app.queries.warehouse import WarehouseFile, fetch_frame, fetch_rows


@st.cache_data(show_spinner=False)
def organisation_samples(
    key: WarehouseFile, study_id: str, company_id: str
) -> list[tuple[str, int]]:
    """``(country, wave)`` of every sample of the study the viewer sees ``company_id`` in
    as one of its own organisations, newest wave first."""
    rows = fetch_rows(
        key,
        """
        select distinct
            country,
            wave,
        from company_scores()
        where study_id = ? and cast(company_id as varchar) = ? and is_own
        order by wave desc, country
        """,
        [study_id, company_id],
    )
    return [(row["country"], row["wave"]) for row in rows]


@st.cache_data(show_spinner=False)
def organisation_row(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str
) -> dict[str, Any] | None:
    """Every column of the organisation's ``company_scores()`` row in the sample, or None."""
    rows = fetch_rows(
        key,
        """
        select *
        from company_scores()
        where study_id = ? and country = ? and wave = ? and cast(company_id as varchar) = ?
        """,
        [study_id, country, wave, company_id],
    )
    return rows[0] if rows else None


@st.cache_data(show_spinner=False)
def sector_ranking(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str
) -> pd.DataFrame:
    """The sector's companies the viewer may see, ranked ones in rank order, then its own
    unranked ones; names as the viewer sees them (peers pseudonymised by the scope)."""
    return fetch_frame(
        key,
        """
        select *
        from company_scores()
        where study_id = ? and country = ? and wave = ? and sector_code = ?
            and (rank_in_sector is not null or is_own)
        order by rank_in_sector nulls last, cx_index desc nulls last, company_id
        """,
        [study_id, country, wave, sector_code],
    )
