"""Sector and country averages and the importance of the fixture warehouse.

Derived from the company rows of ``warehouse_fixture`` by the marts' documented rules
(averages over ranked companies, disclosure control, gap = leader − company,
priority = gap × importance), with thresholds small enough for four companies:
at least 2 ranked companies and no company above 60% of the evaluations. So in NL
2024 the BANK sector is shown (Alfa 240 + Beta 180 evaluations: 57%) and TEL is
suppressed (only Delta); PL 2024 is suppressed as a country. PL's importance
could not be estimated. The reputation study's aggregates, gaps and importance are
its own (integrity and empathy only), computed from its rows alone.

Gaps and comparisons are in ``fixture_comparisons``; ``fixture_aggregate_marts``
writes all of them into the marts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from warehouse_fixture import (
    CANONICAL,
    COMPANIES,
    OUTCOMES,
    REPUTATION,
    SCORES,
    SHADOW,
    CompanyWave,
)

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


def aggregates_of(scores: Sequence[CompanyWave]) -> list[Aggregate]:
    """Every sector and country aggregate of one study's ``scores``."""
    cells = sorted({(row.country, row.wave, row.sector_code) for row in scores})
    countries = sorted({(country, wave) for country, wave, _ in cells})
    return [aggregate(*cell, scores=scores) for cell in cells] + [
        aggregate(country, wave, scores=scores) for country, wave in countries
    ]
