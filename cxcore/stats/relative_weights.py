"""Johnson's relative weights: how much of R² each correlated predictor accounts for.

Regression coefficients split R² badly when predictors correlate (one of two
near-twins takes the credit, or a coefficient turns negative). Johnson (2000)
instead regresses the outcome on the orthogonal variables closest to the
predictors and maps that R² back through the loadings; the weights are
non-negative and add up to R² exactly.

The warehouse never hands evaluation rows to Python: it sums weighted cross
products in SQL (:func:`correlations_from_moments` turns those sums into a
correlation matrix) and only the eigen-decomposition of a p × p matrix runs here.
"""

from __future__ import annotations

import numpy as np


def relative_weights_from_correlations(
    predictor_correlation: np.ndarray, outcome_correlation: np.ndarray
) -> np.ndarray:
    """Raw relative weights from R_xx (p × p) and r_xy (p); they sum to R².

    With R_xx = V Λ Vᵀ, the loadings Λ* = V Λ^½ Vᵀ relate predictors to their
    closest orthonormal counterparts Z; β = Λ*⁻¹ r_xy regresses y on Z and
    ε_j = Σ_k (Λ*_jk)² β_k².
    """
    eigenvalues, eigenvectors = np.linalg.eigh(predictor_correlation)
    if eigenvalues.min() <= 1e-12:
        raise ValueError("predictors are linearly dependent: relative weights are undefined")
    loadings = eigenvectors @ np.diag(np.sqrt(eigenvalues)) @ eigenvectors.T
    beta = np.linalg.solve(loadings, outcome_correlation)
    return (loadings**2) @ (beta**2)


def relative_weights(predictors: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """Raw relative weights of each predictor column for ``outcome`` (rows = observations).

    Rows with a missing value in any column are left out. ``weights.sum()`` is the
    R² of the ordinary least-squares fit; ``weights / weights.sum()`` are shares.
    """
    data = np.column_stack([np.asarray(predictors, dtype=float), np.asarray(outcome, dtype=float)])
    data = data[~np.isnan(data).any(axis=1)]
    correlation = np.corrcoef(data, rowvar=False)
    return relative_weights_from_correlations(correlation[:-1, :-1], correlation[:-1, -1])


def correlations_from_moments(
    sum_weights: float, sums: np.ndarray, cross_products: np.ndarray
) -> np.ndarray:
    """Weighted correlation matrix from Σw, Σw·x_i (k) and Σw·x_i·x_j (k × k).

    The covariance is Σw·x_i·x_j / Σw − mean_i · mean_j (the population form: the
    correlation does not depend on the divisor). This is what a weighted
    least-squares regression of any of the variables on the others works with.
    """
    sums = np.asarray(sums, dtype=float)
    cross_products = np.asarray(cross_products, dtype=float)
    if sum_weights <= 0:
        raise ValueError("the sum of weights must be positive")
    means = sums / sum_weights
    covariance = cross_products / sum_weights - np.outer(means, means)
    scale = np.sqrt(np.diag(covariance))
    if (scale <= 0).any():
        raise ValueError("a variable has no variance: correlations are undefined")
    correlation = covariance / np.outer(scale, scale)
    np.fill_diagonal(correlation, 1.0)
    return correlation
