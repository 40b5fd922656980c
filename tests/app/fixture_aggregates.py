"""Benchmark (sector and country), leader-gap and importance marts of the fixture warehouse.

Derived from the company rows of ``warehouse_fixture`` by the marts' documented rules
(averages over ranked companies, disclosure control, gap = leader − company,
priority = gap × importance), with thresholds small enough for four companies:
at least 2 ranked companies and no company above 60% of the evaluations. So in NL
2024 the BANK sector is shown (Alfa 240 + Beta 180 evaluations: 57%) and TEL is
suppressed (only Delta); PL 2024 is suppressed as a country. PL's importance
could not be estimated. The reputation study's aggregates, gaps and importance are
its own (integrity and empathy only), computed from its rows alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
from warehouse_fixture import (
    CANONICAL,
    COMPANIES,
    METHODOLOGY,
    OUTCOMES,
    PILLAR_IDS,
    REPUTATION,
    SCORES,
    SHADOW,
    CompanyWave,
    measured_pillars,
)

from tests.fixtures.mart_tables import create_marts, insert_rows

MIN_AGGREGATE_COMPANIES = 2
MAX_COMPANY_SHARE = 0.6
CRITICAL_VALUE = 1.96
SECTORS = [("BANK", "Banking", "64", 4), ("TEL", "Telecom", "61", 1)]
#: dim_sector_label: every sector in every language; BANK has no Norwegian translation,
#: so it falls back to its English name there, as the mart does.
SECTOR_LABELS = [
    ("BANK", "en", "Banking", True), ("BANK", "nl", "Bankwezen", True),
    ("BANK", "no", "Banking", False), ("BANK", "pl", "Bankowość", True),
    ("TEL", "en", "Telecom", True), ("TEL", "nl", "Telecommunicatie", True),
    ("TEL", "no", "Telekommunikasjon", True), ("TEL", "pl", "Telekomunikacja", True),
]  # fmt: skip
REVENUE = {row[0]: row[6] for row in COMPANIES}

#: Combined importance per pillar (PILLAR_IDS order; None for a pillar the study does
#: not measure) per country × wave of the canonical study; None = not estimated.
IMPORTANCE: dict[tuple[str, int], tuple[float | None, ...] | None] = {
    ("NL", 2024): (0.20, 0.25, 0.12, 0.18, 0.10, 0.15),
    ("NL", 2023): (0.18, 0.22, 0.15, 0.17, 0.12, 0.16),
    ("PL", 2024): None,
}
#: (nps R², loyalty R², complete cases) per country × wave of the canonical study.
EXPLAINED: dict[tuple[str, int], tuple[float | None, float | None, int]] = {
    ("NL", 2024): (0.66, 0.61, 540),
    ("NL", 2023): (0.63, 0.60, 350),
    ("PL", 2024): (None, None, 120),
}
#: The same for the reputation study: importance over its two pillars.
REPUTATION_IMPORTANCE: dict[tuple[str, int], tuple[float | None, ...] | None] = {
    ("NL", 2024): (None, 0.55, None, None, None, 0.45),
}
REPUTATION_EXPLAINED: dict[tuple[str, int], tuple[float | None, float | None, int]] = {
    ("NL", 2024): (0.41, 0.38, 300),
}
#: The shadow study (the canonical one with other numbers): importance reversed.
IMPORTANCE_BY_STUDY = {
    CANONICAL: IMPORTANCE,
    REPUTATION: REPUTATION_IMPORTANCE,
    SHADOW: {cell: weights and weights[::-1] for cell, weights in IMPORTANCE.items()},
    OUTCOMES: {},
}
EXPLAINED_BY_STUDY = {
    CANONICAL: EXPLAINED,
    REPUTATION: REPUTATION_EXPLAINED,
    SHADOW: {
        cell: (nps and nps - 0.1, loyalty and loyalty - 0.1, cases + 1)
        for cell, (nps, loyalty, cases) in EXPLAINED.items()
    },
    OUTCOMES: {},
}
NOT_ESTIMATED_NOTE = "too few complete cases (120 < 200)"
#: Half width of every estimated importance's interval (its jackknife stand-in).
IMPORTANCE_HALF_WIDTH = 0.03


@dataclass(frozen=True)
class Aggregate:
    """A sector (``sector_code`` set) or a country (``sector_code`` None) in one wave."""

    country: str
    wave: int
    sector_code: str | None
    evaluated: tuple[CompanyWave, ...]

    @property
    def ranked(self) -> tuple[CompanyWave, ...]:
        return tuple(row for row in self.evaluated if row.rank_in_country is not None)

    @property
    def top_share(self) -> float | None:
        total = sum(row.n_evaluations for row in self.ranked)
        return max(row.n_evaluations for row in self.ranked) / total if self.ranked else None

    @property
    def suppression_reason(self) -> str | None:
        if len(self.ranked) < MIN_AGGREGATE_COMPANIES:
            return f"fewer than {MIN_AGGREGATE_COMPANIES} eligible companies (n={len(self.ranked)})"
        if self.top_share > MAX_COMPANY_SHARE:
            return f"one company holds {self.top_share:.0%} of evaluations"
        return None

    @property
    def is_suppressed(self) -> bool:
        return self.suppression_reason is not None

    @property
    def is_peer_set_disclosed(self) -> bool | None:
        """Sector rows: peers shown one by one where the average is (NULL on countries)."""
        if self.sector_code is None:
            return None
        return not self.is_suppressed and len(self.ranked) >= MIN_AGGREGATE_COMPANIES

    def mean(self, values: Sequence[float]) -> float | None:
        return None if self.is_suppressed else sum(values) / len(values)

    @property
    def avg_cx_index(self) -> float | None:
        return self.mean([row.cx_index for row in self.ranked])

    @property
    def revenue_weighted_cx_index(self) -> float | None:
        if self.is_suppressed:
            return None
        weights = [REVENUE[row.company_id] for row in self.ranked]
        values = [row.cx_index for row in self.ranked]
        return sum(w * v for w, v in zip(weights, values, strict=True)) / sum(weights)

    def pillar_average(self, pillar_id: str) -> float | None:
        return self.mean([row.pillar(pillar_id)[0] for row in self.ranked])

    def pillar_half_width(self, pillar_id: str) -> float:
        """The marts' interval of the average: z · sqrt(Σ se²) / k, se = half width / z."""
        k = len(self.ranked)
        return math.sqrt(sum(row.half_width**2 for row in self.ranked)) / k

    def pillar_interval(self, pillar_id: str) -> tuple[float | None, ...]:
        """Average, standard error, interval bounds of a pillar (all NULL when suppressed)."""
        average = self.pillar_average(pillar_id)
        if average is None:
            return (None, None, None, None)
        half_width = self.pillar_half_width(pillar_id)
        return (average, half_width / CRITICAL_VALUE, average - half_width, average + half_width)


