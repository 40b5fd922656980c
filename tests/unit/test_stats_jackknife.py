"""The importance jackknife: the formula, and the dbt model's moment arithmetic.

The model never sees evaluations: it subtracts a replicate group's weighted
moments from the sample's and refits Johnson's weights on what is left. Here the
same standard errors are recomputed the slow way — drop the group's rows, take
numpy's weighted correlation matrix, decompose it with a separate Johnson
implementation, apply the textbook jackknife — on a small random dataset.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType

import numpy as np
import pandas as pd
import pytest

from cxcore.settings import DBT_PROJECT_DIR
from cxcore.stats import delete_a_group_std_error

MODEL_PATH = DBT_PROJECT_DIR / "models/intermediate/importance/int_pillar_importance_estimated.py"
PILLARS = ["integrity", "empathy", "resolution"]
VARIABLES = [*PILLARS, "nps", "loyalty"]


def load_model() -> ModuleType:
    spec = importlib.util.spec_from_file_location("int_pillar_importance_estimated", MODEL_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def johnson_shares(data: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Shares of R² of the predictor columns for the last column (weighted)."""
    covariance = np.cov(data, rowvar=False, aweights=weights)
    scale = np.sqrt(np.diag(covariance))
    correlation = covariance / np.outer(scale, scale)
    values, vectors = np.linalg.eigh(correlation[:-1, :-1])
    half = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    raw = (half**2) @ np.linalg.solve(half, correlation[:-1, -1]) ** 2
    return raw / raw.sum()


def moments(frame: pd.DataFrame) -> dict[str, float]:
    w = frame["w"].to_numpy()
    row = {"sum_w": w.sum(), "sum_w2": (w**2).sum(), "n_complete_cases": len(frame)}
    for i, first in enumerate(VARIABLES):
        row[f"sum_w__{first}"] = (w * frame[first]).sum()
        for second in VARIABLES[i:]:
            row[f"sum_w__{first}__{second}"] = (w * frame[first] * frame[second]).sum()
    return row


@pytest.fixture
def sample() -> pd.DataFrame:
    rng = np.random.default_rng(17)
    n = 1_200
    company = rng.integers(0, 24, size=n)
    shift = rng.normal(size=24)[company]
    pillars = rng.normal(size=(n, 3)) + shift[:, None] + rng.normal(size=(n, 1))
    frame = pd.DataFrame(pillars, columns=PILLARS)
    frame["nps"] = pillars @ [0.8, 0.3, 0.1] + rng.normal(size=n)
    frame["loyalty"] = pillars @ [0.2, 0.5, 0.4] + rng.normal(size=n)
    frame["w"] = rng.uniform(0.3, 3.0, size=n)
    frame["group"] = company % 7
    return frame


def test_delete_one_jackknife_of_a_mean_is_the_standard_error_of_the_mean() -> None:
    x = np.random.default_rng(5).normal(size=40)
    leave_one_out = np.array([np.delete(x, i).mean() for i in range(len(x))])
    se = delete_a_group_std_error(leave_one_out[:, None])
    assert se[0] == pytest.approx(x.std(ddof=1) / np.sqrt(len(x)), rel=1e-12)


def test_one_group_has_no_spread_to_measure() -> None:
    assert np.isnan(delete_a_group_std_error(np.array([[0.3, 0.7]]))).all()


def test_model_jackknife_equals_refitting_without_each_groups_rows(sample: pd.DataFrame) -> None:
    model = load_model()
    total = pd.Series({"study_id": "s", "country": "NL", "wave": 2024, **moments(sample)})
    groups = pd.DataFrame(
        [{"replicate_group": g, **moments(rows)} for g, rows in sample.groupby("group")]
    )
    rows = pd.DataFrame(model._estimate(total, groups, PILLARS, min_cases=100))

    replicates = {"nps": [], "loyalty": []}
    for g in sorted(sample["group"].unique()):
        kept = sample[sample["group"] != g]
        for outcome in replicates:
            data = kept[[*PILLARS, outcome]].to_numpy()
            replicates[outcome].append(johnson_shares(data, kept["w"].to_numpy()))
    spread = len(replicates["nps"])
    expected = {}
    for name, values in {
        "nps": np.array(replicates["nps"]),
        "loyalty": np.array(replicates["loyalty"]),
        "importance": (np.array(replicates["nps"]) + np.array(replicates["loyalty"])) / 2,
    }.items():
        deviation = values - values.mean(axis=0)
        expected[name] = np.sqrt((spread - 1) / spread * (deviation**2).sum(axis=0))

    assert (rows["replicate_groups"] == 7).all()
    for outcome in ("nps", "loyalty"):
        got = rows[rows["outcome"] == outcome].set_index("pillar_id").loc[PILLARS]
        np.testing.assert_allclose(got["share_std_error"], expected[outcome], atol=1e-9)
        np.testing.assert_allclose(got["importance_std_error"], expected["importance"], atol=1e-9)
    # the company clusters matter: the errors are real, not rounding noise
    assert (expected["importance"] > 1e-3).all()


def test_same_moments_give_the_same_errors(sample: pd.DataFrame) -> None:
    model = load_model()
    total = pd.Series({"study_id": "s", "country": "NL", "wave": 2024, **moments(sample)})
    groups = pd.DataFrame(
        [{"replicate_group": g, **moments(rows)} for g, rows in sample.groupby("group")]
    )
    first = pd.DataFrame(model._estimate(total, groups, PILLARS, min_cases=100))
    second = pd.DataFrame(model._estimate(total, groups.iloc[::-1], PILLARS, min_cases=100))
    pd.testing.assert_frame_equal(first, second)
