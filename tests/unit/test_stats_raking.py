"""Raking on cell tables (cxcore.stats.raking): margins met, trimming, edge cases."""

from __future__ import annotations

import numpy as np
import pytest

from cxcore.stats import rake_cells

AGE = {"young": 0.3, "old": 0.7}
GENDER = {"f": 0.5, "m": 0.5}
CELLS = [("young", "f"), ("young", "m"), ("old", "f"), ("old", "m")]


def weighted_shares(counts: np.ndarray, weights: np.ndarray, dimension: int) -> dict[str, float]:
    total = (counts * weights).sum()
    shares: dict[str, float] = {}
    for cell, count, weight in zip(CELLS, counts, weights, strict=True):
        shares[cell[dimension]] = shares.get(cell[dimension], 0.0) + count * weight / total
    return shares


def test_raked_weights_meet_both_margins_and_average_one() -> None:
    counts = np.array([400.0, 200.0, 250.0, 150.0])
    result = rake_cells(counts, CELLS, [AGE, GENDER], max_iterations=500, tolerance=1e-13)
    assert result.converged and result.max_margin_error < 1e-10
    assert weighted_shares(counts, result.weights, 0) == pytest.approx(AGE)
    assert weighted_shares(counts, result.weights, 1) == pytest.approx(GENDER)
    assert (counts * result.weights).sum() / counts.sum() == pytest.approx(1.0)


def test_product_form_sample_gets_post_stratification_weights() -> None:
    # a sample whose joint distribution is the product of skewed margins is
    # raked exactly to population share / sample share in each cell
    sample_age, sample_gender = np.array([0.6, 0.4]), np.array([0.65, 0.35])
    counts = np.outer(sample_age, sample_gender).ravel() * 10_000
    result = rake_cells(counts, CELLS, [AGE, GENDER], tolerance=1e-14, max_iterations=500)
    expected = np.outer(np.array([0.3, 0.7]) / sample_age, np.array([0.5, 0.5]) / sample_gender)
    np.testing.assert_allclose(result.weights, expected.ravel(), rtol=1e-10)


def test_trimming_caps_weights_and_reports_the_margin_error() -> None:
    counts = np.array([10.0, 10.0, 990.0, 990.0])  # 1% young where 30% are wanted
    result = rake_cells(counts, CELLS, [AGE, GENDER], trim_min=0.5, trim_max=3.0)
    assert result.weights.max() == pytest.approx(3.0)
    assert (counts * result.weights).sum() / counts.sum() == pytest.approx(1.0)
    assert result.converged
    assert result.max_margin_error > 0.2  # the young cannot reach 30% with weight 3


def test_population_category_missing_from_the_sample_is_renormalised_away() -> None:
    counts = np.array([100.0, 300.0])
    cells = [("old", "f"), ("old", "m")]
    result = rake_cells(counts, cells, [AGE, GENDER])
    np.testing.assert_allclose(result.weights, [2.0, 2.0 / 3.0])


def test_equal_shares_leave_weights_at_one() -> None:
    counts = np.array([150.0, 150.0, 350.0, 350.0])
    result = rake_cells(counts, CELLS, [AGE, GENDER])
    np.testing.assert_allclose(result.weights, 1.0)
    assert result.iterations <= 2


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        rake_cells([0.0, 1.0], CELLS[:2], [AGE, GENDER])
    with pytest.raises(ValueError, match="trim bounds"):
        rake_cells([1.0, 1.0], CELLS[:2], [AGE, GENDER], trim_min=1.5)
