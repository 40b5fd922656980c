"""Raking (iterative proportional fitting) of a sample's cell table to population margins.

Weights depend only on a unit's cell (e.g. age band × gender), so raking works on
the table of cell counts — a few dozen rows per country × wave — instead of on
the evaluations: the warehouse counts cells in SQL, rakes them here and joins the
cell weights back in SQL.

One outer iteration is one IPF sweep over the dimensions (each dimension's
weighted shares scaled onto its targets), then normalisation to a mean weight of
1 per unit, then trimming to ``[trim_min, trim_max]`` with the trimmed excess
spread over the untrimmed cells, so the mean weight stays 1. Trimming moves the
margins off target, so the sweep repeats until no weight changes by more than
``tolerance`` or ``max_iterations`` is reached. With binding trim bounds the
margins are met only approximately; ``max_margin_error`` says by how much.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RakingResult:
    """Weights per cell (aligned with the input) and how the fit went."""

    weights: np.ndarray
    iterations: int
    converged: bool
    #: Largest absolute difference between a weighted category share and its target.
    max_margin_error: float


def _category_codes(
    cells: Sequence[Sequence[object]], targets: Sequence[Mapping[object, float]]
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Integer code of each cell's category per dimension and the matching target shares.

    Targets are renormalised over the categories present in the sample, so a
    population category nobody in the sample belongs to cannot stall the fit.
    """
    codes, shares = [], []
    for dimension, target in enumerate(targets):
        categories = sorted({cell[dimension] for cell in cells}, key=str)
        position = {category: index for index, category in enumerate(categories)}
        codes.append(np.array([position[cell[dimension]] for cell in cells], dtype=np.intp))
        share = np.array([float(target[category]) for category in categories])
        if share.sum() <= 0:
            raise ValueError(f"dimension {dimension}: no target share for the sampled categories")
        shares.append(share / share.sum())
    return codes, shares


def trim_keeping_mean(
    counts: np.ndarray, weights: np.ndarray, trim_min: float, trim_max: float
) -> np.ndarray:
    """Clip weights to the bounds and rescale the unclipped ones to keep the mean weight.

    Repeats because the rescaling can push another weight over a bound; stops
    when nothing is out of bounds or every cell sits on a bound (then the mean
    cannot be kept and the clipped weights are returned).
    """
    target = (counts * weights).sum()
    weights = weights.copy()
    for _ in range(weights.size + 1):
        clipped = np.clip(weights, trim_min, trim_max)
        free = (clipped > trim_min) & (clipped < trim_max)
        fixed_total = (counts * clipped)[~free].sum()
        free_total = (counts * clipped)[free].sum()
        if free_total <= 0:
            return clipped
        clipped[free] *= (target - fixed_total) / free_total
        if ((clipped >= trim_min) & (clipped <= trim_max)).all():
            return clipped
        weights = clipped
    return np.clip(weights, trim_min, trim_max)


def rake_cells(
    counts: Sequence[float],
    cells: Sequence[Sequence[object]],
    targets: Sequence[Mapping[object, float]],
    trim_min: float = 0.0,
    trim_max: float = float("inf"),
    max_iterations: int = 100,
    tolerance: float = 1e-10,
) -> RakingResult:
    """Rake ``counts`` (units per cell) so that weighted shares match ``targets``.

    ``cells[i][d]`` is the category of cell i on dimension d and ``targets[d]``
    maps every category of dimension d to its population share. Every cell's
    category must have a target (filter the cells first). Returns one weight per
    cell, normalised to a mean of 1 over the units.
    """
    n = np.asarray(counts, dtype=float)
    if n.size == 0:
        return RakingResult(np.empty(0), 0, True, 0.0)
    if (n <= 0).any():
        raise ValueError("cell counts must be positive")
    if not 0 <= trim_min <= 1 <= trim_max:
        raise ValueError(
            f"trim bounds must enclose the mean weight 1, got [{trim_min}, {trim_max}]"
        )
    codes, shares = _category_codes(cells, targets)
    weights = np.ones_like(n)
    iterations, converged = 0, False
    while iterations < max_iterations and not converged:
        iterations += 1
        previous = weights
        weights = weights.copy()
        for code, share in zip(codes, shares, strict=True):
            achieved = np.bincount(code, weights=n * weights, minlength=share.size)
            weights *= (share * achieved.sum() / achieved)[code]
        weights = trim_keeping_mean(n, weights * n.sum() / (n * weights).sum(), trim_min, trim_max)
        converged = bool(np.abs(weights - previous).max() <= tolerance)
    total = (n * weights).sum()
    error = max(
        float(
            np.abs(
                np.bincount(code, weights=n * weights, minlength=share.size) / total - share
            ).max()
        )
        for code, share in zip(codes, shares, strict=True)
    )
    return RakingResult(weights, iterations, converged, error)
