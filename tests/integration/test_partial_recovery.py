"""A study that asks only some statements recovers its truth, beside the full panel (issue 14).

One synthetic world — the observable world of the recovery tests (measurement
error, clustered respondents, age-dependent drivers, a population that is not
the product of its margins; cxbench/generator/realism.py) — holds two studies
in the same countries and waves, rating the same companies: the panel's full
questionnaire (study ``cxbench``) and the generator's partial-instrument tracker
(study ``synthetic-partial``, 10 of 30 statements, time & effort not asked;
:mod:`cxbench.generator.partial`). Both are ingested and built once for this
module; then:

- the tracker has pillar scores exactly for the pillars it measures;
- their 95% intervals cover the tracker's own truth (the population mean of the
  statements it asks, ``truth/partial_study_pillar_means.csv``) 92–98% of the
  time, as full questionnaires do (tests/integration/test_recovery.py);
- the panel still covers the panel's truth 92–98%: the studies never mix;
- every row says how it was measured (statements measured of the pillar's total).

100,000 evaluations per study in NL and PL over two waves: about 70 companies
per country × wave reach the minimum base of 100 evaluations in each study.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from cxbench import pipeline
from cxbench.generator import generate_world
from cxbench.generator.partial import PARTIAL_STATEMENTS, PARTIAL_STUDY, partial_pillars
from cxbench.generator.realism import OBSERVABLE
from cxcore.catalogue import pillars, statements, statements_of

pytestmark = pytest.mark.slow

EVALUATIONS = 100_000
PARTIAL_EVALUATIONS = 100_000
COUNTRIES = ("NL", "PL")
WAVES = (2024, 2025)
SEED = 2024
COVERAGE_RANGE = (0.92, 0.98)
PANEL_STUDY = "cxbench"  # a mapping without a study section is the canonical questionnaire
KEYS = ["company_id", "country", "wave", "pillar_id"]


@dataclass(frozen=True)
class TwoStudyWorld:
    db_path: Path
    world_dir: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> TwoStudyWorld:
    root = tmp_path_factory.mktemp("partial_recovery")
    world_dir, db_path = root / "world", root / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    generate_world(
        world_dir,
        evaluations=EVALUATIONS,
        waves=WAVES,
        countries=COUNTRIES,
        seed=SEED,
        partial_study_evaluations=PARTIAL_EVALUATIONS,
        realism=OBSERVABLE,
    )
    report = pipeline.ingest_world(db_path, world_dir)
    assert report.ok, report.errors
    partial_files = [r for r in report.results if r.source_path.name.startswith("partial_")]
    assert len(partial_files) == len(COUNTRIES) * len(WAVES)
    assert sum(r.rows_loaded for r in partial_files) == PARTIAL_EVALUATIONS
    assert all(r.rows_rejected == 0 for r in partial_files)
    result = pipeline.build(db_path)
    assert result.n_failed == 0, result.problems
    return TwoStudyWorld(db_path, world_dir)


def read(world: TwoStudyWorld, sql: str, *parameters: object) -> pd.DataFrame:
    with duckdb.connect(str(world.db_path), read_only=True) as connection:
        return connection.execute(sql, list(parameters)).df()


def eligible_rows(world: TwoStudyWorld, study_id: str, truth_file: str) -> pd.DataFrame:
    """Eligible company × pillar rows of one study, with that study's true mean."""
    rows = read(
        world,
        "select * from marts.fct_company_pillar_scores where study_id = ? and is_eligible",
        study_id,
    )
    truth = pd.read_csv(world.world_dir / "truth" / truth_file)
    truth = truth.rename(columns={"brand_id": "company_id"})
    merged = rows.merge(truth, on=KEYS, how="left")
    assert merged["true_mean"].notna().all(), merged[merged["true_mean"].isna()][KEYS]
    return merged


