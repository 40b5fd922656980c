"""The methodology recovers the generator's ground truth, and a cruder method does not.

One synthetic world large enough for the statistics to be judged — 300,000
evaluations in NL and PL over two waves — is generated, ingested and built once
for this module; the marts are then held against the truth the generator wrote
(truth/*.csv). Each criterion (tests/fixtures/recovery_criteria.py) states its
tolerance from the precision the warehouse itself reports (jackknife and
sampling standard errors), at a family-wise 1% risk of a false failure, and
each is run twice: once on the methodology, which must pass, and once on a
cruder method computed from the staged evaluations
(tests/fixtures/crude_estimators.py), which must fail — a test that a wrong
method also passes is not a test (issue 20).

Where today's world is exactly the one the method assumes, a cruder method still
passes; those pairings are strict xfails, "needs the harder world (world20)", so
they turn into failures to fix the day the harder world makes them fail.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist

import duckdb
import pandas as pd
import pytest

from cxbench import pipeline
from cxbench.generator import generate_world
from tests.fixtures import crude_estimators as crude
from tests.fixtures.dbt_warehouse import DBT_VARS
from tests.fixtures.recovery_criteria import (
    IMPORTANCE_COLUMNS,
    bias_beyond_precision,
    coverage,
    coverage_range,
    importance_misses,
    miscalibration,
    rank_shortfalls,
)

pytestmark = pytest.mark.slow

#: 300,000 is the size the figures in the handoff notes were measured on; a smaller
#: world (e.g. 40,000) is for developing the tests, not for judging the method.
EVALUATIONS = int(os.environ.get("CXBENCH_RECOVERY_EVALUATIONS", "300000"))
COUNTRIES = ("NL", "PL")
WAVES = (2024, 2025)
SEED = 2024
Z_INTERVAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
NEEDS_HARDER_WORLD = pytest.mark.xfail(strict=True, reason="needs the harder world (world20)")


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


@pytest.fixture(scope="module")
def evaluations(world: RecoveryWorld) -> pd.DataFrame:
    return crude.staged_evaluations(world.db_path)


def read(world: RecoveryWorld, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(world.db_path), read_only=True) as connection:
        return connection.sql(sql).df()


# --- importance ------------------------------------------------------------------------------


def importance_with_truth(world: RecoveryWorld) -> pd.DataFrame:
    estimated = crude.method_importance(world.db_path)
    merged = estimated.merge(crude.true_importance(world.truth_dir), on=["country", "pillar_id"])
    assert len(merged) == len(COUNTRIES) * len(WAVES) * 6
    assert merged["is_estimated"].all()
    return merged


def test_importance_is_within_its_standard_errors_of_the_truth(world: RecoveryWorld) -> None:
    rows = importance_with_truth(world)
    misses = importance_misses(rows, {column: column for column, _, _ in IMPORTANCE_COLUMNS})
    assert misses.empty, misses.to_dict("records")


@pytest.mark.parametrize("method", ["squared_correlation_shares", "equal_weights"])
def test_cruder_importance_misses_the_truth(
    world: RecoveryWorld, evaluations: pd.DataFrame, method: str
) -> None:
    rows = importance_with_truth(world)
    shortcut = (
        crude.squared_correlation_shares(evaluations)
        if method == "squared_correlation_shares"
        else crude.equal_importance(rows)
    )
    rows = rows.merge(shortcut, on=["country", "wave", "pillar_id"], validate="1:1")
    misses = importance_misses(
        rows, {column: f"crude_{column}" for column, _, _ in IMPORTANCE_COLUMNS}
    )
    assert not misses.empty, f"{method} recovers importance as well as relative weights"


def test_explained_variance_is_about_two_thirds(world: RecoveryWorld) -> None:
    estimated = read(world, "select distinct country, wave, nps_r2, loyalty_r2 "
                            "from marts.fct_pillar_importance")  # fmt: skip
    truth = pd.read_csv(world.truth_dir / "r2.csv").pivot(
        index="country", columns="outcome", values="r2"
    )
    for _, row in estimated.iterrows():
        assert row["nps_r2"] == pytest.approx(truth.loc[row["country"], "nps"], abs=0.03)
        assert row["loyalty_r2"] == pytest.approx(truth.loc[row["country"], "loyalty"], abs=0.03)


# --- CX-index ranks --------------------------------------------------------------------------


def companies_with_true_index(world: RecoveryWorld) -> pd.DataFrame:
    scores = crude.method_company_scores(world.db_path)
    merged = scores.join(crude.true_cx_index(world.truth_dir), on=crude.COMPANY_KEYS)
    assert merged["true_cx_index"].notna().all()
    return merged


def test_cx_index_ranks_follow_the_true_index(world: RecoveryWorld) -> None:
    companies = companies_with_true_index(world)
    assert rank_shortfalls(companies, "cx_index", SEED) == []


@pytest.mark.parametrize(
    "means",
    [
        pytest.param("unweighted", marks=NEEDS_HARDER_WORLD),
        pytest.param("weighted", marks=NEEDS_HARDER_WORLD),
    ],
)
def test_equal_weight_index_ranks_fall_short_of_the_true_index(
    world: RecoveryWorld, evaluations: pd.DataFrame, means: str
) -> None:
    """1/6 per pillar, on plain means or on the method's weighted means (wrong importance only)."""
    if means == "unweighted":
        pillar_means = crude.unweighted_pillar_means(evaluations, Z_INTERVAL)
        index = crude.equal_weight_index(pillar_means, "crude_mean")
    else:
        index = crude.equal_weight_index(crude.method_pillar_scores(world.db_path), "mean_score")
    companies = companies_with_true_index(world).join(index, on=crude.COMPANY_KEYS)
    assert rank_shortfalls(companies, "crude_cx_index", SEED) != []


