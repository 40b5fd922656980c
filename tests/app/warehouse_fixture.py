"""A warehouse small enough to check by hand: the marts the app reads, as Python rows.

The company marts of data contract §4, with:
- NL 2024, sector BANK: Alfa Bank (leader), Beta Bank (follower), Gamma Bank
  (40 evaluations: below the minimum base, not ranked); sector TEL: Delta Telecom.
- NL 2023: Beta Bank led, Alfa Bank followed (the leader changes with the wave),
  so in NL 2024 Alfa climbed and Beta fell (the movers); Delta Telecom had only 60
  evaluations (not ranked, so its sector has no leader and no average that wave).
- PL 2024: Omega Bank alone.

All of that is the canonical study ``cxbench`` (six pillars, every statement). A
second study, ``reputation`` (a reputation tracker asking 2 of the 5 integrity
statements and 1 of the 5 empathy statements), scored Alfa, Beta and Delta in NL
2024 too, with other numbers and another order (Beta leads): a query that forgets
the study shows those companies twice, or the tracker's numbers on the canonical page.

The company marts' rows are made in ``fixture_company_marts``; sector, country, gap
and importance marts in ``fixture_aggregate_marts``; batches, rejects, check runs
and methodology parameters in ``fixture_audit``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from tests.fixtures.mart_tables import create_marts, insert_rows

METHODOLOGY = "1.0.0"
CANONICAL = "cxbench"
REPUTATION = "reputation"
SHADOW = "shadow"
#: A study that asked no statement at all (outcomes only): no pillar rows, no index.
OUTCOMES = "outcomes"

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


#: Statements per pillar in the catalogue (dbt_project/seeds/statement_catalogue.csv).
CATALOGUE_STATEMENTS = {
    "personalisation": 6, "integrity": 5, "expectations": 4, "resolution": 5,
    "time_effort": 5, "empathy": 5,
}  # fmt: skip
#: Statements each study asks, per pillar it measures (a pillar it lacks: not measured).
STUDY_STATEMENTS: dict[str, dict[str, int]] = {
    CANONICAL: dict(CATALOGUE_STATEMENTS),
    REPUTATION: {"integrity": 2, "empathy": 1},
    SHADOW: dict(CATALOGUE_STATEMENTS),
    OUTCOMES: {},
}
# fmt: off
STUDIES = [
    # study_id, study_name, study_instrument, is_canonical, n_countries, n_waves,
    # first_wave, latest_wave
    (CANONICAL, "CX Benchmark", "cxbench 30 statements", True, 2, 2, 2023, 2024),
    (REPUTATION, "Reputation Pulse", "RepPulse 2024", False, 1, 1, 2024, 2024),
    (SHADOW, "Shadow Panel", "", False, 2, 2, 2023, 2024),
    (OUTCOMES, "NPS Tracker", "", False, 1, 1, 2024, 2024),
]
# fmt: on
DIM_STUDY_COLUMNS = (
    "study_id",
    "study_name",
    "study_instrument",
    "is_canonical",
    "n_countries",
    "n_waves",
    "first_wave",
    "latest_wave",
    "n_pillars_measured",
    "n_statements_measured",
    "pillars_measured",
    "statements_per_pillar",
)  # fmt: skip


def measured_pillars(study_id: str) -> list[str]:
    """The pillars a study measures, in pillar order."""
    return [pillar for pillar in PILLAR_IDS if pillar in STUDY_STATEMENTS[study_id]]


def _study_row(study: tuple[object, ...]) -> tuple[object, ...]:
    """A dim_study row: the study's identity plus what it measures."""
    statements = STUDY_STATEMENTS[str(study[0])]
    pillars = measured_pillars(str(study[0]))
    per_pillar = ", ".join(f"{p} {statements[p]}/{CATALOGUE_STATEMENTS[p]}" for p in pillars)
    return (*study, len(pillars), sum(statements.values()), ",".join(pillars), per_pillar)


@dataclass(frozen=True)
class CompanyWave:
    """One study × company × wave: the fct_company_scores row and its pillar means
    (None for a pillar the study does not measure)."""

    company_id: str
    country: str
    wave: int
    sector_code: str
    n_evaluations: int
    cx_index: float
    rank_in_country: int | None
    rank_in_sector: int | None
    is_sector_leader: bool
    means: tuple[float | None, float | None, float | None, float | None, float | None, float | None]
    half_width: float
    nps_score: float = 0.0
    study_id: str = CANONICAL

    @property
    def is_eligible(self) -> bool:
        """Ranked companies are the eligible ones; keeping one source avoids contradictions."""
        return self.rank_in_country is not None

    def pillar(self, pillar_id: str) -> tuple[float, float, float]:
        """(mean, ci_low, ci_high) of one pillar, exactly as stored in the mart."""
        mean = self.means[PILLAR_IDS.index(pillar_id)]
        if mean is None:
            raise KeyError(f"{self.study_id} does not measure {pillar_id}")
        return mean, round(mean - self.half_width, 2), round(mean + self.half_width, 2)

    @property
    def pillars(self) -> list[str]:
        """The pillars its study measures (those with a pillar-score row)."""
        return measured_pillars(self.study_id)

    @property
    def cx_index_pillars(self) -> str:
        return ",".join(self.pillars)

    @property
    def is_partial_coverage(self) -> bool:
        return len(self.pillars) < len(PILLAR_IDS)


