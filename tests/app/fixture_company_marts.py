"""The fixture's company marts: fct_company_scores and fct_company_pillar_scores rows.

Derived from the company rows of ``warehouse_fixture`` by the marts' rules: intervals
of fixed half widths per measure, rank ranges from pairwise z-tests, and changes
since the previous wave only for a company ranked in both waves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import duckdb
from warehouse_fixture import (
    CATALOGUE_STATEMENTS,
    METHODOLOGY,
    SCORES,
    STUDY_STATEMENTS,
    CompanyWave,
    previous_wave,
)

from tests.fixtures.mart_tables import create_marts, insert_rows

#: The fixture's columns of the company marts (the tables themselves: the dbt contracts).
PILLAR_SCORE_COLUMNS = (
    "study_id", "company_id", "country", "wave", "pillar_id", "n_evaluations",
    "n_statements_measured", "n_statements_total", "mean_score",
    "stddev_score", "std_error", "ci_low", "ci_high", "is_eligible", "confidence_level",
    "methodology_version",
)  # fmt: skip
COMPANY_SCORE_COLUMNS = (
    "study_id", "company_id", "country", "wave", "sector_code", "n_evaluations", "cx_index",
    "cx_index_pillars", "is_partial_coverage", "nps_score",
    "is_eligible", "rank_in_country", "rank_in_sector", "is_sector_leader", "previous_wave",
    "previous_cx_index", "cx_index_change", "previous_rank_in_country",
    "rank_in_country_change", "is_mover_comparable", "methodology_version",
    *(STATS_COLUMNS := (
        "cx_index_std_error", "cx_index_ci_low", "cx_index_ci_high", "cx_index_change_std_error",
        "is_cx_index_change_significant", "rank_in_country_best", "rank_in_country_worst",
        "rank_in_sector_best", "rank_in_sector_worst", "previous_rank_in_sector",
        "rank_in_sector_change", "nps_ci_low", "nps_ci_high", "previous_nps_score",
        "nps_change", "is_nps_change_significant", "csat_top2_box_pct", "csat_ci_low",
        "csat_ci_high", "previous_csat_top2_box_pct", "csat_change",
        "is_csat_change_significant", "ces_top3_box_pct", "ces_ci_low", "ces_ci_high",
        "previous_ces_top3_box_pct", "ces_change", "is_ces_change_significant",
    )),
)  # fmt: skip
#: Columns of the pillar scores' change since the previous comparable wave.
PILLAR_CHANGE_COLUMNS = (
    "previous_wave", "previous_mean_score", "mean_score_change", "change_std_error",
    "is_change_significant",
)  # fmt: skip
#: Half widths of the outcome measures' intervals (NPS points, CSAT/CES percentage points).
NPS_HALF_WIDTH = 8.0
SHARE_HALF_WIDTH = 6.0
Z = 1.96


def _pillar_row(row: CompanyWave, pillar_id: str) -> tuple[object, ...]:
    """A fct_company_pillar_scores row; stddev and standard error are filler the app ignores."""
    mean, ci_low, ci_high = row.pillar(pillar_id)
    std_error = row.half_width / 1.96
    return (
        row.study_id,
        row.company_id,
        row.country,
        row.wave,
        pillar_id,
        row.n_evaluations,
        STUDY_STATEMENTS[row.study_id][pillar_id],
        CATALOGUE_STATEMENTS[pillar_id],
        mean,
        1.5,
        std_error,
        ci_low,
        ci_high,
        row.is_eligible,
        0.95,
        METHODOLOGY,
    )


def previous_of(row: CompanyWave, scores: Sequence[CompanyWave] = SCORES) -> CompanyWave | None:
    """The same company in its study's previous wave in the country, if scored there."""
    wave = previous_wave(row, scores)
    return next(
        (
            other
            for other in scores
            if (other.study_id, other.company_id, other.country, other.wave)
            == (row.study_id, row.company_id, row.country, wave)
        ),
        None,
    )


def _company_row(row: CompanyWave, scores: Sequence[CompanyWave]) -> tuple[object, ...]:
    """A fct_company_scores row; the mover columns compare with the previous wave's row,
    and only a company ranked in both waves is a comparable mover (as in the mart)."""
    previous = previous_of(row, scores)
    comparable = bool(
        previous and previous.rank_in_country is not None and row.rank_in_country is not None
    )
    return (
        row.study_id, row.company_id, row.country, row.wave, row.sector_code,
        row.n_evaluations, row.cx_index, row.cx_index_pillars, row.is_partial_coverage,
        row.nps_score, row.is_eligible, row.rank_in_country, row.rank_in_sector,
        row.is_sector_leader, previous_wave(row, scores),
        previous.cx_index if comparable else None,
        row.cx_index - previous.cx_index if comparable else None,
        previous.rank_in_country if comparable else None,
        previous.rank_in_country - row.rank_in_country if comparable else None,
        comparable, METHODOLOGY, *_stats_row(row, scores),
    )  # fmt: skip