# --- pillar means: intervals and bias -------------------------------------------------------


def pillar_scores_with_truth(world: RecoveryWorld) -> pd.DataFrame:
    """Eligible company × pillar rows of the marts with the true population mean."""
    truth = crude.true_pillar_means(world.truth_dir)
    merged = crude.method_pillar_scores(world.db_path).merge(
        truth, on=crude.PILLAR_KEYS, how="left", validate="1:1"
    )
    assert merged["true_mean"].notna().all()
    assert len(merged) > 600
    return merged


def test_confidence_intervals_cover_the_true_means(world: RecoveryWorld) -> None:
    rows = pillar_scores_with_truth(world)
    low, high = coverage_range(rows)
    covered = coverage(rows["ci_low"], rows["ci_high"], rows["true_mean"])
    assert low <= covered <= high, (covered, low, high)


@pytest.mark.parametrize("method", ["n_instead_of_effective_n", "unweighted"])
def test_cruder_intervals_miss_the_coverage(
    world: RecoveryWorld, evaluations: pd.DataFrame, method: str
) -> None:
    rows = pillar_scores_with_truth(world)
    low, high = coverage_range(rows)
    if method == "n_instead_of_effective_n":
        intervals = crude.intervals_with_n(rows, Z_INTERVAL)
    else:
        intervals = crude.unweighted_pillar_means(evaluations, Z_INTERVAL)
    judged = rows[[*crude.PILLAR_KEYS, "true_mean"]].merge(
        intervals, on=crude.PILLAR_KEYS, validate="1:1"
    )
    covered = coverage(judged["crude_ci_low"], judged["crude_ci_high"], judged["true_mean"])
    assert not low <= covered <= high, (method, covered, low, high)


def test_standard_errors_match_the_errors_they_describe(world: RecoveryWorld) -> None:
    assert miscalibration(pillar_scores_with_truth(world), "std_error") is None


def test_standard_errors_over_n_understate_the_errors(world: RecoveryWorld) -> None:
    rows = pillar_scores_with_truth(world)
    rows["crude_std_error"] = crude.intervals_with_n(rows, Z_INTERVAL)["crude_std_error"]
    assert miscalibration(rows, "crude_std_error") is not None


def test_weighted_means_show_no_bias_beyond_their_precision(world: RecoveryWorld) -> None:
    assert bias_beyond_precision(pillar_scores_with_truth(world), "mean_score") == []


def test_unweighted_means_are_biased_beyond_their_precision(
    world: RecoveryWorld, evaluations: pd.DataFrame
) -> None:
    rows = pillar_scores_with_truth(world).drop(columns="unweighted_mean_score")
    plain = crude.unweighted_pillar_means(evaluations, Z_INTERVAL)
    rows = rows.merge(plain[[*crude.PILLAR_KEYS, "crude_mean"]], on=crude.PILLAR_KEYS)
    assert bias_beyond_precision(rows, "crude_mean") != []


def test_weighting_brings_estimates_closer_to_the_population(world: RecoveryWorld) -> None:
    rows = pillar_scores_with_truth(world)
    weighted_error = (rows["mean_score"] - rows["true_mean"]).abs().mean()
    unweighted_error = (rows["unweighted_mean_score"] - rows["true_mean"]).abs().mean()
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
