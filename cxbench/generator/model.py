"""Behavioural constants of the simulated respondents, with the reason for each.

Everything here is fixed (not drawn from the seed): these are the effects the
methodology downstream is supposed to cope with, so they should be the same in
every generated world and easy to read in one place.

Pillar-indexed tuples follow :data:`MODEL_PILLARS`; :func:`pillar_ids` checks
that the catalogue still has exactly these pillars in this order.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from cxcore.catalogue import pillars, statements

MODEL_PILLARS: tuple[str, ...] = (
    "personalisation",
    "integrity",
    "expectations",
    "resolution",
    "time_effort",
    "empathy",
)

AGE_BANDS: tuple[str, ...] = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
#: Inclusive age range of each band; 65+ stops at 85, the oldest panel member.
AGE_RANGES: tuple[tuple[int, int], ...] = (
    (18, 24),
    (25, 34),
    (35, 44),
    (45, 54),
    (55, 64),
    (65, 85),
)
GENDERS: tuple[str, ...] = ("female", "male")

#: Online panels over-recruit the young and women and under-recruit the over-65s;
#: the sample share of a cell is its population share times these factors
#: (renormalised), so unweighted results are biased towards young raters.
SAMPLE_AGE_SKEW: tuple[float, ...] = (1.7, 1.35, 1.1, 0.95, 0.75, 0.45)
SAMPLE_GENDER_SKEW: tuple[float, ...] = (1.3, 0.75)

#: Older respondents rate higher (a few tenths per band): together with the skew
#: above this is what makes post-stratification weighting change results.
AGE_EFFECT: tuple[float, ...] = (-0.40, -0.25, -0.08, 0.05, 0.20, 0.38)
#: Women rate a little higher, most of all on empathy.
FEMALE_EFFECT: tuple[float, ...] = (0.05, 0.05, 0.05, 0.0, 0.0, 0.15)

#: Effect of the contact channel per pillar (rows follow sectors.CHANNELS): phone
#: contact costs time, a store visit feels personal, apps are quick but cold.
CHANNEL_EFFECT: tuple[tuple[float, ...], ...] = (
    (0.15, 0.10, 0.05, 0.10, -0.10, 0.40),  # store
    (-0.10, 0.00, 0.00, -0.10, 0.15, -0.25),  # web
    (0.20, 0.00, 0.05, -0.05, 0.30, -0.30),  # app
    (0.05, 0.05, -0.05, 0.15, -0.45, 0.20),  # phone
    (-0.05, -0.05, 0.00, 0.00, 0.05, -0.10),  # chat
)

#: Standard deviations on the latent 1–10 scale. The halo is one draw per
#: respondent shared by every brand they rate (some people rate everything high);
#: the deviation is per evaluation and pillar; item noise per statement.
SD_HALO = 0.6
SD_DEVIATION = 1.0
SD_ITEM = 0.8
#: Spread of statement offsets (some statements are harder to agree with).
SD_STATEMENT_OFFSET = 0.3

#: Correlation of the per-evaluation pillar deviations: 0.6 unless listed.
PILLAR_CORRELATION_DEFAULT = 0.6
PILLAR_CORRELATION_PAIRS: dict[tuple[str, str], float] = {
    ("integrity", "resolution"): 0.7,
    ("personalisation", "empathy"): 0.7,
    ("integrity", "expectations"): 0.65,
    ("expectations", "resolution"): 0.65,
    ("time_effort", "empathy"): 0.5,
    ("personalisation", "time_effort"): 0.5,
}

#: Don't-know rate per statement, equal for all statements of a pillar so that
#: leaving don't-knows out keeps the pillar mean unbiased (≈ 5% overall).
DONT_KNOW_RATE: tuple[float, ...] = (0.05, 0.04, 0.04, 0.09, 0.03, 0.05)
DONT_KNOW_CODE = 99

#: How many brands a respondent rates (1–6, mean ≈ 2.36).
BRANDS_PER_RESPONDENT: tuple[float, ...] = (0.35, 0.28, 0.17, 0.10, 0.06, 0.04)


@cache
def pillar_ids() -> tuple[str, ...]:
    """Catalogue pillars, checked against the pillars this model has parameters for."""
    catalogue = tuple(pillar.pillar_id for pillar in pillars())
    if catalogue != MODEL_PILLARS:
        raise RuntimeError(
            f"the generator models pillars {MODEL_PILLARS} but the catalogue has {catalogue}"
        )
    return catalogue


@cache
def statement_pillar_index() -> np.ndarray:
    """For each catalogue statement, the index of its pillar (catalogue order)."""
    position = {pillar_id: index for index, pillar_id in enumerate(pillar_ids())}
    return np.array([position[statement.pillar_id] for statement in statements()], dtype=np.intp)


@cache
def pillar_membership() -> np.ndarray:
    """Statements × pillars 0/1 matrix: sums answers per pillar with one matmul."""
    index = statement_pillar_index()
    matrix = np.zeros((index.size, len(pillar_ids())), dtype=np.float32)
    matrix[np.arange(index.size), index] = 1.0
    return matrix


@cache
def pillar_correlation() -> np.ndarray:
    """Correlation matrix of the pillar deviations (checked positive definite)."""
    ids = pillar_ids()
    matrix = np.full((len(ids), len(ids)), PILLAR_CORRELATION_DEFAULT)
    np.fill_diagonal(matrix, 1.0)
    for (first, second), value in PILLAR_CORRELATION_PAIRS.items():
        i, j = ids.index(first), ids.index(second)
        matrix[i, j] = matrix[j, i] = value
    np.linalg.cholesky(matrix)  # raises if the pairs made it indefinite
    return matrix


def cell_effects() -> np.ndarray:
    """Demographic effect per cell and pillar; cell = age band × 2 + gender."""
    age = np.asarray(AGE_EFFECT)[:, None, None]
    gender = np.stack([np.asarray(FEMALE_EFFECT), np.zeros(len(FEMALE_EFFECT))])[None, :, :]
    return (age + gender).reshape(len(AGE_BANDS) * len(GENDERS), -1)


def statement_sd() -> float:
    """Total latent sd of one statement answer given company, cell and channel."""
    return float(np.sqrt(SD_HALO**2 + SD_DEVIATION**2 + SD_ITEM**2))


def dont_know_rate_per_statement() -> np.ndarray:
    """Don't-know probability of each catalogue statement (its pillar's rate)."""
    return np.asarray(DONT_KNOW_RATE)[statement_pillar_index()]
