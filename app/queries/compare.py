"""Queries of the Compare page: an organisation's scores against its sector leader and the
sector and national averages, its gaps and priorities, and its trend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from cxbench.app.queries.shared import PILLARS_CTE
from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame, fetch_rows


@dataclass(frozen=True)
class CompanyScore:
    """One company's headline numbers in one study × country × wave (a ``fct_company_scores``
    row); ``cx_index_pillars`` names the pillars its index is built from."""

    company_id: str
    company_name: str
    sector_code: str
    sector_name: str
    n_evaluations: int
    cx_index: float | None
    cx_index_pillars: str | None
    is_partial_coverage: bool
    is_eligible: bool
    rank_in_country: int | None
    rank_in_sector: int | None
    is_sector_leader: bool
    n_ranked_in_country: int
    n_ranked_in_sector: int
    methodology_version: str | None
    # the index's interval and its change since the previous comparable wave
    cx_index_std_error: float | None = None
    cx_index_ci_low: float | None = None
    cx_index_ci_high: float | None = None
    previous_wave: int | None = None
    previous_cx_index: float | None = None
    cx_index_change: float | None = None
    is_cx_index_change_significant: bool | None = None
    # ranks: the range the company cannot be told apart from, and last wave's
    rank_in_country_best: int | None = None
    rank_in_country_worst: int | None = None
    rank_in_sector_best: int | None = None
    rank_in_sector_worst: int | None = None
    previous_rank_in_country: int | None = None
    previous_rank_in_sector: int | None = None
    # the outcome measures (CSAT and CES are 0–100 like their percentages)
    nps_score: float | None = None
    nps_ci_low: float | None = None
    nps_ci_high: float | None = None
    previous_nps_score: float | None = None
    nps_change: float | None = None
    is_nps_change_significant: bool | None = None
    csat_top2_box_pct: float | None = None
    csat_ci_low: float | None = None
    csat_ci_high: float | None = None
    previous_csat_top2_box_pct: float | None = None
    csat_change: float | None = None
    is_csat_change_significant: bool | None = None
    ces_top3_box_pct: float | None = None
    ces_ci_low: float | None = None
    ces_ci_high: float | None = None
    previous_ces_top3_box_pct: float | None = None
    ces_change: float | None = None
    is_ces_change_significant: bool | None = None


@st.cache_data(show_spinner=False)
def benchmark_pillars(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str, language: str
) -> pd.DataFrame:
    """Sector and national average per pillar in the study, with interval and suppression.

    One row per ``benchmark`` (``sector``, ``country``) × pillar the study measures.
    ``mean_score`` and the interval are the marts' (NULL when suppressed;
    ``suppression_reason`` says why): the average of k company means with standard
    error sqrt(Σ se²) / k.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE},

        averages as (
            select
                benchmark_level as benchmark,
                pillar_id,
                n_companies_scored,
                avg_score,
                ci_low,
                ci_high,
                is_suppressed,
                suppression_reason,
            from benchmark_pillar_scores()
            where study_id = ? and country = ? and wave = ?
                and (
                    (benchmark_level = 'sector' and sector_code = ?)
                    or benchmark_level = 'country'
                )
        )

        select
            averages.benchmark,
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            averages.avg_score as mean_score,
            averages.ci_low,
            averages.ci_high,
            averages.n_companies_scored,
            averages.is_suppressed,
            averages.suppression_reason,
        from averages
        inner join pillars
            on averages.pillar_id = pillars.pillar_id
        order by averages.benchmark desc, pillars.sort_order
        """,
        [language, study_id, country, wave, sector_code],
    )


@st.cache_data(show_spinner=False)
def leader_gaps(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """The company's gap to its sector leader per pillar, in priority order (1 = fix first).

    ``gap_to_leader`` is the mart's leader − company; ``direction`` (behind / level /
    ahead) says whether the company is significantly behind or ahead. ``priority`` and
    its interval are NULL unless the pillar is a significant shortfall, so a lead or a
    level pillar never has a ``priority_rank``. Empty when the company's sector has no
    leader in that country × wave.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}

        select
            gaps.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            gaps.mean_score,
            gaps.leader_mean_score,
            gaps.gap_to_leader,
            gaps.gap_z_score,
            gaps.gap_std_error,
            gaps.direction,
            gaps.importance,
            gaps.importance_ci_low,
            gaps.importance_ci_high,
            gaps.priority,
            gaps.priority_ci_low,
            gaps.priority_ci_high,
            gaps.priority_rank,
            gaps.is_gap_significant,
            gaps.is_leader,
        from leader_gaps() as gaps
        inner join pillars
            on gaps.pillar_id = pillars.pillar_id
        where gaps.study_id = ? and gaps.country = ? and gaps.wave = ?
            and cast(gaps.company_id as varchar) = ?
        order by gaps.priority_rank nulls last, pillars.sort_order
        """,
        [language, study_id, country, wave, company_id],
    )


@st.cache_data(show_spinner=False)
def pillar_trend(
    key: WarehouseFile, study_id: str, country: str, company_id: str, language: str
) -> pd.DataFrame:
    """The company's pillar means with intervals in every wave of the study, oldest first."""
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE}

        select
            scores.wave,
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            scores.mean_score,
            scores.ci_low,
            scores.ci_high,
            scores.n_evaluations,
        from company_pillar_scores() as scores
        inner join pillars
            on scores.pillar_id = pillars.pillar_id
        where scores.study_id = ? and scores.country = ?
            and cast(scores.company_id as varchar) = ?
        order by scores.wave, pillars.sort_order
        """,
        [language, study_id, country, company_id],
    )


@st.cache_data(show_spinner=False)
def cx_index_trend(
    key: WarehouseFile, study_id: str, country: str, company_id: str
) -> pd.DataFrame:
    """Per wave of the study: the company's CX index with its interval and rank next to
    its sector and national averages (the same study's).

    An average that disclosure control suppressed is NULL with its reason beside it.
    """
    return fetch_frame(
        key,
        """
        with company as (
            select
                study_id,
                country,
                wave,
                sector_code,
                cx_index,
                cx_index_ci_low,
                cx_index_ci_high,
                rank_in_country,
            from company_scores()
            where study_id = ? and country = ? and cast(company_id as varchar) = ?
        )

        select
            company.wave,
            company.cx_index,
            company.cx_index_ci_low,
            company.cx_index_ci_high,
            company.rank_in_country,
            sectors.avg_cx_index as sector_avg_cx_index,
            sectors.suppression_reason as sector_suppression_reason,
            countries.avg_cx_index as country_avg_cx_index,
            countries.suppression_reason as country_suppression_reason,
        from company
        left join benchmark_scores() as sectors
            on sectors.benchmark_level = 'sector'
            and company.study_id = sectors.study_id
            and company.country = sectors.country
            and company.wave = sectors.wave
            and company.sector_code = sectors.sector_code
        left join benchmark_scores() as countries
            on countries.benchmark_level = 'country'
            and company.study_id = countries.study_id
            and company.country = countries.country
            and company.wave = countries.wave
        order by company.wave
        """,
        [study_id, country, company_id],
    )


_COMPANY_SCORE_SQL = """
with wave_scores as (
    select *
    from company_scores()
    where study_id = ? and country = ? and wave = ?
),

final as (
    select
        wave_scores.company_id,
        wave_scores.company_name,
        wave_scores.sector_code,
        wave_scores.sector_name,
        wave_scores.n_evaluations,
        wave_scores.cx_index,
        wave_scores.cx_index_pillars,
        wave_scores.is_partial_coverage,
        wave_scores.is_eligible,
        wave_scores.rank_in_country,
        wave_scores.rank_in_sector,
        wave_scores.is_sector_leader,
        wave_scores.n_ranked_in_country,
        wave_scores.n_ranked_in_sector,
        wave_scores.methodology_version,
        wave_scores.cx_index_std_error,
        wave_scores.cx_index_ci_low,
        wave_scores.cx_index_ci_high,
        wave_scores.previous_wave,
        wave_scores.previous_cx_index,
        wave_scores.cx_index_change,
        wave_scores.is_cx_index_change_significant,
        wave_scores.rank_in_country_best,
        wave_scores.rank_in_country_worst,
        wave_scores.rank_in_sector_best,
        wave_scores.rank_in_sector_worst,
        wave_scores.previous_rank_in_country,
        wave_scores.previous_rank_in_sector,
        wave_scores.nps_score,
        wave_scores.nps_ci_low,
        wave_scores.nps_ci_high,
        wave_scores.previous_nps_score,
        wave_scores.nps_change,
        wave_scores.is_nps_change_significant,
        wave_scores.csat_top2_box_pct,
        wave_scores.csat_ci_low,
        wave_scores.csat_ci_high,
        wave_scores.previous_csat_top2_box_pct,
        wave_scores.csat_change,
        wave_scores.is_csat_change_significant,
        wave_scores.ces_top3_box_pct,
        wave_scores.ces_ci_low,
        wave_scores.ces_ci_high,
        wave_scores.previous_ces_top3_box_pct,
        wave_scores.ces_change,
        wave_scores.is_ces_change_significant,
    from wave_scores
)

select * from final
"""


def _company_score(row: dict[str, Any]) -> CompanyScore:
    """Build the record, turning NULL flags into False so views can test them plainly."""
    return CompanyScore(
        **{
            **row,
            "company_id": str(row["company_id"]),
            "is_eligible": bool(row["is_eligible"]),
            "is_partial_coverage": bool(row["is_partial_coverage"]),
            "is_sector_leader": bool(row["is_sector_leader"]),
        }
    )


@st.cache_data(show_spinner=False)
def company_score(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str
) -> CompanyScore | None:
    """The headline numbers of one company in study × country × wave, or None."""
    rows = fetch_rows(
        key,
        f"{_COMPANY_SCORE_SQL} where cast(company_id as varchar) = ?",
        [study_id, country, wave, company_id],
    )
    return _company_score(rows[0]) if rows else None


@st.cache_data(show_spinner=False)
def sector_leader(
    key: WarehouseFile, study_id: str, country: str, wave: int, sector_code: str
) -> CompanyScore | None:
    """The sector leader of study × country × wave × sector, or None when none is eligible."""
    rows = fetch_rows(
        key,
        f"""{_COMPANY_SCORE_SQL}
        where sector_code = ? and is_sector_leader
        order by rank_in_sector nulls last, company_id
        limit 1
        """,
        [study_id, country, wave, sector_code],
    )
    return _company_score(rows[0]) if rows else None


@st.cache_data(show_spinner=False)
def pillar_scores(
    key: WarehouseFile, study_id: str, country: str, wave: int, company_id: str, language: str
) -> pd.DataFrame:
    """One company's scores in the study: a row per pillar it was scored on, pillar order.

    Columns: ``pillar_id, sort_order, pillar_label, mean_score, ci_low, ci_high,
    n_evaluations, is_eligible, n_statements_measured, n_statements_total`` (how the
    study measured the pillar; a pillar it does not measure has no row). The label
    column is chosen by a parameter in a ``case`` expression, so not even the language
    is formatted into the SQL.
    """
    return fetch_frame(
        key,
        f"""
        with {PILLARS_CTE},

        select
            pillars.pillar_id,
            pillars.sort_order,
            pillars.pillar_label,
            scores.mean_score,
            scores.ci_low,
            scores.ci_high,
            scores.n_evaluations,
            scores.is_eligible,
            scores.n_statements_measured,
            scores.n_statements_total,
        from company_pillar_scores() as scores
        inner join pillars
            on scores.pillar_id = pillars.pillar_id
        where scores.study_id = ? and scores.country = ? and scores.wave = ?
            and cast(scores.company_id as varchar) = ?
        order by pillars.sort_order
        """,
        [language, study_id, country, wave, company_id],
    )
