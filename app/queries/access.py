"""Queries deciding who the viewer is: a principal's grants and a previewed organisation.

They run before there is a viewer (their answer makes it), through the scope's
``access_grants`` and ``known_company`` macros, which read nothing else.
"""

from __future__ import annotations

import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_rows


@st.cache_data(show_spinner=False)
def grants(key: WarehouseFile, principal: str) -> list[tuple[str, str | None]]:
    """``(role, company_id)`` of every grant of ``principal`` (an e-mail, any case).

    Cached per file version: a grant or revoke swaps a new file in, so the next run
    asks again.
    """
    rows = fetch_rows(
        key,
        "select role, company_id from access_grants(?) order by role, company_id",
        [principal],
    )
    return [(row["role"], row["company_id"]) for row in rows]


@st.cache_data(show_spinner=False)
def company_name(key: WarehouseFile, company_id: str) -> str | None:
    """The name of the organisation ``company_id``, or None when the warehouse has none."""
    rows = fetch_rows(key, "select company_name from known_company(?)", [company_id])
    return rows[0]["company_name"] if rows else None
