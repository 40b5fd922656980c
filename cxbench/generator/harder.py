"""Simulation in the harder world: who is recruited, what they experience, what they answer.

The knobs are described in :mod:`cxbench.generator.realism`. This module is
used only when at least one knob is on; the default world goes through
:mod:`respondents`, :mod:`evaluations` and :mod:`outcomes` untouched.

Selection on the latent trait is drawn exactly rather than by rejection: if
t ~ N(0, 1) in the population and the panel keeps a person with probability
∝ exp(s · t), the panel's t is N(s, 1) (exponential tilting of a normal), and
the discrete part (age × gender × region) is the population joint times the
recruitment factors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator import model
from cxbench.generator.evaluations import PillarDraw, draw_pillars
from cxbench.generator.outcomes import (
    OUTCOMES,
    ROUNDING_VARIANCE,
    SCORE_CENTRE,
    TARGET_MEAN,
    OutcomeModel,
    Outcomes,
    answers,
)
from cxbench.generator.realism import (
    AGE_DRIVER_SCORE,
    DRIVER_TILT,
    OMITTED_DRIVER_CORRELATION,
    Realism,
    joint_population,
    recruitment,
    region_levels,
)
from cxbench.generator.respondents import Panel, ages_in_cells, brands_per_respondent, top_brands


@dataclass(frozen=True)
class People:
    """A panel plus what the weights never see: region and latent trait per evaluation."""

    panel: Panel
    region: np.ndarray
    trait: np.ndarray


@dataclass(frozen=True)
class HarderDraw:
    """Everything simulated for a batch of the harder world."""

    people: People
    draw: PillarDraw
    outcomes: Outcomes


def panel_joint(age: np.ndarray, gender: np.ndarray, realism: Realism) -> np.ndarray:
    """Panel share per cell × region: population joint × recruitment, renormalised."""
    skew = np.outer(model.SAMPLE_AGE_SKEW, model.SAMPLE_GENDER_SKEW).ravel()
    joint = joint_population(age, gender, realism) * recruitment(skew, realism)
    return joint / joint.sum()


def sample_people(
    n_evaluations: int,
    joint: np.ndarray,
    weights: np.ndarray,
    rng: np.random.Generator,
    *,
    trait_mean: float,
    panel: bool,
) -> People:
    """Respondents drawn from ``joint`` (cells × regions), trait ~ N(trait_mean, 1).

    A panel respondent rates 1–6 brands (the clustering); a population draw
    (``panel=False``) is one evaluation per person with brands by ``weights``.
    """
    flat = joint.ravel() / joint.sum()
    if panel:
        counts = brands_per_respondent(n_evaluations, rng)
    else:
        counts = np.ones(n_evaluations, dtype=np.int64)
    person = rng.choice(flat.size, counts.size, p=flat)
    cell, region = np.divmod(person, joint.shape[1])
    trait = rng.normal(trait_mean, 1.0, size=counts.size)
    age = ages_in_cells(cell, rng)
    if panel:
        brand = top_brands(counts, weights, rng)
    else:
        brand = rng.choice(weights.size, counts.size, p=weights / weights.sum())
    respondent = np.repeat(np.arange(counts.size), counts)
    return People(
        Panel(
            respondent,
            int(counts.size),
            cell[respondent].astype(np.int8),
            age[respondent],
            brand,
        ),
        region[respondent].astype(np.int8),
        trait[respondent],
    )


def experience(
    levels: np.ndarray,
    channel_mix: np.ndarray,
    people: People,
    offsets: np.ndarray,
    realism: Realism,
    rng: np.random.Generator,
) -> PillarDraw:
    """Statement answers and latent experience, with region, trait and measurement error."""
    shift = region_levels(realism)[people.region] + realism.trait_effect * people.trait
    n_pillars = levels.shape[1]
    return draw_pillars(
        levels,
        channel_mix,
        people.panel,
        offsets,
        rng,
        shift=np.repeat(shift[:, None], n_pillars, axis=1),
        measurement_sd=realism.measurement_error,
    )


def company_z(levels: np.ndarray) -> np.ndarray:
    """Standardised company level (mean over pillars): what the omitted driver follows."""
    mean = levels.mean(axis=1)
    return (mean - mean.mean()) / max(float(mean.std()), 1e-9)


def _drivers(latent: np.ndarray, realism: Realism) -> np.ndarray:
    centred = latent - SCORE_CENTRE
    if realism.nonlinearity:
        centred = centred - realism.nonlinearity * centred * np.abs(centred) / 2.0
    return centred


def outcome_signal(
    beta: np.ndarray,
    latent: np.ndarray,
    omitted: np.ndarray,
    realism: Realism,
    age_band: np.ndarray,
) -> np.ndarray:
    """Evaluations × outcomes: the systematic part (drivers · β + omitted driver).

    With driver heterogeneity each age band has its own β (:func:`age_betas`).
    """
    drivers = _drivers(latent, realism)
    if realism.driver_heterogeneity:
        betas = age_betas(beta, realism)  # bands × outcomes × pillars
        signal = np.einsum("ep,eop->eo", drivers, betas[age_band])
    else:
        signal = drivers @ beta.T
    return signal + realism.omitted_driver * omitted[:, None]


def age_betas(beta: np.ndarray, realism: Realism) -> np.ndarray:
    """Age bands × outcomes × pillars: β tilted towards the young's or the old's drivers."""
    tilt = np.outer(AGE_DRIVER_SCORE, DRIVER_TILT) * realism.driver_heterogeneity
    return beta[None, :, :] * (1.0 + tilt[:, None, :])


def omitted_driver(
    levels: np.ndarray, brand: np.ndarray, rng: np.random.Generator, realism: Realism
) -> np.ndarray:
    """Standard-normal driver per evaluation, correlated with the company's level."""
    if not realism.omitted_driver:
        return np.zeros(brand.size)
    rho = OMITTED_DRIVER_CORRELATION
    own = rng.standard_normal(brand.size)
    return rho * company_z(levels)[brand] + np.sqrt(1.0 - rho**2) * own