def coverage(rows: pd.DataFrame) -> float:
    covered = (rows["ci_low"] <= rows["true_mean"]) & (rows["true_mean"] <= rows["ci_high"])
    return float(covered.mean())


@pytest.fixture(scope="module")
def partial_rows(world: TwoStudyWorld) -> pd.DataFrame:
    return eligible_rows(world, PARTIAL_STUDY.id, "partial_study_pillar_means.csv")


@pytest.fixture(scope="module")
def panel_rows(world: TwoStudyWorld) -> pd.DataFrame:
    return eligible_rows(world, PANEL_STUDY, "company_pillar_means.csv")


def test_the_partial_study_scores_exactly_the_pillars_it_measures(
    partial_rows: pd.DataFrame,
) -> None:
    assert sorted(partial_rows["pillar_id"].unique()) == sorted(partial_pillars())
    assert "time_effort" not in set(partial_rows["pillar_id"])
    assert partial_rows["mean_score"].notna().all()
    per_cell = partial_rows.groupby(["country", "wave"])["company_id"].nunique()
    assert len(per_cell) == len(COUNTRIES) * len(WAVES)
    assert (per_cell >= 30).all(), per_cell


def test_partial_intervals_cover_the_truth_of_what_it_measures(
    partial_rows: pd.DataFrame,
) -> None:
    assert len(partial_rows) > 500
    share = coverage(partial_rows)
    assert COVERAGE_RANGE[0] <= share <= COVERAGE_RANGE[1], share


def test_the_single_statement_pillar_covers_its_truth_too(partial_rows: pd.DataFrame) -> None:
    single = partial_rows[partial_rows["pillar_id"] == "expectations"]
    assert len(single) > 200
    # a wider band: fewer rows, so more sampling noise in the share itself
    assert 0.90 <= coverage(single) <= 0.99, coverage(single)


def test_the_panel_still_covers_its_own_truth(panel_rows: pd.DataFrame) -> None:
    assert sorted(panel_rows["pillar_id"].unique()) == sorted(p.pillar_id for p in pillars())
    assert len(panel_rows) > 1_000
    share = coverage(panel_rows)
    assert COVERAGE_RANGE[0] <= share <= COVERAGE_RANGE[1], share


def test_each_study_counts_only_its_own_evaluations(
    world: TwoStudyWorld, partial_rows: pd.DataFrame, panel_rows: pd.DataFrame
) -> None:
    """Mixing the studies would about double n: each row's n fits within its own file."""
    survey = world.world_dir / "survey"
    for rows, prefix in ((partial_rows, "partial"), (panel_rows, "cx")):
        for (country, wave), group in rows.groupby(["country", "wave"]):
            export = pd.read_csv(survey / f"{prefix}_{country}_{wave}.csv", usecols=["brand_code"])
            rated = export["brand_code"].value_counts()
            ceiling = group["company_id"].map(rated)
            assert ceiling.notna().all(), (prefix, country, wave)
            assert (group["n_evaluations"] <= ceiling).all(), (prefix, country, wave)
            # don't-know thins a pillar's base a little, never by half
            assert (group["n_evaluations"] >= 0.8 * ceiling).all(), (prefix, country, wave)


def test_every_row_says_how_many_statements_measured_it(
    partial_rows: pd.DataFrame, panel_rows: pd.DataFrame
) -> None:
    pillar_of = {statement.statement_id: statement.pillar_id for statement in statements()}
    asked = pd.Series([pillar_of[statement] for statement in PARTIAL_STATEMENTS]).value_counts()
    for pillar, group in partial_rows.groupby("pillar_id"):
        assert (group["n_statements_measured"] == asked[pillar]).all(), pillar
        assert (group["n_statements_total"] == len(statements_of(pillar))).all(), pillar
    expected = panel_rows["pillar_id"].map(lambda pillar: len(statements_of(pillar)))
    assert (panel_rows["n_statements_measured"] == expected).all()
    assert (panel_rows["n_statements_total"] == expected).all()
