"""The methodology recovers the truth of a realistic world, and a cruder method does not.

The world is the generator's "observable" world (cxbench/generator/realism.py):
everything that makes the harder world hard — measurement error, non-linear
outcomes with an omitted driver, drivers that differ by age, respondents who rate
several brands, a population that is not the product of its margins, a region
the weights do not use — except selection on what the weights cannot see (that
limit has its own tests, test_recovery_limits.py). Five worlds (seeds) of 60,000
evaluations in NL and PL over two waves are generated and built once for this
module and judged together, each seed × country × wave one survey.

Each criterion (tests/fixtures/recovery_criteria.py) takes its tolerance from
the precision the warehouse itself reports, at a family-wise 1% risk of a false
failure, and is run twice: on the methodology, which must pass, and on a cruder
method computed from the staged evaluations (tests/fixtures/crude_estimators.py),
which must fail — a test that a wrong method also passes is not a test (issue 20).
The one pairing no world with a realistic halo can make fail (equal pillar
weights on the CX-index ranks) is a strict xfail, with the reason measured.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import duckdb
import pandas as pd
import pytest

from cxbench.generator.realism import OBSERVABLE
from tests.fixtures import crude_estimators as crude
from tests.fixtures import recovery_worlds as worlds_
from tests.fixtures.recovery_criteria import (
    COMPANY_KEYS,
    GROUP_KEYS,
    IMPORTANCE_COLUMNS,
    coverage,
    coverage_range,
    importance_misses,
    miscalibration,
    pooled_bias,
    pooled_rank_shortfall,
    rank_shortfalls,
)
from tests.fixtures.recovery_worlds import Z_INTERVAL, RecoveryWorld, pooled

pytestmark = pytest.mark.slow

#: Five worlds of 60,000 evaluations fit CI (about 40 s each); larger runs are in
#: docs/methodology.md ("How well the method recovers the truth").
SEEDS = tuple(
    int(seed) for seed in os.environ.get("CXBENCH_RECOVERY_SEEDS", "1,2,3,4,5").split(",")
)
EVALUATIONS = int(os.environ.get("CXBENCH_RECOVERY_EVALUATIONS", "60000"))
#: Equal pillar weights rank the companies like the true importance does (measured:
#: they move the index by −0.007 ± 0.021 points against a standard error of 0.10;
#: the true relative-weight shares lie in 0.13–0.21).
WEIGHTS_BARELY_MOVE_RANKS = pytest.mark.xfail(
    strict=True,
    reason="the CX index barely depends on its pillar weights (docs/methodology.md, "
    "'How well the method recovers the truth'): equal weights rank companies like the truth",
)


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> list[RecoveryWorld]:
    return [
        worlds_.build_world(
            tmp_path_factory.mktemp(f"recovery{seed}"), OBSERVABLE, EVALUATIONS, seed
        )
        for seed in SEEDS
    ]


@pytest.fixture(scope="module")
def evaluations(worlds: list[RecoveryWorld]) -> dict[int, pd.DataFrame]:
    return {world.seed: crude.staged_evaluations(world.db_path) for world in worlds}


def crude_frame(
    evaluations: dict[int, pd.DataFrame], estimator: Callable[[pd.DataFrame], pd.DataFrame]
) -> pd.DataFrame:
    """A cruder estimator on the staged evaluations of every world, with the seed."""
    return pd.concat(
        [estimator(frame).assign(seed=seed) for seed, frame in evaluations.items()],
        ignore_index=True,
    )


@pytest.fixture(scope="module")
def importance_rows(worlds: list[RecoveryWorld]) -> pd.DataFrame:
    return pooled(worlds, worlds_.importance)


@pytest.fixture(scope="module")
def pillar_rows(worlds: list[RecoveryWorld]) -> pd.DataFrame:
    return pooled(worlds, worlds_.pillar_scores)


@pytest.fixture(scope="module")
def company_rows(worlds: list[RecoveryWorld]) -> pd.DataFrame:
    return pooled(worlds, worlds_.companies)


# --- importance ------------------------------------------------------------------------------


def test_importance_is_within_its_standard_errors_of_the_truth(
    importance_rows: pd.DataFrame,
) -> None:
    misses = importance_misses(importance_rows, {c: c for c, _, _ in IMPORTANCE_COLUMNS})
    assert misses.empty, misses.to_dict("records")


@pytest.mark.parametrize(
    "method", ["squared_correlation_shares", "equal_weights", "unweighted_relative_weights"]
)
def test_cruder_importance_misses_the_truth(
    importance_rows: pd.DataFrame, evaluations: dict[int, pd.DataFrame], method: str
) -> None:
    if method == "equal_weights":
        shortcut = crude.equal_importance(importance_rows).assign(seed=importance_rows["seed"])
    else:
        shortcut = crude_frame(evaluations, getattr(crude, method))
    rows = importance_rows.merge(shortcut, on=[*GROUP_KEYS, "pillar_id"], validate="1:1")
    misses = importance_misses(
        rows, {column: f"crude_{column}" for column, _, _ in IMPORTANCE_COLUMNS}
    )
    assert not misses.empty, f"{method} recovers importance as well as the methodology"


def test_explained_variance_is_close_to_the_truth(worlds: list[RecoveryWorld]) -> None:
    """R² of each outcome per survey against the truth of that wave (no standard error
    is reported for R², so the bound is the importance ceiling's order: 0.025)."""

    def r2(world: RecoveryWorld) -> pd.DataFrame:
        sql = "select distinct country, wave, nps_r2, loyalty_r2 from marts.fct_pillar_importance"
        with duckdb.connect(str(world.db_path), read_only=True) as connection:
            estimated = connection.sql(sql).df()
        return estimated.merge(crude.true_r2(world.truth_dir), on=["country", "wave"])

    rows = pooled(worlds, r2)
    assert len(rows) == len(SEEDS) * len(worlds_.COUNTRIES) * len(worlds_.WAVES)
    for outcome in crude.OUTCOMES:
        errors = (rows[f"{outcome}_r2"] - rows[f"true_{outcome}_r2"]).abs()
        assert errors.max() <= 0.025, (outcome, rows.loc[errors.idxmax()].to_dict())


# --- CX-index ranks --------------------------------------------------------------------------


def test_cx_index_ranks_follow_the_true_index(company_rows: pd.DataFrame) -> None:
    assert rank_shortfalls(company_rows, "cx_index", SEEDS[0]) == []
    assert pooled_rank_shortfall(company_rows, "cx_index", SEEDS[0]) is None


def test_ranking_by_nps_falls_short_of_the_true_index(company_rows: pd.DataFrame) -> None:
    """The industry's habit of ranking on one outcome: it follows the index in every
    survey roughly, which one survey cannot tell, but not as well as the index's errors
    allow, which twenty can."""
    assert pooled_rank_shortfall(company_rows, "nps_score", SEEDS[0]) is not None


@pytest.mark.parametrize(
    "means",
    [
        pytest.param("unweighted", marks=WEIGHTS_BARELY_MOVE_RANKS),
        pytest.param("weighted", marks=WEIGHTS_BARELY_MOVE_RANKS),
    ],
)
def test_equal_weight_index_ranks_fall_short_of_the_true_index(
    worlds: list[RecoveryWorld],
    company_rows: pd.DataFrame,
    evaluations: dict[int, pd.DataFrame],
    means: str,
) -> None:
    """1/6 per pillar, on plain means or on the method's weighted means (wrong importance only)."""
    if means == "unweighted":
        index = crude_frame(
            evaluations,
            lambda frame: crude.equal_weight_index(
                crude.unweighted_pillar_means(frame, Z_INTERVAL), "crude_mean"
            ).reset_index(),
        )
    else:
        index = pooled(
            worlds,
            lambda world: crude.equal_weight_index(
                crude.method_pillar_scores(world.db_path), "mean_score"
            ).reset_index(),
        )
    rows = company_rows.merge(index, on=COMPANY_KEYS, validate="1:1")
    assert pooled_rank_shortfall(rows, "crude_cx_index", SEEDS[0]) is not None


# --- pillar means: intervals and bias -------------------------------------------------------


def test_confidence_intervals_cover_the_true_means(pillar_rows: pd.DataFrame) -> None:
    low, high = coverage_range(pillar_rows)
    covered = coverage(pillar_rows["ci_low"], pillar_rows["ci_high"], pillar_rows["true_mean"])
    assert low <= covered <= high, (covered, low, high)


def test_unweighted_intervals_miss_the_coverage(
    pillar_rows: pd.DataFrame, evaluations: dict[int, pd.DataFrame]
) -> None:
    low, high = coverage_range(pillar_rows)
    intervals = crude_frame(
        evaluations, lambda frame: crude.unweighted_pillar_means(frame, Z_INTERVAL)
    )
    judged = pillar_rows[[*COMPANY_KEYS, "pillar_id", "true_mean"]].merge(
        intervals, on=[*COMPANY_KEYS, "pillar_id"], validate="1:1"
    )
    covered = coverage(judged["crude_ci_low"], judged["crude_ci_high"], judged["true_mean"])
    assert not low <= covered <= high, (covered, low, high)


def test_standard_errors_match_the_errors_they_describe(pillar_rows: pd.DataFrame) -> None:
    assert miscalibration(pillar_rows, "std_error") is None


def test_standard_errors_over_n_understate_the_errors(pillar_rows: pd.DataFrame) -> None:
    """n instead of effective n: coverage alone barely sees it (about 92.5% against
    95.5% at a design effect of 1.27), the calibration of the errors does."""
    rows = pillar_rows.assign(
        crude_std_error=crude.intervals_with_n(pillar_rows, Z_INTERVAL)["crude_std_error"]
    )
    assert miscalibration(rows, "crude_std_error") is not None


def test_weighted_means_show_no_bias_beyond_their_precision(pillar_rows: pd.DataFrame) -> None:
    assert pooled_bias(pillar_rows, "mean_score") is None


def test_unweighted_means_are_biased_beyond_their_precision(pillar_rows: pd.DataFrame) -> None:
    assert pooled_bias(pillar_rows, "unweighted_mean_score") is not None


def test_weighting_brings_estimates_closer_to_the_population(pillar_rows: pd.DataFrame) -> None:
    weighted_error = (pillar_rows["mean_score"] - pillar_rows["true_mean"]).abs().mean()
    unweighted_error = (
        (pillar_rows["unweighted_mean_score"] - pillar_rows["true_mean"]).abs().mean()
    )
    # the panel's skew is large enough for the difference to be clear, not noise
    assert weighted_error < 0.8 * unweighted_error, (weighted_error, unweighted_error)


# --- NPS, CSAT and CES ----------------------------------------------------------------------


@pytest.mark.parametrize("metric", list(crude.OUTCOME_METRICS))
def test_outcome_intervals_cover_the_true_values(company_rows: pd.DataFrame, metric: str) -> None:
    _, ci_low, ci_high = crude.OUTCOME_METRICS[metric]
    low, high = coverage_range(company_rows)
    covered = coverage(company_rows[ci_low], company_rows[ci_high], company_rows[f"true_{metric}"])
    assert low <= covered <= high, (metric, covered, low, high)


@pytest.mark.parametrize("metric", list(crude.OUTCOME_METRICS))
def test_unweighted_outcome_intervals_miss_the_coverage(
    company_rows: pd.DataFrame, evaluations: dict[int, pd.DataFrame], metric: str
) -> None:
    low, high = coverage_range(company_rows)
    intervals = crude_frame(
        evaluations, lambda frame: crude.unweighted_outcome_intervals(frame, Z_INTERVAL)
    )
    judged = company_rows[[*COMPANY_KEYS, f"true_{metric}"]].merge(
        intervals, on=COMPANY_KEYS, validate="1:1"
    )
    covered = coverage(
        judged[f"crude_{metric}_ci_low"],
        judged[f"crude_{metric}_ci_high"],
        judged[f"true_{metric}"],
    )
    assert not low <= covered <= high, (metric, covered, low, high)


# --- weighting ------------------------------------------------------------------------------


def test_raked_samples_match_their_margins_and_report_the_design_effect(
    worlds: list[RecoveryWorld],
) -> None:
    sql = "select * from marts.fct_benchmark_scores where benchmark_level = 'country'"
    for world in worlds:
        with duckdb.connect(str(world.db_path), read_only=True) as connection:
            countries = connection.sql(sql).df()
        assert countries["is_raking_converged"].all()
        assert (countries["design_effect"] > 1.05).all()  # the skew costs precision
        assert (countries["effective_n"] < countries["n_evaluations"]).all()
        assert (countries["n_unraked_evaluations"] == 0).all()
