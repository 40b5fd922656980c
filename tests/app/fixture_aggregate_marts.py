"""The fixture's aggregate marts written: benchmarks, leader gaps, importance, comparisons.

Rows come from ``fixture_aggregates`` (sector and country averages, importance) and
``fixture_comparisons`` (gaps and comparisons); each study's from its own rows only.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
from fixture_aggregates import (
    CRITICAL_VALUE,
    EXPLAINED_BY_STUDY,
    IMPORTANCE_BY_STUDY,
    IMPORTANCE_HALF_WIDTH,
    NOT_ESTIMATED_NOTE,
    SECTOR_LABELS,
    SECTORS,
    aggregates_of,
)
from fixture_comparisons import leader_gaps, pillar_comparisons
from warehouse_fixture import METHODOLOGY, PILLAR_IDS, CompanyWave, measured_pillars

from tests.fixtures.mart_tables import create_marts, insert_rows

#: The fixture's columns of each aggregate mart (the tables themselves: the dbt contracts).
# fmt: off
COLUMNS = {
    "dim_sector": ("sector_code", "sector_name", "nace_division", "n_companies"),
    "dim_sector_label": ("sector_code", "language", "sector_label", "is_translated"),
    "fct_benchmark_scores": (
        "study_id", "benchmark_level", "country", "sector_code", "wave", "n_companies",
        "n_eligible_companies", "n_eligible_evaluations", "top_company_share", "avg_cx_index",
        "revenue_weighted_cx_index", "avg_nps_score", "is_suppressed", "suppression_reason",
        "methodology_version", "n_revenue_companies", "is_revenue_suppressed",
        "revenue_suppression_reason", "is_peer_set_disclosed",
    ),
    "fct_benchmark_pillar_scores": (
        "study_id", "benchmark_level", "country", "sector_code", "wave", "pillar_id",
        "n_companies_scored", "avg_score", "std_error", "ci_low", "ci_high", "is_suppressed",
        "suppression_reason", "methodology_version", "is_revenue_suppressed",
        "revenue_suppression_reason",
    ),
    "fct_leader_gaps": (
        "study_id", "company_id", "country", "wave", "sector_code", "pillar_id",
        "leader_company_id", "mean_score", "leader_mean_score", "gap_to_leader", "gap_std_error",
        "gap_z_score", "importance", "priority", "priority_rank", "is_leader", "is_eligible",
        "is_gap_significant", "confidence_level", "methodology_version", "direction",
        "importance_std_error", "importance_ci_low", "importance_ci_high", "priority_ci_low",
        "priority_ci_high",
    ),
    "fct_pillar_importance": (
        "study_id", "country", "wave", "pillar_id", "importance", "importance_rank", "nps_share",
        "loyalty_share", "nps_r2", "loyalty_r2", "n_complete_cases", "is_estimated",
        "estimation_note", "methodology_version", "importance_std_error", "importance_ci_low",
        "importance_ci_high", "confidence_level",
    ),
    "fct_pillar_comparisons": (
        "study_id", "company_id", "country", "wave", "sector_code", "pillar_id", "comparator",
        "comparator_company_id", "mean_score", "std_error", "comparator_mean_score",
        "comparator_std_error", "difference", "difference_std_error", "z_score", "direction",
        "is_significant", "confidence_level", "methodology_version",
    ),
}
# fmt: on


def _insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    insert_rows(connection, f"marts.{table}", COLUMNS[table], rows)


def _importance_interval(weight: float) -> tuple[float, float, float]:
    """(standard error, low, high) of an estimated importance."""
    return (
        IMPORTANCE_HALF_WIDTH / CRITICAL_VALUE,
        weight - IMPORTANCE_HALF_WIDTH,
        weight + IMPORTANCE_HALF_WIDTH,
    )


def _importance_rows(study_id: str) -> list[tuple]:
    """fct_pillar_importance rows of one study: one per pillar it measures."""
    rows = []
    pillars = measured_pillars(study_id)
    for (country, wave), weights in IMPORTANCE_BY_STUDY[study_id].items():
        nps_r2, loyalty_r2, cases = EXPLAINED_BY_STUDY[study_id][(country, wave)]
        order = sorted(pillars, key=lambda p: -weights[PILLAR_IDS.index(p)]) if weights else []
        for pillar_id in pillars:
            weight = weights[PILLAR_IDS.index(pillar_id)] if weights else None
            rows.append((
                study_id, country, wave, pillar_id, weight,
                order.index(pillar_id) + 1 if weights else None,
                weight, weight, nps_r2, loyalty_r2, cases, weights is not None,
                None if weights else NOT_ESTIMATED_NOTE, METHODOLOGY,
                *(_importance_interval(weight) if weights else (None, None, None)), 0.95,
            ))  # fmt: skip
    return rows


def write(connection: duckdb.DuckDBPyConnection, scores: Sequence[CompanyWave]) -> None:
    """Create and fill the aggregate marts inside the fixture's build connection.

    Each study's aggregates, gaps and importance come from its own rows only.
    """
    create_marts(connection, *COLUMNS)
    _insert(connection, "dim_sector", SECTORS)
    _insert(connection, "dim_sector_label", SECTOR_LABELS)
    for study_id in dict.fromkeys(row.study_id for row in scores):
        _write_study(connection, study_id, [row for row in scores if row.study_id == study_id])


def _write_study(
    connection: duckdb.DuckDBPyConnection, study_id: str, scores: Sequence[CompanyWave]
) -> None:
    """The aggregate marts' rows of one study."""
    benchmarks, benchmark_pillars = [], []
    for cell in aggregates_of(scores):
        level = ("sector", cell.sector_code) if cell.sector_code else ("country", "*")
        key = (study_id, level[0], cell.country, level[1], cell.wave)
        shared = (cell.is_suppressed, cell.suppression_reason, METHODOLOGY)
        # the fixture withholds its revenue-weighted means exactly where its plain ones are
        revenue = (cell.is_suppressed, cell.suppression_reason)
        for pillar_id in measured_pillars(study_id):
            benchmark_pillars.append(
                (*key, pillar_id, len(cell.ranked), *cell.pillar_interval(pillar_id), *shared,
                 *revenue)
            )  # fmt: skip
        nps = cell.mean([row.nps_score for row in cell.ranked])
        benchmarks.append((
            *key, len(cell.evaluated), len(cell.ranked),
            sum(row.n_evaluations for row in cell.ranked), cell.top_share,
            cell.avg_cx_index, cell.revenue_weighted_cx_index, nps, *shared,
            len(cell.ranked), *revenue, cell.is_peer_set_disclosed,
        ))  # fmt: skip
    _insert(connection, "fct_benchmark_scores", benchmarks)
    _insert(connection, "fct_benchmark_pillar_scores", benchmark_pillars)
    _insert(
        connection,
        "fct_leader_gaps",
        [
            (
                study_id,
                gap.row.company_id,
                gap.row.country,
                gap.row.wave,
                gap.row.sector_code,
                gap.pillar_id,
                gap.leader.company_id,
                gap.row.pillar(gap.pillar_id)[0],
                gap.leader.pillar(gap.pillar_id)[0],
                gap.gap,
                gap.std_error,
                gap.gap / gap.std_error if gap.std_error else None,
                gap.importance,
                gap.priority,
                rank,
                gap.row.company_id == gap.leader.company_id,
                gap.row.is_eligible,
                gap.is_significant,
                0.95,
                METHODOLOGY,
                gap.direction,
                *gap.importance_interval,
                *gap.priority_interval,
            )
            for gap, rank in leader_gaps(scores)
        ],
    )
    _insert(connection, "fct_pillar_importance", _importance_rows(study_id))
    _insert(
        connection,
        "fct_pillar_comparisons",
        [
            (
                study_id,
                item.row.company_id,
                item.row.country,
                item.row.wave,
                item.row.sector_code,
                item.pillar_id,
                item.comparator,
                item.comparator_company_id,
                item.row.pillar(item.pillar_id)[0],
                item.row.half_width / CRITICAL_VALUE,
                item.comparator_mean,
                item.comparator_std_error,
                item.difference,
                item.difference_std_error if item.comparator_mean is not None else None,
                item.z_score,
                item.direction,
                item.is_significant,
                0.95,
                METHODOLOGY,
            )
            for item in pillar_comparisons(scores)
        ],
    )