def aggregate(
    country: str, wave: int, sector_code: str | None = None, scores: Sequence[CompanyWave] = SCORES
) -> Aggregate:
    """The sector (or, without ``sector_code``, the country) aggregate of a wave."""
    members = tuple(
        row
        for row in scores
        if (row.country, row.wave) == (country, wave) and sector_code in (None, row.sector_code)
    )
    return Aggregate(country, wave, sector_code, members)


def _aggregates(scores: Sequence[CompanyWave]) -> list[Aggregate]:
    """Every sector and country aggregate of one study's ``scores``."""
    cells = sorted({(row.country, row.wave, row.sector_code) for row in scores})
    countries = sorted({(country, wave) for country, wave, _ in cells})
    return [aggregate(*cell, scores=scores) for cell in cells] + [
        aggregate(country, wave, scores=scores) for country, wave in countries
    ]


@dataclass(frozen=True)
class Gap:
    """One fct_leader_gaps row."""

    row: CompanyWave
    leader: CompanyWave
    pillar_id: str
    importance: float | None

    @property
    def gap(self) -> float:
        return self.leader.pillar(self.pillar_id)[0] - self.row.pillar(self.pillar_id)[0]

    @property
    def std_error(self) -> float | None:
        if self.row.company_id == self.leader.company_id:
            return None
        return math.hypot(self.row.half_width, self.leader.half_width) / CRITICAL_VALUE

    @property
    def is_significant(self) -> bool:
        return self.std_error is not None and abs(self.gap / self.std_error) > CRITICAL_VALUE

    @property
    def direction(self) -> str:
        """behind / level / ahead against the leader (fct_leader_gaps.direction)."""
        if not self.is_significant:
            return "level"
        return "behind" if self.gap > 0 else "ahead"

    @property
    def priority(self) -> float | None:
        """gap × importance, for a significant shortfall only (a lead is never a priority)."""
        if self.importance is None or self.direction != "behind":
            return None
        return self.gap * self.importance

    @property
    def importance_interval(self) -> tuple[float | None, float | None, float | None]:
        """(standard error, low, high) of the importance (NULL when not estimated)."""
        if self.importance is None:
            return (None, None, None)
        return (
            IMPORTANCE_HALF_WIDTH / CRITICAL_VALUE,
            self.importance - IMPORTANCE_HALF_WIDTH,
            self.importance + IMPORTANCE_HALF_WIDTH,
        )

    @property
    def priority_interval(self) -> tuple[float | None, float | None]:
        """Delta-method interval of the priority: se² = imp² se_gap² + gap² se_imp²."""
        if self.priority is None or self.std_error is None:
            return (None, None)
        importance_se = IMPORTANCE_HALF_WIDTH / CRITICAL_VALUE
        std_error = math.hypot(self.importance * self.std_error, self.gap * importance_se)
        return (
            self.priority - CRITICAL_VALUE * std_error,
            self.priority + CRITICAL_VALUE * std_error,
        )