def calibrate_latent(
    beta: np.ndarray,
    latent: np.ndarray,
    omitted: np.ndarray,
    realism: Realism,
    target_r2: float,
    age_band: np.ndarray,
) -> OutcomeModel:
    """Noise and intercepts so that R² on the *latent* drivers ≈ ``target_r2``.

    The R² a survey can reach on observed scores is lower (measurement error,
    the omitted driver): that gap is what the harder world is for.
    """
    signal = outcome_signal(beta, latent, omitted, realism, age_band)
    variance = signal.var(axis=0)
    noise_variance = variance * (1.0 - target_r2) / target_r2 - ROUNDING_VARIANCE
    intercept = np.array([TARGET_MEAN[name] for name in OUTCOMES]) - signal.mean(axis=0)
    return OutcomeModel(beta, intercept, np.sqrt(np.maximum(noise_variance, 0.05)))


def draw_outcomes_latent(
    outcome_model: OutcomeModel,
    latent: np.ndarray,
    omitted: np.ndarray,
    realism: Realism,
    rng: np.random.Generator,
    age_band: np.ndarray,
) -> Outcomes:
    """Outcome answers driven by the latent experience (not the observed scores)."""
    signal = outcome_signal(outcome_model.beta, latent, omitted, realism, age_band)
    noise = rng.standard_normal(signal.shape) * outcome_model.noise_sd
    scores = outcome_model.intercept + signal + noise
    return answers(scores, _drivers(latent, realism), rng)


def simulate(
    levels: np.ndarray,
    channel_mix: np.ndarray,
    joint: np.ndarray,
    weights: np.ndarray,
    offsets: np.ndarray,
    outcome_model: OutcomeModel,
    realism: Realism,
    size: int,
    rng: np.random.Generator,
    *,
    panel: bool,
) -> HarderDraw:
    """A panel batch (selected) or a population draw (``panel=False``) of the harder world.

    ``weights`` are brand weights over ``levels``' rows (zero for inactive brands).
    """
    trait_mean = realism.latent_selection if panel else 0.0
    people = sample_people(size, joint, weights, rng, trait_mean=trait_mean, panel=panel)
    draw = experience(levels, channel_mix, people, offsets, realism, rng)
    assert draw.latent is not None
    omitted = omitted_driver(levels, people.panel.brand, rng, realism)
    age_band = people.panel.cell // len(model.GENDERS)
    outcomes = draw_outcomes_latent(
        outcome_model, draw.latent, omitted, realism, rng, age_band.astype(np.intp)
    )
    return HarderDraw(people, draw, outcomes)