def cx_index_std_error(row: CompanyWave) -> float:
    """The index's interval is as wide as a pillar's (± half_width): wide enough that
    Beta (7.10) and Delta (7.40) cannot be told apart in NL 2024 (ranks 2–3)."""
    return row.half_width / Z


def csat(row: CompanyWave) -> float:
    """CSAT top-2-box (0–100), derived from the index so the fixture stays one table."""
    return round(row.cx_index * 10 - 5, 1)


def ces(row: CompanyWave) -> float:
    """CES top-3-box (0–100), derived like :func:`csat`."""
    return round(row.cx_index * 9, 1)


def _change(now: float, before: float, half_width_now: float, half_width_before: float):
    """(change, standard error, significant) of ``now − before`` from the two half widths."""
    std_error = math.hypot(half_width_now, half_width_before) / Z
    return now - before, std_error, abs(now - before) > Z * std_error


def rank_range(row: CompanyWave, scores: Sequence[CompanyWave], level: str) -> tuple:
    """(best, worst) rank among the ranked companies of the row's country (or sector)
    it cannot be told apart from: best = 1 + significantly ahead, worst = n − behind."""
    if row.rank_in_country is None:
        return (None, None)
    peers = [
        other
        for other in scores
        if other.rank_in_country is not None
        and (other.study_id, other.country, other.wave) == (row.study_id, row.country, row.wave)
        and (level == "country" or other.sector_code == row.sector_code)
    ]
    ahead = behind = 0
    for other in peers:
        if other is row:
            continue
        difference = other.cx_index - row.cx_index
        std_error = math.hypot(cx_index_std_error(other), cx_index_std_error(row))
        ahead += difference > Z * std_error
        behind += difference < -Z * std_error
    return (1 + ahead, len(peers) - behind)


def _stats_row(row: CompanyWave, scores: Sequence[CompanyWave]) -> tuple[object, ...]:
    """The interval, change and rank-range columns of a fct_company_scores row (the
    changes only for a comparable mover, as in the mart); all NULL without an index."""
    if row.cx_index is None:
        return (None,) * len(STATS_COLUMNS)
    previous = previous_of(row, scores)
    comparable = bool(
        previous and previous.rank_in_country is not None and row.rank_in_country is not None
    )
    se = cx_index_std_error(row)
    index_change = outcome = None
    if comparable:
        index_change = _change(row.cx_index, previous.cx_index, row.half_width, previous.half_width)
        outcome = [
            (before, *_change(now, before, half_width, half_width))
            for now, before, half_width in (
                (row.nps_score, previous.nps_score, NPS_HALF_WIDTH),
                (csat(row), csat(previous), SHARE_HALF_WIDTH),
                (ces(row), ces(previous), SHARE_HALF_WIDTH),
            )
        ]
    (
        (nps_prev, nps_change, _, nps_sig),
        (csat_prev, csat_change, _, csat_sig),
        (ces_prev, ces_change, _, ces_sig),
    ) = outcome or [(None,) * 4] * 3
    return (
        se, row.cx_index - Z * se, row.cx_index + Z * se,
        index_change[1] if index_change else None, index_change[2] if index_change else None,
        *rank_range(row, scores, "country"), *rank_range(row, scores, "sector"),
        previous.rank_in_sector if comparable else None,
        previous.rank_in_sector - row.rank_in_sector if comparable else None,
        row.nps_score - NPS_HALF_WIDTH, row.nps_score + NPS_HALF_WIDTH,
        nps_prev, nps_change, nps_sig,
        csat(row), csat(row) - SHARE_HALF_WIDTH, csat(row) + SHARE_HALF_WIDTH,
        csat_prev, csat_change, csat_sig,
        ces(row), ces(row) - SHARE_HALF_WIDTH, ces(row) + SHARE_HALF_WIDTH,
        ces_prev, ces_change, ces_sig,
    )  # fmt: skip


def pillar_change(
    row: CompanyWave, pillar_id: str, scores: Sequence[CompanyWave] = SCORES
) -> tuple[object, ...]:
    """(previous wave, previous mean, change, standard error, significant) of a pillar,
    all None unless the company is a comparable mover (ranked in both waves)."""
    previous = previous_of(row, scores)
    if not (previous and previous.is_eligible and row.is_eligible):
        return (None,) * 5
    before = previous.pillar(pillar_id)[0]
    change = _change(row.pillar(pillar_id)[0], before, row.half_width, previous.half_width)
    return (previous.wave, before, *change)


def write(connection: duckdb.DuckDBPyConnection, scores: Sequence[CompanyWave]) -> None:
    """Create and fill the two company marts inside the fixture's build connection."""
    create_marts(connection, "fct_company_pillar_scores", "fct_company_scores")
    insert_rows(
        connection,
        "marts.fct_company_scores",
        COMPANY_SCORE_COLUMNS,
        [_company_row(row, scores) for row in scores],
    )
    insert_rows(
        connection,
        "marts.fct_company_pillar_scores",
        (*PILLAR_SCORE_COLUMNS, *PILLAR_CHANGE_COLUMNS),
        [
            (*_pillar_row(row, pillar_id), *pillar_change(row, pillar_id, scores))
            for row in scores
            for pillar_id in row.pillars
        ],
    )
