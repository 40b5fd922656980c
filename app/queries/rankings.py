"""Queries of the Rankings page: top N, sector leaders, movers, within one study."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame, fetch_rows

#: Columns of fct_company_scores that say how certain a score, a rank or a move is
#: (methodology 0.4.0). Selected where present and added as missing (shown as "—")
#: otherwise, so a warehouse built before they existed still shows its rankings.
UNCERTAINTY_COLUMNS = (
    "cx_index_ci_low",
    "cx_index_ci_high",
    "rank_in_country_best",
    "rank_in_country_worst",
    "rank_in_sector_best",
    "rank_in_sector_worst",
    "cx_index_change_std_error",
    "is_cx_index_change_significant",
)


@st.cache_data(show_spinner=False)
def sectors_scored(key: WarehouseFile, study_id: str, country: str, wave: int) -> dict[str, str]:
    """``sector_code -> sector_name`` of the sectors the study scored, by name."""
    rows = fetch_rows(
        key,
        """
        select distinct
            scores.sector_code,
            coalesce(sectors.sector_name, scores.sector_code) as sector_name,
        from company_scores() as scores
        left join sector_list() as sectors
            on scores.sector_code = sectors.sector_code
        where scores.study_id = ? and scores.country = ? and scores.wave = ?
        order by sector_name, scores.sector_code
        """,
        [study_id, country, wave],
    )
    return {row["sector_code"]: row["sector_name"] for row in rows}


# methodology_version is always there: a columns() pattern matching nothing is an error
_RANKED_COMPANIES_SQL = """
select
    scores.rank_in_country,
    scores.rank_in_sector,
    scores.company_id,
    scores.company_name,
    scores.is_own,
    scores.sector_code,
    scores.sector_name,
    scores.cx_index,
    scores.cx_index_pillars,
    scores.nps_score,
    scores.n_evaluations,
    scores.previous_cx_index,
    scores.cx_index_change,
    scores.previous_rank_in_country,
    scores.rank_in_country_change,
    scores.is_sector_leader,
    scores.n_ranked_in_country,
    scores.n_ranked_in_sector,
    columns('^({uncertainty}|methodology_version)$'),
from company_scores() as scores
where scores.study_id = ? and scores.country = ? and scores.wave = ?
    and scores.rank_in_country is not null
""".replace("{uncertainty}", "|".join(UNCERTAINTY_COLUMNS))


def _ranked(key: WarehouseFile, sql: str, parameters: list[object]) -> pd.DataFrame:
    """Ranked companies with every uncertainty column (missing ones as NA), mart order."""
    frame = fetch_frame(key, sql, parameters)
    for column in UNCERTAINTY_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.NA
    version = frame.pop("methodology_version")
    frame["methodology_version"] = version
    return frame


@st.cache_data(show_spinner=False)
def ranking(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str, top_n: int
) -> pd.DataFrame:
    """The ``top_n`` ranked companies of study × country × wave, best first;
    ``sector_code`` "" = all sectors."""
    return _ranked(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and (? = '' or scores.sector_code = ?)
        order by scores.rank_in_country, scores.company_id
        limit ?
        """,
        [study_id, country, wave, sector_code, sector_code, top_n],
    )


@st.cache_data(show_spinner=False)
def sector_leaders(key: WarehouseFile, study_id: str, country: str, wave: int) -> pd.DataFrame:
    """Every sector's leader in study × country × wave (ties all listed), best index first."""
    return _ranked(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and scores.is_sector_leader
        order by scores.cx_index desc, sector_name, scores.company_id
        """,
        [study_id, country, wave],
    )


@st.cache_data(show_spinner=False)
def movers(key: WarehouseFile, study_id: str, country: str, wave: int) -> pd.DataFrame:
    """Companies ranked in this and the study's previous wave, biggest CX index gain first.

    Only ``is_mover_comparable`` rows: a change is meaningless for a company that
    was not ranked in both waves.
    """
    return _ranked(
        key,
        f"""{_RANKED_COMPANIES_SQL}
        and scores.is_mover_comparable
        order by scores.cx_index_change desc, scores.company_id
        """,
        [study_id, country, wave],
    )
