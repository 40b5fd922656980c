"""The simulated world: companies, their true pillar levels per wave, population margins.

Everything a survey file or the ground truth needs is built here once, from the
seed alone, and handed to the workers; a file never draws world parameters
itself, so every file of one run describes the same world.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from cxbench.generator import harder, model
from cxbench.generator.brands import Companies, build_companies
from cxbench.generator.countries import CountrySpec
from cxbench.generator.evaluations import draw_pillars
from cxbench.generator.outcomes import OutcomeModel, calibrate, draw_country_betas
from cxbench.generator.presence import draw_presence
from cxbench.generator.realism import DEFAULT, Realism, joint_population
from cxbench.generator.respondents import sample_population
from cxbench.generator.sectors import SECTORS
from cxbench.generator.streams import Stream, rng_for
from cxcore.catalogue import statements

#: The year whose levels are drawn directly; other waves drift from it.
REFERENCE_WAVE = 2024
LEVEL_MEAN = 6.85
LEVEL_COMPANY_SD = 0.6  # shared by all pillars of a company: pillars correlate
LEVEL_PILLAR_SD = 0.3
LEVEL_RANGE = (4.0, 9.3)
DRIFT_COMMON_SD = 0.08
DRIFT_PILLAR_SD = 0.06
MOVER_PROBABILITY = 0.05  # per company and year
MOVER_SHIFT = (0.6, 1.2)  # size of a mover's change, either direction
CALIBRATION_SAMPLE = 50_000


@dataclass(frozen=True)
class Margins:
    """Population margins of one country × wave (age bands, then female/male)."""

    age: np.ndarray
    gender: np.ndarray

    def population_cells(self) -> np.ndarray:
        """Population share per cell (age band × 2 + gender): the product of margins."""
        return np.outer(self.age, self.gender).ravel()

    def sample_cells(self) -> np.ndarray:
        """Cell shares of the panel: population shares tilted by the recruitment skew."""
        age = self.age * np.asarray(model.SAMPLE_AGE_SKEW)
        gender = self.gender * np.asarray(model.SAMPLE_GENDER_SKEW)
        return np.outer(age / age.sum(), gender / gender.sum()).ravel()


@dataclass(frozen=True)
class CountryWorld:
    """One country: its companies, true levels and margins per wave, outcome model."""

    spec: CountrySpec
    companies: Companies
    levels: dict[int, np.ndarray]  # wave -> companies × pillars, latent 1–10 scale
    margins: dict[int, Margins]
    outcomes: OutcomeModel
    #: wave -> boolean per company: operating (rated) that year (entrants, exits)
    active: dict[int, np.ndarray]
    #: wave -> boolean per company: a planted large move since the year before
    movers: dict[int, np.ndarray]
    #: the harder world's knobs (all off: the default world)
    realism: Realism = DEFAULT

    def population_joint(self, wave: int) -> np.ndarray:
        """Population share per cell × region (one region column without regions)."""
        margins = self.margins[wave]
        return joint_population(margins.age, margins.gender, self.realism)

    def channel_mix(self) -> np.ndarray:
        """Companies × channels: each company uses its sector's channel mix."""
        return _channel_mix(self.companies)


def _channel_mix(companies: Companies) -> np.ndarray:
    mix = np.array([sector.channel_mix for sector in SECTORS])
    return mix[companies.sector]


@dataclass(frozen=True)
class World:
    """All countries of one run plus the statement offsets they share."""

    seed: int
    waves: tuple[int, ...]
    statement_offsets: np.ndarray  # one per catalogue statement
    countries: dict[str, CountryWorld]
    realism: Realism = DEFAULT


def build_world(
    seed: int,
    countries: Sequence[CountrySpec],
    waves: Sequence[int],
    realism: Realism = DEFAULT,
) -> World:
    """Build every country's parameters for the requested waves."""
    offsets = _statement_offsets(rng_for(seed, Stream.WORLD))
    built = {spec.code: _build_country(seed, spec, waves, offsets, realism) for spec in countries}
    return World(seed, tuple(waves), offsets, built, realism)


def _statement_offsets(rng: np.random.Generator) -> np.ndarray:
    """Offsets centred within each pillar, so a pillar's mean stays near its level."""
    offsets = rng.normal(0.0, model.SD_STATEMENT_OFFSET, size=len(statements()))
    index = model.statement_pillar_index()
    means = np.bincount(index, weights=offsets) / np.bincount(index)
    return offsets - means[index]


def _build_country(
    seed: int,
    spec: CountrySpec,
    waves: Sequence[int],
    offsets: np.ndarray,
    realism: Realism = DEFAULT,
) -> CountryWorld:
    rng = rng_for(seed, Stream.COUNTRY, spec.code)
    companies = build_companies(spec, rng)
    base = _reference_levels(spec, companies, rng)
    betas = draw_country_betas(rng)
    target_r2 = float(rng.uniform(0.62, 0.68))
    years = range(min(*waves, REFERENCE_WAVE), max(*waves, REFERENCE_WAVE) + 1)
    levels = _levels_by_year(seed, spec, base, years)
    presence = draw_presence(seed, spec.code, len(companies))
    margins = {year: country_margins(seed, spec, year) for year in years}
    if realism.is_default:
        outcome_model = _calibrated(
            seed, spec, companies, levels, margins, offsets, betas, target_r2
        )
    else:
        outcome_model = _calibrated_latent(
            seed, spec, companies, levels, margins, offsets, betas, target_r2, realism
        )
    return CountryWorld(
        spec=spec,
        companies=companies,
        levels={wave: levels[wave] for wave in waves},
        margins={wave: margins[wave] for wave in waves},
        outcomes=outcome_model,
        active={wave: presence.active(wave) for wave in waves},
        movers={wave: _drift(seed, spec, wave, base.shape)[1] for wave in waves},
        realism=realism,
    )


