"""Johnson's relative weights from SQL-style moments equal those from the raw data."""

from __future__ import annotations

import numpy as np
import pytest

from cxcore.stats import (
    correlations_from_moments,
    relative_weights,
    relative_weights_from_correlations,
)


def test_moments_give_the_weighted_correlation_matrix() -> None:
    rng = np.random.default_rng(3)
    data = rng.normal(size=(2_000, 4)) @ rng.normal(size=(4, 4))
    weights = rng.uniform(0.3, 3.0, size=2_000)
    correlation = correlations_from_moments(
        weights.sum(), weights @ data, (data * weights[:, None]).T @ data
    )
    expected = np.cov(data, rowvar=False, aweights=weights)
    scale = np.sqrt(np.diag(expected))
    np.testing.assert_allclose(correlation, expected / np.outer(scale, scale), atol=1e-10)


def test_unit_weights_reproduce_the_row_based_relative_weights() -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(size=(3_000, 1)) + rng.normal(size=(3_000, 3))
    y = x @ np.array([1.0, 0.4, -0.2]) + rng.normal(size=3_000)
    data = np.column_stack([x, y])
    correlation = correlations_from_moments(len(data), data.sum(axis=0), data.T @ data)
    from_moments = relative_weights_from_correlations(correlation[:3, :3], correlation[:3, 3])
    np.testing.assert_allclose(from_moments, relative_weights(x, y), atol=1e-10)


def test_constant_variable_is_refused() -> None:
    data = np.column_stack([np.ones(10), np.arange(10.0)])
    with pytest.raises(ValueError, match="no variance"):
        correlations_from_moments(10.0, data.sum(axis=0), data.T @ data)
