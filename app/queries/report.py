"""Queries of the client report (``cxbench report``, the download buttons) that no page's
query returns: where an organisation was scored (to refuse a report that would be
empty), its whole score row (NPS, CSAT and CES with their intervals and changes, rank
ranges). Everything
else the report shows comes from the pages' own queries (:mod:`cxbench.app.queries`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_rows


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
