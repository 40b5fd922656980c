"""Outcome questions driven by the observed pillar scores.

Advocacy (``nps``, 0–10) and loyalty (0–10) are linear in the six pillar scores
plus noise. The weights differ a little per country and between the two
outcomes; personalisation and integrity weigh most. The noise is calibrated per
country on a population sample so that R² lands at a chosen value in 0.62–0.68:
realistic for survey data, and low enough that importance estimates are noisy.
CSAT and CES are simpler: CSAT follows a weighted pillar mean, CES mainly the
time & effort pillar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator import model

OUTCOMES: tuple[str, ...] = ("nps", "loyalty")
#: Weight of each pillar (order of model.MODEL_PILLARS) before the country twist; they
#: add up to about 1.4, so outcomes spread like real 0–10 answers (sd ≈ 2).
BASE_BETA: dict[str, tuple[float, ...]] = {
    "nps": (0.48, 0.42, 0.14, 0.17, 0.08, 0.14),
    "loyalty": (0.36, 0.50, 0.17, 0.20, 0.11, 0.08),
}
COUNTRY_BETA_SD = 0.12  # lognormal twist per country and pillar
TARGET_MEAN: dict[str, float] = {"nps": 7.0, "loyalty": 7.4}
ROUNDING_VARIANCE = 1.0 / 12.0  # rounding to integers adds about this much noise
CSAT_WEIGHTS = (0.15, 0.20, 0.25, 0.20, 0.10, 0.10)
CSAT_SLOPE, CSAT_SD = 0.5, 0.55
CES_TIME_SLOPE, CES_RESOLUTION_SLOPE, CES_SD = 0.6, 0.15, 0.8
SCORE_CENTRE = 6.5


@dataclass(frozen=True)
class OutcomeModel:
    """Linear model of nps and loyalty (rows of ``beta`` follow :data:`OUTCOMES`)."""

    beta: np.ndarray  # outcomes × pillars
    intercept: np.ndarray
    noise_sd: np.ndarray


@dataclass(frozen=True)
class Outcomes:
    """Outcome answers of one batch, on their own scales."""

    nps: np.ndarray
    loyalty: np.ndarray
    csat: np.ndarray
    ces: np.ndarray


def draw_country_betas(rng: np.random.Generator) -> np.ndarray:
    """Base weights with a small multiplicative twist per country."""
    base = np.array([BASE_BETA[name] for name in OUTCOMES])
    return base * rng.lognormal(0.0, COUNTRY_BETA_SD, size=base.shape)


def calibrate(beta: np.ndarray, pillar_scores: np.ndarray, target_r2: float) -> OutcomeModel:
    """Choose noise and intercepts so that R² ≈ ``target_r2`` and the means hit their target.

    With signal variance V = Var(β·P), noise variance V·(1 − R²)/R² gives the
    target R²; the variance that rounding adds is taken off again.
    """
    complete = pillar_scores[~np.isnan(pillar_scores).any(axis=1)]
    signal = complete @ beta.T
    variance = signal.var(axis=0)
    noise_variance = variance * (1.0 - target_r2) / target_r2 - ROUNDING_VARIANCE
    intercept = np.array([TARGET_MEAN[name] for name in OUTCOMES]) - signal.mean(axis=0)
    return OutcomeModel(beta, intercept, np.sqrt(np.maximum(noise_variance, 0.05)))


def _filled(pillar_scores: np.ndarray) -> np.ndarray:
    """Pillar scores with an all-don't-know pillar replaced by the row's other pillars."""
    if not np.isnan(pillar_scores).any():
        return pillar_scores
    with np.errstate(invalid="ignore"):
        row_mean = np.nanmean(pillar_scores, axis=1, keepdims=True)
    row_mean = np.where(np.isnan(row_mean), SCORE_CENTRE, row_mean)
    return np.where(np.isnan(pillar_scores), row_mean, pillar_scores)


def integer_scale(values: np.ndarray, low: int, high: int) -> np.ndarray:
    """Round to whole answers and clip to the question's scale."""
    return np.clip(np.rint(values), low, high).astype(np.int16)


def draw_outcomes(
    outcome_model: OutcomeModel, pillar_scores: np.ndarray, rng: np.random.Generator
) -> Outcomes:
    """Outcome answers for a batch whose observed pillar scores are given."""
    scores = _filled(pillar_scores)
    noise = rng.standard_normal((scores.shape[0], len(OUTCOMES))) * outcome_model.noise_sd
    latent = outcome_model.intercept + scores @ outcome_model.beta.T + noise
    return answers(latent, scores - SCORE_CENTRE, rng)


def answers(latent: np.ndarray, centred: np.ndarray, rng: np.random.Generator) -> Outcomes:
    """The four outcome answers from the NPS/loyalty propensities and the centred drivers.

    Shared by the default and the harder world, which differ only in what drives the
    outcomes (observed scores or latent experience); CSAT and CES are drawn here, after
    the caller's draws, in the same order in both.
    """
    pillars = model.pillar_ids()
    csat = 3.0 + CSAT_SLOPE * (centred @ np.asarray(CSAT_WEIGHTS))
    csat += rng.normal(0.0, CSAT_SD, size=csat.size)
    ces = 4.0 + CES_TIME_SLOPE * centred[:, pillars.index("time_effort")]
    ces += CES_RESOLUTION_SLOPE * centred[:, pillars.index("resolution")]
    ces += rng.normal(0.0, CES_SD, size=ces.size)
    return Outcomes(
        nps=integer_scale(latent[:, 0], 0, 10),
        loyalty=integer_scale(latent[:, 1], 0, 10),
        csat=integer_scale(csat, 1, 5),
        ces=integer_scale(ces, 1, 7),
    )