def _calibrated(
    seed: int,
    spec: CountrySpec,
    companies: Companies,
    levels: dict[int, np.ndarray],
    margins: dict[int, Margins],
    offsets: np.ndarray,
    betas: np.ndarray,
    target_r2: float,
) -> OutcomeModel:
    """The default world's outcome model: linear in observed scores, calibrated on them."""
    sample = population_pillars(
        levels[REFERENCE_WAVE],
        _channel_mix(companies),
        margins[REFERENCE_WAVE].population_cells(),
        companies.share,
        offsets,
        CALIBRATION_SAMPLE,
        rng_for(seed, Stream.CALIBRATION, spec.code),
    )
    return calibrate(betas, sample, target_r2)


def _calibrated_latent(
    seed: int,
    spec: CountrySpec,
    companies: Companies,
    levels: dict[int, np.ndarray],
    margins: dict[int, Margins],
    offsets: np.ndarray,
    betas: np.ndarray,
    target_r2: float,
    realism: Realism,
) -> OutcomeModel:
    """The harder world's outcome model, calibrated on a population draw of latent drivers."""
    rng = rng_for(seed, Stream.CALIBRATION, spec.code)
    reference = margins[REFERENCE_WAVE]
    joint = joint_population(reference.age, reference.gender, realism)
    people = harder.sample_people(
        CALIBRATION_SAMPLE, joint, companies.share, rng, trait_mean=0.0, panel=False
    )
    draw = harder.experience(
        levels[REFERENCE_WAVE], _channel_mix(companies), people, offsets, realism, rng
    )
    assert draw.latent is not None
    omitted = harder.omitted_driver(levels[REFERENCE_WAVE], people.panel.brand, rng, realism)
    age_band = (people.panel.cell // len(model.GENDERS)).astype(np.intp)
    return harder.calibrate_latent(betas, draw.latent, omitted, realism, target_r2, age_band)


def _reference_levels(
    spec: CountrySpec, companies: Companies, rng: np.random.Generator
) -> np.ndarray:
    """True levels in the reference wave: company quality + sector profile + pillar twist."""
    n_pillars = len(model.pillar_ids())
    company = rng.normal(LEVEL_MEAN + spec.level_offset, LEVEL_COMPANY_SD, size=(len(companies), 1))
    profile = np.array([sector.pillar_profile for sector in SECTORS])[companies.sector]
    twist = rng.normal(0.0, LEVEL_PILLAR_SD, size=(len(companies), n_pillars))
    return np.clip(company + profile + twist, *LEVEL_RANGE)


def _levels_by_year(
    seed: int, spec: CountrySpec, base: np.ndarray, years: range
) -> dict[int, np.ndarray]:
    """Random walk from the reference year in both directions, one drift per year."""
    levels = {REFERENCE_WAVE: base}
    for year in range(REFERENCE_WAVE + 1, years.stop):
        levels[year] = np.clip(
            levels[year - 1] + _drift(seed, spec, year, base.shape)[0], *LEVEL_RANGE
        )
    for year in range(REFERENCE_WAVE - 1, years.start - 1, -1):
        step, _ = _drift(seed, spec, year + 1, base.shape)
        levels[year] = np.clip(levels[year + 1] - step, *LEVEL_RANGE)
    return levels


def _drift(
    seed: int, spec: CountrySpec, year: int, shape: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Change from ``year - 1`` to ``year`` (small for most, large for a few) and who moved.

    The movers (about MOVER_PROBABILITY of companies a year, up or down) are
    returned too: they are the ground truth the warehouse's movers are held to.
    """
    rng = rng_for(seed, Stream.DRIFT, spec.code, year)
    common = rng.normal(0.0, DRIFT_COMMON_SD, size=(shape[0], 1))
    drift = common + rng.normal(0.0, DRIFT_PILLAR_SD, size=shape)
    movers = rng.random(shape[0]) < MOVER_PROBABILITY
    direction = rng.choice([-1.0, 1.0], size=shape[0])
    size = rng.uniform(*MOVER_SHIFT, size=shape[0])
    shift = (direction * size)[:, None] + rng.normal(0.0, 0.2, size=shape)
    return drift + np.where(movers[:, None], shift, 0.0), movers


def country_margins(seed: int, spec: CountrySpec, wave: int) -> Margins:
    """Margins of one wave: the population ages a little each year, plus small noise.

    Shares are rounded to four decimals with the last category absorbing the
    rounding, so the published margins add up to one (at four decimals).
    """
    rng = rng_for(seed, Stream.MARGINS, spec.code, wave)
    ageing = np.array([-0.001, -0.001, 0.0, 0.0, 0.0, 0.002]) * (wave - REFERENCE_WAVE)
    age = np.asarray(spec.age_shares) + ageing + rng.normal(0.0, 0.002, size=len(model.AGE_BANDS))
    age = np.clip(age, 0.01, None)
    female = spec.female_share + rng.normal(0.0, 0.002)
    return Margins(
        _rounded_shares(age / age.sum()), _rounded_shares(np.array([female, 1 - female]))
    )


def _rounded_shares(shares: np.ndarray) -> np.ndarray:
    rounded = np.round(shares, 4)
    rounded[-1] = round(1.0 - float(rounded[:-1].sum()), 4)
    return rounded


def population_pillars(
    levels: np.ndarray,
    channel_mix: np.ndarray,
    cells: np.ndarray,
    share: np.ndarray,
    offsets: np.ndarray,
    size: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Observed pillar scores of a population-representative sample (one brand each)."""
    panel = sample_population(size, cells, share, rng)
    return draw_pillars(levels, channel_mix, panel, offsets, rng).pillar_scores
