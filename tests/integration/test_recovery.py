"""The methodology recovers the generator's ground truth (data contract §1, truth/*.csv).

One synthetic world large enough for the statistics to be judged — 300,000
evaluations in NL and PL over two waves — is generated, ingested and built once
for this module; the marts are then held against the truth the generator wrote:

- pillar importance (Johnson's relative weights) within ±0.05 of the truth;
- company CX-index ranks correlate with the ranks of the true index (Spearman ≥ 0.95);
- 95% intervals of company pillar means cover the true means 92–98% of the time;
- on the age- and gender-skewed panel, weighted means are closer to the population
  truth than unweighted ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from scipy.stats import spearmanr

from cxbench import pipeline
from cxbench.generator import generate_world

pytestmark = pytest.mark.slow

EVALUATIONS = 300_000
COUNTRIES = ("NL", "PL")
WAVES = (2024, 2025)
SEED = 2024
IMPORTANCE_TOLERANCE = 0.05
MIN_SPEARMAN = 0.95
COVERAGE_RANGE = (0.92, 0.98)


@dataclass(frozen=True)
class RecoveryWorld:
    db_path: Path
    truth_dir: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> RecoveryWorld:
    root = tmp_path_factory.mktemp("recovery")
    world_dir, db_path = root / "world", root / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    generate_world(world_dir, evaluations=EVALUATIONS, waves=WAVES, countries=COUNTRIES, seed=SEED)
    report = pipeline.ingest_world(db_path, world_dir)
    assert report.ok, report.errors
    pipeline.build(db_path)
    return RecoveryWorld(db_path, world_dir / "truth")


def read(world: RecoveryWorld, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(world.db_path), read_only=True) as connection:
        return connection.sql(sql).df()


def eligible_pillar_scores(world: RecoveryWorld) -> pd.DataFrame:
    """Company × pillar rows of eligible companies with the true population mean."""
    marts = read(world, "select * from marts.fct_company_pillar_scores where is_eligible")
    truth = pd.read_csv(world.truth_dir / "company_pillar_means.csv")
    truth = truth.rename(columns={"brand_id": "company_id"})
    merged = marts.merge(truth, on=["company_id", "country", "wave", "pillar_id"], how="left")
    assert merged["true_mean"].notna().all()
    return merged


def test_pillar_importance_is_within_five_points_of_the_truth(world: RecoveryWorld) -> None:
    estimated = read(world, "select * from marts.fct_pillar_importance")
    truth = pd.read_csv(world.truth_dir / "pillar_importance.csv")
    truth = truth.pivot_table(index=["country", "pillar_id"], columns="outcome", values="share")
    merged = estimated.merge(truth.reset_index(), on=["country", "pillar_id"])
    assert len(merged) == len(COUNTRIES) * len(WAVES) * 6
    for outcome in ("nps", "loyalty"):
        errors = (merged[f"{outcome}_share"] - merged[outcome]).abs()
        assert errors.max() <= IMPORTANCE_TOLERANCE, merged.loc[errors.idxmax()].to_dict()


def test_explained_variance_is_about_two_thirds(world: RecoveryWorld) -> None:
    estimated = read(world, "select distinct country, wave, nps_r2, loyalty_r2 "
                            "from marts.fct_pillar_importance")  # fmt: skip
    truth = pd.read_csv(world.truth_dir / "r2.csv").pivot(
        index="country", columns="outcome", values="r2"
    )
    for _, row in estimated.iterrows():
        assert row["nps_r2"] == pytest.approx(truth.loc[row["country"], "nps"], abs=0.03)
        assert row["loyalty_r2"] == pytest.approx(truth.loc[row["country"], "loyalty"], abs=0.03)


def test_cx_index_ranks_follow_the_true_ranks(world: RecoveryWorld) -> None:
    scores = read(world, "select * from marts.fct_company_scores "
                         "where is_eligible and cx_index is not null")  # fmt: skip
    weights = read(world, "select country, wave, pillar_id, cee_weight "
                          "from intermediate.int_pillar_weights_chosen")  # fmt: skip
    truth = pd.read_csv(world.truth_dir / "company_pillar_means.csv")
    truth = truth.rename(columns={"brand_id": "company_id"}).merge(
        weights, on=["country", "wave", "pillar_id"]
    )
    truth["term"] = truth["cee_weight"] * (truth["true_mean"] - 1) / 9 * 10
    true_index = truth.groupby(["company_id", "country", "wave"])["term"].sum()
    merged = scores.join(true_index.rename("true_cx_index"), on=["company_id", "country", "wave"])
    for (country, wave), group in merged.groupby(["country", "wave"]):
        assert len(group) >= 30, (country, wave)
        rho = spearmanr(group["cx_index"], group["true_cx_index"]).statistic
        assert rho >= MIN_SPEARMAN, (country, wave, rho)


def test_confidence_intervals_cover_the_true_means(world: RecoveryWorld) -> None:
    rows = eligible_pillar_scores(world)
    covered = (rows["ci_low"] <= rows["true_mean"]) & (rows["true_mean"] <= rows["ci_high"])
    assert len(rows) > 1_000
    assert COVERAGE_RANGE[0] <= covered.mean() <= COVERAGE_RANGE[1], covered.mean()


def test_weighting_brings_estimates_closer_to_the_population(world: RecoveryWorld) -> None:
    rows = eligible_pillar_scores(world)
    weighted_error = (rows["mean_score"] - rows["true_mean"]).abs().mean()
    unweighted_error = (rows["unweighted_mean_score"] - rows["true_mean"]).abs().mean()
    assert weighted_error < unweighted_error
    # the panel's skew is large enough for the difference to be clear, not noise
    assert weighted_error < 0.8 * unweighted_error, (weighted_error, unweighted_error)


def test_raked_samples_match_their_margins_and_report_the_design_effect(
    world: RecoveryWorld,
) -> None:
    countries = read(
        world, "select * from marts.fct_benchmark_scores where benchmark_level = 'country'"
    )
    assert countries["is_raking_converged"].all()
    assert (countries["design_effect"] > 1.05).all()  # the skew costs precision
    assert (countries["effective_n"] < countries["n_evaluations"]).all()
    assert (countries["n_unraked_evaluations"] == 0).all()
