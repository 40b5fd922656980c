"""Who answers: respondents, their demographics and the brands each of them rates.

A respondent rates one to six distinct brands of their country. Brand choice is
weighted sampling without replacement in proportion to market share (the
exponential-race form of the Gumbel top-k trick, vectorised over respondents) and
independent of demographics, so post-stratifying on age and gender is enough to
remove the panel's demographic bias.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator import model


@dataclass(frozen=True)
class Panel:
    """Evaluations of one batch: who gave them, their demographic cell and which brand."""

    respondent: np.ndarray  # per evaluation: respondent index within the batch
    n_respondents: int
    cell: np.ndarray  # per evaluation: age band × 2 + gender
    age: np.ndarray  # per evaluation: age in years
    brand: np.ndarray  # per evaluation: company index

    def __len__(self) -> int:
        return int(self.brand.size)


def brands_per_respondent(n_evaluations: int, rng: np.random.Generator) -> np.ndarray:
    """How many brands each respondent rates, adding up to exactly ``n_evaluations``.

    The last respondent rates fewer brands if the total would overshoot.
    """
    probabilities = np.asarray(model.BRANDS_PER_RESPONDENT)
    if n_evaluations <= 0:
        return np.empty(0, dtype=np.int64)
    mean = float(np.dot(np.arange(1, probabilities.size + 1), probabilities))
    counts = np.empty(0, dtype=np.int64)
    while counts.sum() < n_evaluations:
        more = int((n_evaluations - counts.sum()) / mean * 1.05) + 16
        counts = np.concatenate([counts, rng.choice(probabilities.size, more, p=probabilities) + 1])
    total = np.cumsum(counts)
    last = int(np.searchsorted(total, n_evaluations))
    counts = counts[: last + 1].copy()
    counts[-1] -= total[last] - n_evaluations
    return counts


def ages_in_cells(cells: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Age in years, uniform within the cell's age band."""
    bounds = np.asarray(model.AGE_RANGES)
    band = cells // len(model.GENDERS)
    low, high = bounds[band, 0], bounds[band, 1]
    return (low + np.floor(rng.random(cells.size) * (high - low + 1))).astype(np.int16)


def top_brands(counts: np.ndarray, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Distinct brands per respondent, flattened in respondent order.

    Each brand gets an exponential arrival time divided by its weight; the
    earliest ``k`` arrivals are a weighted sample without replacement.
    """
    most = len(model.BRANDS_PER_RESPONDENT)
    arrival = rng.standard_exponential((counts.size, weights.size), dtype=np.float32)
    arrival /= weights.astype(np.float32)
    first = np.argpartition(arrival, most - 1, axis=1)[:, :most]
    order = np.argsort(np.take_along_axis(arrival, first, axis=1), axis=1)
    ranked = np.take_along_axis(first, order, axis=1)
    return ranked[np.arange(most)[None, :] < counts[:, None]]


def sample_panel(
    n_evaluations: int, cells: np.ndarray, weights: np.ndarray, rng: np.random.Generator
) -> Panel:
    """A survey batch: respondents drawn from ``cells`` each rating 1–6 brands."""
    counts = brands_per_respondent(n_evaluations, rng)
    person_cell = rng.choice(cells.size, counts.size, p=cells)
    person_age = ages_in_cells(person_cell, rng)
    brand = top_brands(counts, weights, rng)
    respondent = np.repeat(np.arange(counts.size), counts)
    return Panel(
        respondent,
        int(counts.size),
        person_cell[respondent].astype(np.int8),
        person_age[respondent],
        brand,
    )


def sample_population(
    size: int, cells: np.ndarray, weights: np.ndarray, rng: np.random.Generator
) -> Panel:
    """One evaluation per person, cells and brands drawn from population shares."""
    cell = rng.choice(cells.size, size, p=cells)
    brand = rng.choice(weights.size, size, p=weights)
    return Panel(np.arange(size), size, cell.astype(np.int8), ages_in_cells(cell, rng), brand)
