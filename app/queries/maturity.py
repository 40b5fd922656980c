"""Queries of the Maturity page."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from cxbench.app.queries.shared import LABEL_IN_LANGUAGE, PILLARS_CTE
from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame, fetch_rows, table_names

# Organisational CX maturity (issue 9): self-assessments, stages, links with customer
# outcomes and priorities. These marts are optional: a warehouse built before they
# existed, or without assessments loaded, has no rows and the page says so.

#: Marts the Maturity page reads.
MATURITY_TABLES = (
    "marts.fct_maturity_stages",
    "marts.fct_maturity_priorities",
    "marts.fct_maturity_outcome_links",
    "marts.dim_maturity_item",
)

#: Maturity item labels in the chosen language (first ``?`` of the query).
_MATURITY_ITEMS_CTE = f"""
items as (
    select
        item_id,
        item_group,
        sort_order,
        {LABEL_IN_LANGUAGE} as item_label,
    from maturity_item_list()
)
"""


@st.cache_data(show_spinner=False)
def maturity_available(key: WarehouseFile) -> bool:
    """Whether the maturity marts exist and hold at least one assessed organisation."""
    if not set(MATURITY_TABLES) <= table_names(key):
        return False
    rows = fetch_rows(key, "select count(*) as n from maturity_stages()", [])
    return rows[0]["n"] > 0


@st.cache_data(show_spinner=False)
def maturity_organisations(key: WarehouseFile, country: str, wave: int) -> dict[str, str]:
    """``company_id -> company_name`` of the organisations assessed in country × wave."""
    rows = fetch_rows(
        key,
        """
        select
            company_id,
            company_name,
        from maturity_stages()
        where country = ? and wave = ? and (is_own or viewer_is_analyst())
        order by 2, 1
        """,
        [country, wave],
    )
    return {str(row["company_id"]): row["company_name"] for row in rows}


@st.cache_data(show_spinner=False)
def maturity_stage(
    key: WarehouseFile, wave: int, company_id: str, language: str
) -> dict[str, Any] | None:
    """The organisation's stage row with names: its own, its sector's, its leader's, steps'."""
    rows = fetch_rows(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE},
        leaders as (
            select distinct on (company_id, wave)
                company_id,
                wave,
                leader_company_id,
            from maturity_priorities()
            where leader_company_id is not null
        )
        select
            stages.*,
            sectors.sector_name,
            leaders.leader_company_id,
            leader_stages.company_name as leader_name,
            leader_stages.maturity_stage as leader_stage,
            reached.item_label as stage_label,
            next_step.item_label as next_step_label,
        from maturity_stages() as stages
        left join sector_list() as sectors
            on stages.sector_code = sectors.sector_code
        left join leaders
            on stages.company_id = leaders.company_id and stages.wave = leaders.wave
        left join maturity_stages() as leader_stages
            on leaders.leader_company_id = leader_stages.company_id
            and stages.country = leader_stages.country
            and stages.wave = leader_stages.wave
        left join items as reached
            on stages.stage_item_id = reached.item_id
        left join items as next_step
            on stages.next_step_item_id = next_step.item_id
        where stages.wave = ? and stages.company_id = ?
        """,
        [language, wave, company_id],
    )
    return rows[0] if rows else None


@st.cache_data(show_spinner=False)
def maturity_profile(key: WarehouseFile, wave: int, company_id: str, language: str) -> pd.DataFrame:
    """One row per item the organisation scored: its score and spread, the sector's and the
    leader's scores, the item's link with the CX index and the priority rank."""
    return fetch_frame(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE}
        select
            items.item_id,
            items.item_group,
            items.sort_order,
            items.item_label,
            priorities.score,
            maturity.score_sd,
            priorities.n_respondents,
            priorities.sector_avg_score,
            priorities.n_sector_companies,
            priorities.leader_score,
            priorities.gap_to_leader,
            priorities.cee_correlation,
            priorities.is_link_significant,
            priorities.priority,
            priorities.priority_rank,
            links.n_companies as n_link_companies,
        from maturity_priorities() as priorities
        inner join items
            on priorities.item_id = items.item_id
        left join maturity_scores() as maturity
            on priorities.company_id = maturity.company_id
            and priorities.wave = maturity.wave
            and priorities.item_id = maturity.item_id
        left join maturity_outcome_links() as links
            on priorities.wave = links.wave
            and priorities.item_id = links.item_id
            and links.outcome_id = 'cee'
        where priorities.wave = ? and priorities.company_id = ?
        order by items.item_group, items.sort_order
        """,
        [language, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def maturity_links(key: WarehouseFile, wave: int, language: str) -> pd.DataFrame:
    """Per maturity item (and overall): its link with the CX index — correlation, interval,
    slope, organisations, significance — and its correlation with each pillar score
    (one ``r · <pillar label>`` column per pillar, pivoted here rather than in SQL)."""
    links = fetch_frame(
        key,
        f"""
        with {_MATURITY_ITEMS_CTE}
        select
            links.item_id,
            links.item_group,
            links.sort_order,
            coalesce(items.item_label, links.item_id) as item_label,
            links.n_companies,
            links.correlation,
            links.correlation_ci_low,
            links.correlation_ci_high,
            links.slope,
            links.slope_ci_low,
            links.slope_ci_high,
            links.is_estimable,
            links.is_significant,
        from maturity_outcome_links() as links
        left join items
            on links.item_id = items.item_id
        where links.wave = ? and links.outcome_id = 'cee'
        order by links.item_group = 'overall' desc, links.item_group, links.sort_order
        """,
        [language, wave],
    )
    pillars = fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}
        select
            links.item_id,
            'r · ' || pillars.pillar_label as outcome,
            links.correlation,
        from maturity_outcome_links() as links
        inner join pillars
            on links.outcome_id = pillars.pillar_id
        where links.wave = ? and links.outcome_group = 'pillar'
        order by pillars.sort_order
        """,
        [language, wave],
    )
    if pillars.empty:
        return links
    order = list(dict.fromkeys(pillars["outcome"]))
    wide = pillars.pivot(index="item_id", columns="outcome", values="correlation")[order]
    return links.merge(wide.reset_index(), on="item_id", how="left")
