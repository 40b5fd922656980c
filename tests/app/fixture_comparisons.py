"""Leader-gap and pillar-comparison rows of the fixture warehouse, by the marts' rules.

A company's gap to its sector leader (gap = leader − company, significant at
z > 1.96, priority = gap × importance for a significant shortfall only) and its
comparisons with the leader, its sector average and its national average
(difference = company − comparator), computed from the company rows of
``warehouse_fixture`` and the averages of ``fixture_aggregates``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from fixture_aggregates import (
    CRITICAL_VALUE,
    IMPORTANCE_BY_STUDY,
    IMPORTANCE_HALF_WIDTH,
    Aggregate,
    aggregate,
)
from warehouse_fixture import PILLAR_IDS, SCORES, CompanyWave


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