def leader_gaps(scores: Sequence[CompanyWave] = SCORES) -> list[tuple[Gap, int | None]]:
    """Every gap row with its priority rank (1 = highest priority in the company × wave)."""
    ranked_rows: list[tuple[Gap, int | None]] = []
    for row in scores:
        leader = next(
            (
                other
                for other in scores
                if other.is_sector_leader
                and (other.study_id, other.country, other.wave, other.sector_code)
                == (row.study_id, row.country, row.wave, row.sector_code)
            ),
            None,
        )
        if leader is None:
            continue
        weights = IMPORTANCE_BY_STUDY[row.study_id][(row.country, row.wave)]
        gaps = [
            Gap(row, leader, pillar_id, weights[PILLAR_IDS.index(pillar_id)] if weights else None)
            for pillar_id in row.pillars
        ]
        order = sorted(
            (gap for gap in gaps if gap.priority is not None), key=lambda gap: -gap.priority
        )
        ranks = {gap.pillar_id: position for position, gap in enumerate(order, start=1)}
        ranked_rows.extend((gap, ranks.get(gap.pillar_id)) for gap in gaps)
    return ranked_rows


def gaps_of(
    company_id: str, country: str = "NL", wave: int = 2024, scores: Sequence[CompanyWave] = SCORES
) -> list[tuple[Gap, int]]:
    """One company-wave's gaps in priority order (``scores``: one study's rows); the
    pillars without a priority (not a significant shortfall) last, rank None."""
    rows = [
        (gap, rank)
        for gap, rank in leader_gaps(scores)
        if (gap.row.company_id, gap.row.country, gap.row.wave) == (company_id, country, wave)
    ]
    return sorted(rows, key=lambda item: (item[1] is None, item[1] or 0))


@dataclass(frozen=True)
class Comparison:
    """One fct_pillar_comparisons row: a company's pillar against its leader or an average.

    ``difference`` is company − comparator (negative = behind), NULL with the direction
    where the average is suppressed or the sector has no leader.
    """

    row: CompanyWave
    pillar_id: str
    comparator: str
    comparator_company_id: str | None
    comparator_mean: float | None
    comparator_std_error: float | None
    difference_std_error: float | None

    @property
    def difference(self) -> float | None:
        if self.comparator_mean is None:
            return None
        return self.row.pillar(self.pillar_id)[0] - self.comparator_mean

    @property
    def z_score(self) -> float | None:
        if self.difference is None or not self.difference_std_error:
            return None
        return self.difference / self.difference_std_error

    @property
    def is_significant(self) -> bool:
        return self.z_score is not None and abs(self.z_score) > CRITICAL_VALUE

    @property
    def direction(self) -> str | None:
        if self.difference is None:
            return None
        if not self.is_significant:
            return "level"
        return "behind" if self.difference < 0 else "ahead"


def _average_comparison(
    row: CompanyWave, pillar_id: str, cell: Aggregate, comparator: str
) -> Comparison:
    """The company against an average, whose standard error counts the company's own
    weight when it is one of the averaged (ranked) companies."""
    average, average_se, _, _ = cell.pillar_interval(pillar_id)
    own_se = row.half_width / CRITICAL_VALUE
    if average is None:
        std_error = None
    elif row in cell.ranked:
        k = len(cell.ranked)
        others = sum(
            (other.half_width / CRITICAL_VALUE / k) ** 2 for other in cell.ranked if other != row
        )
        std_error = math.sqrt(((1 - 1 / k) * own_se) ** 2 + others)
    else:
        std_error = math.hypot(own_se, average_se)
    return Comparison(row, pillar_id, comparator, None, average, average_se, std_error)


def pillar_comparisons(scores: Sequence[CompanyWave] = SCORES) -> list[Comparison]:
    """Every company × pillar against its leader (where the sector has one), its sector
    average and its national average (``scores``: one study's rows)."""
    comparisons = [
        Comparison(
            gap.row,
            gap.pillar_id,
            "leader",
            gap.leader.company_id,
            gap.leader.pillar(gap.pillar_id)[0],
            gap.leader.half_width / CRITICAL_VALUE,
            gap.std_error or 0.0,
        )
        for gap, _ in leader_gaps(scores)
    ]
    for row in scores:
        sector = aggregate(row.country, row.wave, row.sector_code, scores)
        country = aggregate(row.country, row.wave, scores=scores)
        for pillar_id in row.pillars:
            comparisons.append(_average_comparison(row, pillar_id, sector, "sector"))
            comparisons.append(_average_comparison(row, pillar_id, country, "country"))
    return comparisons


def comparisons_of(
    company_id: str, comparator: str, country: str = "NL", wave: int = 2024
) -> dict[str, Comparison]:
    """pillar_id -> the canonical study's comparison of one company-wave with ``comparator``."""
    return {
        item.pillar_id: item
        for item in pillar_comparisons(SCORES)
        if (item.row.company_id, item.row.country, item.row.wave, item.comparator)
        == (company_id, country, wave, comparator)
    }


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
    for cell in _aggregates(scores):
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
