"""Truth per wave over the companies active that wave: importance, R², NPS, CSAT, CES.

The pooled truth (truth/pillar_importance.csv, truth/r2.csv) mixes all waves and,
in the default world, every company including those not operating; a recovery
test per country × wave needs the truth of exactly the population a wave's
survey samples. Both are Monte Carlo on large population draws (not the survey
sample), each from its own named stream, so they do not depend on the survey
size. Every figure is written with its own standard error where that matters
(outcome boxes): a test can then tell truth noise from estimation error.

Outcome metrics follow the warehouse (dbt macro ``outcome_boxes``): NPS =
100 · (share 9–10 − share 0–6), CSAT = 100 · share 4–5 of 5 (top-2 box),
CES = 100 · share 5–7 of 7 (top-3 box).
"""

from __future__ import annotations

import numpy as np

from cxbench.generator import harder, model
from cxbench.generator.outcomes import OUTCOMES, Outcomes, draw_outcomes
from cxbench.generator.streams import Stream, rng_for
from cxbench.generator.world import World, population_pillars
from cxcore.stats.relative_weights import relative_weights

#: Population draw per country × wave behind importance and R² (error ≈ 0.002).
WAVE_IMPORTANCE_SAMPLE = 200_000
#: Population draw per company × wave behind its NPS, CSAT and CES (NPS se ≈ 0.6).
OUTCOME_TRUTH_SAMPLE = 20_000
IMPORTANCE_BY_WAVE_COLUMNS = ("country", "wave", "outcome", "pillar_id", "raw_weight", "share")
R2_BY_WAVE_COLUMNS = ("country", "wave", "outcome", "r2")
COMPANY_OUTCOME_COLUMNS = (
    "brand_id",
    "country",
    "wave",
    "outcome",
    "true_value",
    "true_std_error",
    "n_draws",
)


def population_draw(
    world: World,
    code: str,
    wave: int,
    size: int,
    rng: np.random.Generator,
    brand_weights: np.ndarray | None = None,
) -> tuple[np.ndarray, Outcomes]:
    """Observed pillar scores and outcomes of ``size`` population members, one brand each.

    Brands are drawn from ``brand_weights`` (default: market share) over the
    companies active in ``wave`` only. Default and harder worlds alike.
    """
    country = world.countries[code]
    operating = np.flatnonzero(country.active[wave])
    weights = country.companies.share[operating] if brand_weights is None else brand_weights
    weights = weights / weights.sum()
    levels = country.levels[wave][operating]
    mix = country.channel_mix()[operating]
    if country.realism.is_default:
        cells = country.margins[wave].population_cells()
        scores = population_pillars(levels, mix, cells, weights, world.statement_offsets, size, rng)
        return scores, draw_outcomes(country.outcomes, scores, rng)
    simulated = harder.simulate(
        levels,
        mix,
        country.population_joint(wave),
        weights,
        world.statement_offsets,
        country.outcomes,
        country.realism,
        size,
        rng,
        panel=False,
    )
    return simulated.draw.pillar_scores, simulated.outcomes


def wave_importance(
    world: World, code: str, wave: int, size: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Relative weights (outcomes × pillars) and R² per outcome of one country × wave."""
    size = WAVE_IMPORTANCE_SAMPLE if size is None else size
    rng = rng_for(world.seed, Stream.WAVE_TRUTH, code, wave)
    scores, drawn = population_draw(world, code, wave, size, rng)
    weights = np.stack([relative_weights(scores, getattr(drawn, name)) for name in OUTCOMES])
    return weights, weights.sum(axis=1)


def importance_by_wave_rows(
    world: World, size: int | None = None
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Rows of truth/pillar_importance_by_wave.csv and truth/r2_by_wave.csv."""
    weight_rows: list[dict[str, object]] = []
    r2_rows: list[dict[str, object]] = []
    for code in world.countries:
        for wave in world.waves:
            weights, r2 = wave_importance(world, code, wave, size)
            for position, outcome in enumerate(OUTCOMES):
                r2_rows.append(
                    {"country": code, "wave": wave, "outcome": outcome, "r2": float(r2[position])}
                )
                weight_rows.extend(
                    {
                        "country": code,
                        "wave": wave,
                        "outcome": outcome,
                        "pillar_id": pillar,
                        "raw_weight": float(weight),
                        "share": float(weight / r2[position]),
                    }
                    for pillar, weight in zip(model.pillar_ids(), weights[position], strict=True)
                )
    return weight_rows, r2_rows


def outcome_boxes(drawn: Outcomes) -> dict[str, tuple[float, float]]:
    """NPS, CSAT top-2 box %, CES top-3 box % with their standard errors (in points)."""
    n = drawn.nps.size
    promoter = drawn.nps >= 9
    detractor = drawn.nps <= 6
    score = 100.0 * (promoter.astype(float) - detractor.astype(float))
    result = {"nps": (float(score.mean()), float(score.std(ddof=1) / np.sqrt(n)))}
    for name, box in (("csat", drawn.csat >= 4), ("ces", drawn.ces >= 5)):
        share = float(box.mean())
        result[name] = (100.0 * share, 100.0 * float(np.sqrt(share * (1 - share) / n)))
    return result


def company_outcome_rows(world: World, size: int | None = None) -> list[dict[str, object]]:
    """One row per active company × wave × outcome (truth/company_outcomes.csv)."""
    size = OUTCOME_TRUTH_SAMPLE if size is None else size
    rows: list[dict[str, object]] = []
    for code, country in world.countries.items():
        for wave in world.waves:
            operating = np.flatnonzero(country.active[wave])
            for position, company in enumerate(operating):
                only = np.zeros(operating.size)
                only[position] = 1.0
                rng = rng_for(world.seed, Stream.OUTCOME_TRUTH, code, wave, int(company))
                _, drawn = population_draw(world, code, wave, size, rng, brand_weights=only)
                for outcome, (value, error) in outcome_boxes(drawn).items():
                    rows.append(
                        {
                            "brand_id": country.companies.brand_id[company],
                            "country": code,
                            "wave": wave,
                            "outcome": outcome,
                            "true_value": value,
                            "true_std_error": error,
                            "n_draws": size,
                        }
                    )
    return rows
