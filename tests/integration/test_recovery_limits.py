"""What the methodology cannot recover: selection on what the weights do not see.

The full harder world (cxbench/generator/realism.py, HARDER) adds to the
observable world of test_recovery.py a panel that leans to the dissatisfied (a
latent trait) and to cities (a region the weights do not use). Raking on age and
gender cannot correct either, so the published intervals stop covering the truth:
that is a limit of every weighting method, said on the methodology page, and the
tests below keep it measured — what still holds passes, what falls short is a
strict xfail (it turns into a failure the day a fix makes it pass, so the page
and the test are updated together). docs/methodology.md, "Where the method falls
short", has the figures and the proposed fix.
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

from cxbench.generator.realism import HARDER
from tests.fixtures import recovery_worlds as worlds_
from tests.fixtures.recovery_criteria import (
    IMPORTANCE_COLUMNS,
    coverage,
    coverage_range,
    importance_misses,
    miscalibration,
    pooled_rank_shortfall,
    rank_shortfalls,
)
from tests.fixtures.recovery_worlds import RecoveryWorld

pytestmark = pytest.mark.slow

SEED = 1
EVALUATIONS = int(os.environ.get("CXBENCH_RECOVERY_EVALUATIONS", "60000"))
SELECTION_ON_UNOBSERVABLES = pytest.mark.xfail(
    strict=True,
    reason="raking on age × gender cannot correct selection on a latent trait and an "
    "unweighted region (docs/methodology.md, 'Where the method falls short')",
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> RecoveryWorld:
    return worlds_.build_world(tmp_path_factory.mktemp("limits"), HARDER, EVALUATIONS, SEED)


@pytest.fixture(scope="module")
def pillar_rows(world: RecoveryWorld) -> pd.DataFrame:
    return worlds_.pillar_scores(world).assign(seed=world.seed)


def test_importance_is_still_within_its_standard_errors_of_the_truth(world: RecoveryWorld) -> None:
    """The selection shifts levels, not how the pillars drive the outcomes."""
    rows = worlds_.importance(world).assign(seed=world.seed)
    misses = importance_misses(rows, {c: c for c, _, _ in IMPORTANCE_COLUMNS})
    assert misses.empty, misses.to_dict("records")


def test_cx_index_ranks_still_follow_the_true_index(world: RecoveryWorld) -> None:
    """The lean applies to every company alike, so the order survives it."""
    companies = worlds_.companies(world).assign(seed=world.seed)
    assert rank_shortfalls(companies, "cx_index", SEED) == []
    assert pooled_rank_shortfall(companies, "cx_index", SEED) is None


def test_weighting_still_removes_a_large_part_of_the_bias(pillar_rows: pd.DataFrame) -> None:
    weighted = (pillar_rows["mean_score"] - pillar_rows["true_mean"]).mean()
    unweighted = (pillar_rows["unweighted_mean_score"] - pillar_rows["true_mean"]).mean()
    assert unweighted < weighted < 0, (weighted, unweighted)  # both too low: the panel is unhappier
    assert abs(weighted) < 0.7 * abs(unweighted), (weighted, unweighted)


@SELECTION_ON_UNOBSERVABLES
def test_confidence_intervals_cover_the_true_means(pillar_rows: pd.DataFrame) -> None:
    low, high = coverage_range(pillar_rows)
    covered = coverage(pillar_rows["ci_low"], pillar_rows["ci_high"], pillar_rows["true_mean"])
    assert low <= covered <= high, (covered, low, high)


@SELECTION_ON_UNOBSERVABLES
def test_standard_errors_match_the_errors_they_describe(pillar_rows: pd.DataFrame) -> None:
    assert miscalibration(pillar_rows, "std_error") is None
