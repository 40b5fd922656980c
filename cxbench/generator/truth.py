"""Ground truth the warehouse is held against.

Company pillar means are computed exactly, not simulated: the population mean of
a pillar score is the average over its statements of E[clip(round(X), 1, 10)]
for normal X, mixed over the population's demographic cells and the sector's
channel mix. Pillar importance is the Johnson relative weight of each pillar on a
large population-representative simulated sample, because it depends on the
whole joint distribution and has no closed form worth the trouble.

In the harder world (:mod:`cxbench.generator.realism`) truth stays the
population's: pillar means mix over the interacted age × gender joint and the
regions, with the trait and measurement error in the answer's spread; the panel's
selection never enters. Truth per wave is in :mod:`cxbench.generator.truth_waves`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.special import ndtr

from cxbench.generator import model
from cxbench.generator.outcomes import OUTCOMES, draw_outcomes
from cxbench.generator.realism import region_levels
from cxbench.generator.streams import Stream, rng_for
from cxbench.generator.truth_waves import population_draw
from cxbench.generator.world import CountryWorld, World, population_pillars
from cxcore.catalogue import statement_ids
from cxcore.stats.relative_weights import relative_weights

IMPORTANCE_SAMPLE = 200_000
SCALE = (1, 10)
#: Columns of truth/company_pillar_means.csv and truth/partial_study_pillar_means.csv.
PILLAR_TRUTH_COLUMNS = ("brand_id", "country", "wave", "pillar_id", "true_mean")


def expected_rounded_clipped(mean: np.ndarray, sd: float) -> np.ndarray:
    """E[clip(round(X), 1, 10)] for X ~ N(mean, sd²), elementwise.

    E = 1 + Σ_{k=2..10} P(rounded X ≥ k) = 1 + Σ_{t=1.5..9.5} Φ((mean − t) / sd).
    """
    thresholds = np.arange(SCALE[0], SCALE[1]) + 0.5
    return SCALE[0] + ndtr((np.asarray(mean)[..., None] - thresholds) / sd).sum(axis=-1)


def expected_statement_scores(
    country: CountryWorld, wave: int, statement_offsets: np.ndarray
) -> np.ndarray:
    """Companies × statements: population expected answer on the observed 1–10 scale."""
    if not country.realism.is_default:
        return _expected_statement_scores_harder(country, wave, statement_offsets)
    index = model.statement_pillar_index()
    cells = country.margins[wave].population_cells()  # (cells,)
    mix = country.channel_mix()  # (companies, channels)
    # latent statement means: companies × cells × channels × statements
    mean = (
        country.levels[wave][:, None, None, index]
        + model.cell_effects()[None, :, None, index]
        + np.asarray(model.CHANNEL_EFFECT)[None, None, :, index]
        + statement_offsets[None, None, None, :]
    )
    expected = expected_rounded_clipped(mean, model.statement_sd())
    return np.einsum("ahcs,h,ac->as", expected, cells, mix)


def _expected_statement_scores_harder(
    country: CountryWorld, wave: int, statement_offsets: np.ndarray
) -> np.ndarray:
    """As :func:`expected_statement_scores`, mixed over the harder world's population.

    The joint of cells × regions replaces the product of margins, a region
    shifts the latent mean, and the population's trait (N(0, 1) times its
    effect) and the measurement error widen the answer's normal. The panel's
    selection does not enter: truth is the population's.
    """
    realism = country.realism
    index = model.statement_pillar_index()
    joint = country.population_joint(wave)  # (cells, regions)
    mix = country.channel_mix()
    mean = (
        country.levels[wave][:, None, None, None, index]
        + model.cell_effects()[None, :, None, None, index]
        + region_levels(realism)[None, None, :, None, None]
        + np.asarray(model.CHANNEL_EFFECT)[None, None, None, :, index]
        + statement_offsets[None, None, None, None, :]
    )
    sd = float(
        np.sqrt(model.statement_sd() ** 2 + realism.trait_effect**2 + realism.measurement_error**2)
    )
    expected = expected_rounded_clipped(mean, sd)
    return np.einsum("ahrcs,hr,ac->as", expected, joint, mix)


def measured_pillar_means(
    per_statement: np.ndarray, measured: Sequence[str] | None = None
) -> np.ndarray:
    """Companies × pillars: mean of the expected scores of the statements an instrument asks.

    A pillar score is the mean of a respondent's answered statements of that
    pillar, and don't-know strikes every statement of a pillar at the same rate,
    so its expectation is the plain mean over the statements asked. ``measured``
    lists the statement ids asked (default: the whole catalogue); a pillar with
    none of them is NaN.
    """
    membership = model.pillar_membership().astype(np.float64)
    if measured is not None:
        unknown = sorted(set(measured) - set(statement_ids()))
        if unknown:
            raise ValueError(f"unknown statement id(s): {', '.join(unknown)}")
        asked = np.isin(statement_ids(), list(measured))
        membership = membership * asked[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return per_statement @ membership / membership.sum(axis=0)


def true_pillar_means(
    country: CountryWorld, wave: int, statement_offsets: np.ndarray
) -> np.ndarray:
    """Companies × pillars: population expected pillar score of the full questionnaire."""
    return measured_pillar_means(expected_statement_scores(country, wave, statement_offsets))


def company_pillar_rows(
    world: World, measured: Sequence[str] | None = None
) -> list[dict[str, object]]:
    """One row per company × wave × pillar (truth/company_pillar_means.csv).

    With ``measured`` (statement ids of a shorter instrument), the truth of that
    instrument: only the pillars it measures, each the mean over its statements
    asked (truth/partial_study_pillar_means.csv).
    """
    rows: list[dict[str, object]] = []
    pillars = model.pillar_ids()
    for code, country in world.countries.items():
        for wave in world.waves:
            per_statement = expected_statement_scores(country, wave, world.statement_offsets)
            means = measured_pillar_means(per_statement, measured)
            scored = [p for p in range(len(pillars)) if not np.isnan(means[:, p]).all()]
            for company, brand_id in enumerate(country.companies.brand_id):
                if not country.active[wave][company]:
                    continue  # not operating that year: nobody rated it
                rows.extend(
                    {
                        "brand_id": brand_id,
                        "country": code,
                        "wave": wave,
                        "pillar_id": pillars[p],
                        "true_mean": float(means[company, p]),
                    }
                    for p in scored
                )
    return rows


def population_importance(
    world: World, code: str, waves: Sequence[int] | None = None, size: int = IMPORTANCE_SAMPLE
) -> tuple[np.ndarray, np.ndarray]:
    """Relative weights (outcomes × pillars) and R² per outcome for one country.

    The sample is split equally over the waves, like the survey itself, and
    drawn from the population margins with its own stream, so it does not
    depend on how many evaluations were requested.
    """
    country = world.countries[code]
    waves = tuple(waves or world.waves)
    rng = rng_for(world.seed, Stream.TRUTH, code)
    scores, outcomes = [], []
    for position, wave in enumerate(waves):
        per_wave = size // len(waves) + (1 if position < size % len(waves) else 0)
        if not country.realism.is_default:
            pillar_scores, drawn = population_draw(world, code, wave, per_wave, rng)
            scores.append(pillar_scores)
            outcomes.append(np.column_stack([getattr(drawn, name) for name in OUTCOMES]))
            continue
        pillar_scores = population_pillars(
            country.levels[wave],
            country.channel_mix(),
            country.margins[wave].population_cells(),
            country.companies.share,
            world.statement_offsets,
            per_wave,
            rng,
        )
        drawn = draw_outcomes(country.outcomes, pillar_scores, rng)
        scores.append(pillar_scores)
        outcomes.append(np.column_stack([getattr(drawn, name) for name in OUTCOMES]))
    predictors, targets = np.concatenate(scores), np.concatenate(outcomes)
    weights = np.stack(
        [relative_weights(predictors, targets[:, position]) for position in range(len(OUTCOMES))]
    )
    return weights, weights.sum(axis=1)


COMPANY_WAVE_COLUMNS = (
    "brand_id",
    "country",
    "wave",
    "is_active",
    "true_level",
    "true_level_change",
    "is_planted_mover",
)


def company_wave_rows(world: World) -> list[dict[str, object]]:
    """One row per company × wave (truth/company_waves.csv): who operates, level, move.

    ``true_level`` is the mean of the company's six true pillar means;
    ``true_level_change`` is its change since the run's previous wave (empty
    unless active in both); ``is_planted_mover`` marks the few large moves the
    generator planted that year, which the warehouse's movers should find.
    """
    rows: list[dict[str, object]] = []
    for code, country in world.countries.items():
        previous: np.ndarray | None = None
        previous_active: np.ndarray | None = None
        for wave in world.waves:
            level = true_pillar_means(country, wave, world.statement_offsets).mean(axis=1)
            active = country.active[wave]
            for company, brand_id in enumerate(country.companies.brand_id):
                comparable = (
                    previous is not None
                    and previous_active is not None
                    and bool(active[company] and previous_active[company])
                )
                rows.append(
                    {
                        "brand_id": brand_id,
                        "country": code,
                        "wave": wave,
                        "is_active": bool(active[company]),
                        "true_level": float(level[company]),
                        "true_level_change": (
                            float(level[company] - previous[company])
                            if comparable and previous is not None
                            else None
                        ),
                        "is_planted_mover": bool(country.movers[wave][company]),
                    }
                )
            previous, previous_active = level, active
    return rows
