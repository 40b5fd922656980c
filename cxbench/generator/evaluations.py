"""From a panel to statement answers and observed pillar scores, fully vectorised.

Latent value of pillar p in one evaluation = company level + demographic effect
+ channel effect + respondent halo + pillar deviation (multivariate normal,
pillars correlated). A statement's answer is that plus the statement offset and
item noise, rounded and clipped to 1–10; don't-know (99) is independent of the
answer, at a rate equal for all statements of a pillar.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cxbench.generator import model
from cxbench.generator.respondents import Panel


@dataclass(frozen=True)
class PillarDraw:
    """Answers and what follows from them for one batch of evaluations."""

    answers: np.ndarray  # evaluations × statements, int16, 99 = don't know
    pillar_scores: np.ndarray  # evaluations × pillars, mean of answered statements (NaN if none)
    channel: np.ndarray  # evaluations, index into sectors.CHANNELS
    #: evaluations × pillars: the experience before measurement (harder world only)
    latent: np.ndarray | None = None


def draw_channels(
    channel_mix: np.ndarray, brand: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """One channel per evaluation from the rated company's channel mix."""
    cumulative = np.cumsum(channel_mix, axis=1)[:, :-1]
    uniform = rng.random(brand.size)
    return (uniform[:, None] >= cumulative[brand]).sum(axis=1).astype(np.int8)


def draw_pillars(
    levels: np.ndarray,
    channel_mix: np.ndarray,
    panel: Panel,
    statement_offsets: np.ndarray,
    rng: np.random.Generator,
    shift: np.ndarray | None = None,
    measurement_sd: float = 0.0,
) -> PillarDraw:
    """Simulate every statement answer of a batch (see the module docstring).

    ``shift`` (evaluations × pillars) and ``measurement_sd`` are the harder
    world's additions (:mod:`cxbench.generator.realism`): latent shifts such as
    region and respondent trait, and an error per evaluation × pillar shared by
    its statements. With either given, the latent experience is returned too.
    Without them nothing else is drawn, so the default world keeps its bytes.
    """
    n, n_pillars = len(panel), levels.shape[1]
    channel = draw_channels(channel_mix, panel.brand, rng)
    halo = rng.normal(0.0, model.SD_HALO, size=panel.n_respondents)
    chol = np.linalg.cholesky(model.pillar_correlation()) * model.SD_DEVIATION
    deviation = rng.standard_normal((n, n_pillars)) @ chol.T
    latent = (
        levels[panel.brand]
        + model.cell_effects()[panel.cell]
        + np.asarray(model.CHANNEL_EFFECT)[channel]
        + halo[panel.respondent][:, None]
        + deviation
    ).astype(np.float32)
    harder = shift is not None or measurement_sd > 0
    if shift is not None:
        latent += shift.astype(np.float32)
    measured = latent
    if measurement_sd > 0:
        error = rng.standard_normal((n, n_pillars), dtype=np.float32) * np.float32(measurement_sd)
        measured = latent + error
    index = model.statement_pillar_index()
    noise = rng.standard_normal((n, index.size), dtype=np.float32)
    noise *= np.float32(model.SD_ITEM)
    noise += measured[:, index]
    noise += statement_offsets.astype(np.float32)
    answers = np.clip(np.rint(noise), 1, 10).astype(np.int16)
    rates = model.dont_know_rate_per_statement().astype(np.float32)
    unknown = rng.random((n, index.size), dtype=np.float32) < rates
    answered = (~unknown).astype(np.float32)
    membership = model.pillar_membership()
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = ((answers * answered) @ membership) / (answered @ membership)
    answers[unknown] = model.DONT_KNOW_CODE
    return PillarDraw(
        answers, scores.astype(np.float64), channel, latent.astype(np.float64) if harder else None
    )
