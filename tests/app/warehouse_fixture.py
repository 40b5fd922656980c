"""A warehouse small enough to check by hand: the marts the app reads, as Python rows.

The company marts of data contract §4, with:
- NL 2024, sector BANK: Alfa Bank (leader), Beta Bank (follower), Gamma Bank
  (40 evaluations: below the minimum base, not ranked); sector TEL: Delta Telecom.
- NL 2023: Beta Bank led, Alfa Bank followed (the leader changes with the wave),
  so in NL 2024 Alfa climbed and Beta fell (the movers); Delta Telecom had only 60
  evaluations (not ranked, so its sector has no leader and no average that wave).
- PL 2024: Omega Bank alone.

Sector, country, gap and importance marts are in ``fixture_aggregates``; batches,
rejects, check runs and methodology parameters in ``fixture_audit``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.fixtures.mart_tables import create_marts, insert_rows

METHODOLOGY = "1.0.0"

# fmt: off
PILLARS = [
    # pillar_id, sort_order, pillar_group, label_en, label_nl, label_no, label_pl
    ("personalisation", 1, "distinguishing", "Personalisation", "Personalisatie",
     "Personalisering", "Personalizacja"),
    ("integrity", 2, "foundational", "Integrity", "Integriteit", "Integritet", "Wiarygodność"),
    ("expectations", 3, "intermediate", "Expectations", "Verwachtingen", "Forventninger",
     "Oczekiwania"),
    ("resolution", 4, "foundational", "Resolution", "Probleemoplossing", "Problemløsning",
     "Rozwiązywanie problemów"),
    ("time_effort", 5, "intermediate", "Time & Effort", "Tijd & moeite", "Tid og innsats",
     "Czas i wysiłek"),
    ("empathy", 6, "distinguishing", "Empathy", "Empathie", "Empati", "Empatia"),
]
# fmt: on
PILLAR_IDS = [pillar[0] for pillar in PILLARS]
DIM_PILLAR_COLUMNS = (
    "pillar_id", "sort_order", "pillar_group", "label_en", "label_nl", "label_no", "label_pl",
)  # fmt: skip

# fmt: off
COMPANIES = [
    # company_id, company_name, parent_name, sector_code, sector_name, country, revenue, employees
    ("nl_alfa", "Alfa Bank", "Alfa Group", "BANK", "Banking", "NL", 1200.0, 5000),
    ("nl_beta", "Beta Bank", None, "BANK", "Banking", "NL", 800.0, 3100),
    ("nl_gamma", "Gamma Bank", None, "BANK", "Banking", "NL", 90.0, 420),
    ("nl_delta", "Delta Telecom", "Delta Holding", "TEL", "Telecom", "NL", 650.0, 2300),
    ("pl_omega", "Omega Bank", None, "BANK", "Banking", "PL", 300.0, 1500),
]
# fmt: on
DIM_COMPANY_COLUMNS = (
    "company_id",
    "company_name",
    "parent_name",
    "sector_code",
    "sector_name",
    "country",
    "revenue",
    "employees",
    "has_reference_data",
    "n_countries_surveyed",
    "countries_surveyed",
)  # fmt: skip


@dataclass(frozen=True)
class CompanyWave:
    """One company × wave: the fct_company_scores row and its six pillar means."""

    company_id: str
    country: str
    wave: int
    sector_code: str
    n_evaluations: int
    cx_index: float
    rank_in_country: int | None
    rank_in_sector: int | None
    is_sector_leader: bool
    means: tuple[float, float, float, float, float, float]
    half_width: float
    nps_score: float = 0.0

    @property
    def is_eligible(self) -> bool:
        """Ranked companies are the eligible ones; keeping one source avoids contradictions."""
        return self.rank_in_country is not None

    def pillar(self, pillar_id: str) -> tuple[float, float, float]:
        """(mean, ci_low, ci_high) of one pillar, exactly as stored in the mart."""
        mean = self.means[PILLAR_IDS.index(pillar_id)]
        return mean, round(mean - self.half_width, 2), round(mean + self.half_width, 2)


# fmt: off
SCORES = [
    CompanyWave("nl_alfa", "NL", 2024, "BANK", 240, 7.85, 1, 1, True,
                (8.10, 7.90, 7.60, 7.70, 7.50, 8.00), 0.25, 31.5),
    CompanyWave("nl_delta", "NL", 2024, "TEL", 150, 7.40, 2, 1, True,
                (7.20, 7.60, 7.30, 7.40, 7.10, 7.50), 0.30, 12.0),
    CompanyWave("nl_beta", "NL", 2024, "BANK", 180, 7.10, 3, 2, False,
                (6.90, 7.70, 7.00, 7.45, 6.80, 7.30), 0.28, -4.5),
    CompanyWave("nl_gamma", "NL", 2024, "BANK", 40, 6.55, None, None, False,
                (6.40, 6.90, 6.50, 6.60, 6.30, 6.70), 0.60, -20.0),
    CompanyWave("nl_alfa", "NL", 2023, "BANK", 210, 7.20, 2, 2, False,
                (7.40, 7.30, 7.00, 7.10, 6.90, 7.50), 0.26, 8.0),
    CompanyWave("nl_beta", "NL", 2023, "BANK", 160, 7.30, 1, 1, True,
                (7.10, 7.60, 7.20, 7.40, 7.00, 7.50), 0.30, 10.5),
    CompanyWave("nl_delta", "NL", 2023, "TEL", 60, 6.80, None, None, False,
                (6.60, 7.00, 6.70, 6.90, 6.50, 7.00), 0.50, 3.0),
    CompanyWave("pl_omega", "PL", 2024, "BANK", 130, 6.90, 1, 1, True,
                (6.70, 7.10, 6.80, 7.00, 6.60, 7.20), 0.33, 2.0),
]
# fmt: on

#: The country's previous wave for each company-wave (None in its first wave).
PREVIOUS_WAVE = {("NL", 2024): 2023, ("NL", 2023): None, ("PL", 2024): None}

# fmt: on

#: The fixture's columns of the company marts (the tables themselves: the dbt contracts).
PILLAR_SCORE_COLUMNS = (
    "company_id", "country", "wave", "pillar_id", "n_evaluations", "mean_score",
    "stddev_score", "std_error", "ci_low", "ci_high", "is_eligible", "confidence_level",
    "methodology_version",
)  # fmt: skip
COMPANY_SCORE_COLUMNS = (
    "company_id", "country", "wave", "sector_code", "n_evaluations", "cx_index", "nps_score",
    "is_eligible", "rank_in_country", "rank_in_sector", "is_sector_leader", "previous_wave",
    "previous_cx_index", "cx_index_change", "previous_rank_in_country",
    "rank_in_country_change", "is_mover_comparable", "methodology_version",
)  # fmt: skip


def _pillar_row(row: CompanyWave, pillar_id: str) -> tuple[object, ...]:
    """A fct_company_pillar_scores row; stddev and standard error are filler the app ignores."""
    mean, ci_low, ci_high = row.pillar(pillar_id)
    std_error = row.half_width / 1.96
    return (
        row.company_id,
        row.country,
        row.wave,
        pillar_id,
        row.n_evaluations,
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
    """The same company in its country's previous wave, if it was scored there."""
    previous_wave = PREVIOUS_WAVE[(row.country, row.wave)]
    return next(
        (
            other
            for other in scores
            if (other.company_id, other.country, other.wave)
            == (row.company_id, row.country, previous_wave)
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
        row.company_id, row.country, row.wave, row.sector_code, row.n_evaluations,
        row.cx_index, row.nps_score, row.is_eligible, row.rank_in_country,
        row.rank_in_sector, row.is_sector_leader, PREVIOUS_WAVE[(row.country, row.wave)],
        previous.cx_index if comparable else None,
        row.cx_index - previous.cx_index if comparable else None,
        previous.rank_in_country if comparable else None,
        previous.rank_in_country - row.rank_in_country if comparable else None,
        comparable, METHODOLOGY,
    )  # fmt: skip


def build_warehouse(
    path: Path, scores: Sequence[CompanyWave] = SCORES, with_audit: bool = True
) -> Path:
    """Write the fixture marts to a new DuckDB file at ``path`` (built aside, then swapped in).

    Building into a temporary name and ``os.replace``-ing it mirrors what a refresh
    does, so the same helper serves the swap test.
    """
    staging = path.with_name(path.name + ".building")
    staging.unlink(missing_ok=True)
    with duckdb.connect(str(staging)) as connection:
        create_marts(
            connection, "dim_pillar", "dim_company", "fct_company_pillar_scores",
            "fct_company_scores",
        )  # fmt: skip
        insert_rows(connection, "marts.dim_pillar", DIM_PILLAR_COLUMNS, PILLARS)
        insert_rows(
            connection,
            "marts.dim_company",
            DIM_COMPANY_COLUMNS,
            [(*row, True, 1, row[5]) for row in COMPANIES],
        )
        insert_rows(
            connection,
            "marts.fct_company_scores",
            COMPANY_SCORE_COLUMNS,
            [_company_row(row, scores) for row in scores],
        )
        insert_rows(
            connection,
            "marts.fct_company_pillar_scores",
            PILLAR_SCORE_COLUMNS,
            [_pillar_row(row, pillar_id) for row in scores for pillar_id in PILLAR_IDS],
        )
        # imported here: the aggregate module derives its rows from this one's
        import fixture_aggregates
        import fixture_audit

        fixture_aggregates.write(connection, scores)
        if with_audit:
            fixture_audit.write(connection)
    os.replace(staging, path)
    return path


def score_of(company_id: str, country: str = "NL", wave: int = 2024) -> CompanyWave:
    """The fixture row of one company × wave."""
    return next(
        row
        for row in SCORES
        if (row.company_id, row.country, row.wave) == (company_id, country, wave)
    )