# fmt: off
SCORES = [
    CompanyWave("nl_alfa", "NL", 2024, "BANK", 240, 7.85, 1, 1, True,
                (8.10, 7.90, 7.60, 7.70, 7.50, 8.00), 0.25, 31.5),
    CompanyWave("nl_delta", "NL", 2024, "TEL", 150, 7.40, 2, 1, True,
                (7.20, 7.60, 7.30, 7.40, 7.10, 7.50), 0.30, 12.0),
    CompanyWave("nl_beta", "NL", 2024, "BANK", 180, 7.10, 3, 2, False,
                (6.90, 7.70, 7.00, 7.45, 6.80, 7.30), 0.28, -4.5),
    # Gamma's empathy beats the leader's significantly: a lead, never a priority
    CompanyWave("nl_gamma", "NL", 2024, "BANK", 40, 6.55, None, None, False,
                (6.40, 6.90, 6.50, 6.60, 6.30, 8.90), 0.60, -20.0),
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

#: The reputation tracker in NL 2024: integrity and empathy only; Beta leads here.
# fmt: off
REPUTATION_SCORES = [
    CompanyWave("nl_beta", "NL", 2024, "BANK", 150, 6.95, 1, 1, True,
                (None, 6.80, None, None, None, 7.10), 0.30, 15.0, REPUTATION),
    CompanyWave("nl_alfa", "NL", 2024, "BANK", 140, 6.20, 2, 2, False,
                (None, 6.10, None, None, None, 6.30), 0.32, 5.0, REPUTATION),
    CompanyWave("nl_delta", "NL", 2024, "TEL", 120, 5.90, 3, 1, True,
                (None, 5.70, None, None, None, 6.10), 0.35, -2.0, REPUTATION),
]
# fmt: on

#: A copy of the canonical study under another id, every number changed (the
#: ``shadow`` study): a query that forgets the study returns its rows as well.


def shadow_of(scores: Sequence[CompanyWave]) -> list[CompanyWave]:
    """The ``shadow`` study's rows: the same companies, waves and ranks, other numbers."""
    return [
        replace(
            row,
            study_id=SHADOW,
            n_evaluations=row.n_evaluations + 7,
            cx_index=round(row.cx_index - 0.4, 2),
            means=tuple(None if mean is None else round(mean - 0.5, 2) for mean in row.means),
            half_width=row.half_width + 0.05,
            nps_score=row.nps_score - 3.0,
        )
        for row in scores
    ]


def previous_wave(row: CompanyWave, scores: Sequence[CompanyWave] = SCORES) -> int | None:
    """The study's previous wave in the row's country (None in its first wave there)."""
    earlier = [
        other.wave
        for other in scores
        if (other.study_id, other.country) == (row.study_id, row.country) and other.wave < row.wave
    ]
    return max(earlier, default=None)


def build_warehouse(
    path: Path,
    scores: Sequence[CompanyWave] = SCORES,
    with_audit: bool = True,
    other_studies: Sequence[CompanyWave] = REPUTATION_SCORES,
) -> Path:
    """Write the fixture marts to a new DuckDB file at ``path`` (built aside, then swapped in).

    ``scores`` are the canonical study's rows, ``other_studies`` those of the other
    studies (none: a one-study warehouse). Building into a temporary name and
    ``os.replace``-ing it mirrors what a refresh does, so the same helper serves the
    swap test.
    """
    scores = [*scores, *other_studies]
    study_ids = {row.study_id for row in scores}
    staging = path.with_name(path.name + ".building")
    staging.unlink(missing_ok=True)
    with duckdb.connect(str(staging)) as connection:
        create_marts(connection, "dim_pillar", "dim_company", "dim_study")
        insert_rows(connection, "marts.dim_pillar", DIM_PILLAR_COLUMNS, PILLARS)
        insert_rows(
            connection,
            "marts.dim_study",
            DIM_STUDY_COLUMNS,
            [_study_row(study) for study in STUDIES if study[0] in study_ids],
        )
        insert_rows(
            connection,
            "marts.dim_company",
            DIM_COMPANY_COLUMNS,
            [(*row, True, 1, row[5]) for row in COMPANIES],
        )
        # imported here: the mart modules derive their rows from this one's
        import fixture_aggregate_marts
        import fixture_audit
        import fixture_channels
        import fixture_company_marts

        fixture_company_marts.write(connection, scores)
        fixture_aggregate_marts.write(connection, scores)
        fixture_channels.write(connection, scores)
        if with_audit:
            fixture_audit.write(connection)
    os.replace(staging, path)
    return path


def score_of(
    company_id: str, country: str = "NL", wave: int = 2024, study_id: str = CANONICAL
) -> CompanyWave:
    """The fixture row of one study × company × wave."""
    return next(
        row
        for row in [*SCORES, *REPUTATION_SCORES]
        if (row.study_id, row.company_id, row.country, row.wave)
        == (study_id, company_id, country, wave)
    )
