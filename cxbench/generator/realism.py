"""How realistic the synthetic world is: the default world or a harder one, knob by knob.

The default world is exactly the one the methodology assumes: the panel is
skewed only on age × gender (the raking margins), the population is the product
of those margins, and the outcomes are linear in the observed pillar scores.
Recovery tests on it cannot tell a good method from a crude one. The harder
world breaks each assumption, and every ingredient is one knob of
:class:`Realism` (0 = off) so its effect can be measured alone:

- ``latent_selection``: panel propensity ∝ exp(s · trait) for a respondent's
  latent satisfaction trait t ~ N(0, 1) in the population (so t ~ N(s, 1) in the
  panel; s < 0 recruits the dissatisfied). The weights never see t: raking
  corrects the demographic part of the bias, not this part.
- ``trait_effect``: what the trait adds to every pillar of every brand a
  respondent rates (and hence to the outcomes): a respondent effect that clusters
  the several brands one person rates, on top of the default halo.
- ``region_skew`` / ``region_effect``: a region dimension (:data:`REGIONS`) not
  among the raking margins; the panel over-recruits cities (skew) and regions
  rate differently (effect, per pillar level).
- ``interaction``: the population's age × gender joint is not the product of the
  margins (more women among the old); the published margins are unchanged.
- ``measurement_error``: per evaluation × pillar error shared by the pillar's
  statements (it does not average out over statements). Outcomes in the harder
  world are driven by the latent experience, not by the observed scores, so the
  scores are error-laden measures of the drivers.
- ``nonlinearity``: diminishing returns, driver x → x − k·x·|x|/2 (centred).
- ``omitted_driver``: sd (in outcome points) of a driver the questionnaire does
  not ask (value for money), correlated 0.5 with the company's level.
- ``driver_heterogeneity``: the young and the old weigh the pillars differently
  (:data:`DRIVER_TILT`), so importance depends on who is in the sample and an
  over-young panel gets it wrong unless weighted.

Each knob changes what the generator draws only when non-zero, so the default
world keeps its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

#: Region of residence: not a raking margin, not exported.
REGIONS: tuple[str, ...] = ("city", "town", "rural")
#: Population share of each region (the same in every country and wave).
REGION_SHARES: tuple[float, ...] = (0.40, 0.35, 0.25)
#: Panel recruitment factor per region at region_skew = 1 (raised to region_skew).
REGION_RECRUITMENT: tuple[float, ...] = (1.5, 1.0, 0.5)
#: Pillar-level shift per region at region_effect = 1: rural customers rate higher.
REGION_LEVEL: tuple[float, ...] = (-0.2, 0.0, 0.3)
#: Interaction direction per age band (centred on the margins at run time).
AGE_INTERACTION: tuple[float, ...] = (-1.0, -0.6, -0.2, 0.2, 0.6, 1.0)
#: Position of each age band from young (+1) to old (−1), for driver heterogeneity.
AGE_DRIVER_SCORE: tuple[float, ...] = (1.0, 0.6, 0.2, -0.2, -0.6, -1.0)
#: Relative change of each pillar's β (order of model.MODEL_PILLARS) per unit of
#: age score at driver_heterogeneity = 1: the young weigh personalisation and
#: time & effort more, the old integrity and empathy.
DRIVER_TILT: tuple[float, ...] = (0.8, -0.8, 0.0, 0.0, 0.9, -0.9)
#: Correlation of the omitted driver with the (standardised) company level.
OMITTED_DRIVER_CORRELATION = 0.5


@dataclass(frozen=True)
class Realism:
    """Knobs of the harder world; all 0 is the default world (see the module docstring)."""

    latent_selection: float = 0.0
    trait_effect: float = 0.0
    region_skew: float = 0.0
    region_effect: float = 0.0
    interaction: float = 0.0
    measurement_error: float = 0.0
    nonlinearity: float = 0.0
    omitted_driver: float = 0.0
    driver_heterogeneity: float = 0.0

    @property
    def is_default(self) -> bool:
        """True when every knob is off: the generator's original world."""
        return all(getattr(self, knob.name) == 0 for knob in fields(self))

    @property
    def latent_outcomes(self) -> bool:
        """Outcomes driven by latent experience (harder) instead of observed scores."""
        return not self.is_default

    @property
    def has_regions(self) -> bool:
        return self.region_skew != 0 or self.region_effect != 0


DEFAULT = Realism()
#: The harder world of issue 20: every ingredient on at a moderate strength. The
#: panel leans to the dissatisfied (people with a complaint are keener to have their
#: say) and to cities, which rate lower: both biases point the same way as the
#: demographic one (the young rate lower), so raking removes the demographic part
#: (about −0.10 on pillar means) and leaves about −0.09 it cannot see, instead of
#: the two cancelling by accident.
HARDER = Realism(
    latent_selection=-0.15,
    trait_effect=0.4,
    region_skew=1.0,
    region_effect=0.5,
    interaction=0.25,
    measurement_error=0.5,
    nonlinearity=0.08,
    omitted_driver=0.8,
    driver_heterogeneity=1.1,
)
#: The harder world without selection the weights cannot see (no latent selection,
#: cities not over-recruited); every other ingredient stays on. A correct method
#: recovers this world within its stated precision; the recovery tests hold the
#: methodology to that, and the full harder world shows what is left beyond it.
OBSERVABLE = replace(HARDER, latent_selection=0.0, region_skew=0.0)
PRESETS: dict[str, Realism] = {"default": DEFAULT, "harder": HARDER, "observable": OBSERVABLE}


def resolve_realism(realism: str | Realism) -> Realism:
    """A preset name ("default", "harder") or a Realism as given."""
    if isinstance(realism, Realism):
        return realism
    try:
        return PRESETS[realism.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown world {realism!r} (supported: {', '.join(PRESETS)})") from None


def joint_population(age: np.ndarray, gender: np.ndarray, realism: Realism) -> np.ndarray:
    """Population share per (age band × 2 + gender) × region.

    p(a, g) = age_a · gender_g · (1 + λ · u_a · v_g), with u centred on the age
    margin and v = (male share, −female share): both sums vanish, so the joint
    keeps the published margins exactly while having an interaction. Region is
    independent of age and gender.
    """
    u = np.asarray(AGE_INTERACTION) - float(np.dot(age, AGE_INTERACTION))
    v = np.array([gender[1], -gender[0]])
    cells = (np.outer(age, gender) * (1.0 + realism.interaction * np.outer(u, v))).ravel()
    regions = np.asarray(REGION_SHARES) if realism.has_regions else np.array([1.0])
    return np.outer(cells, regions)


def recruitment(sample_skew: np.ndarray, realism: Realism) -> np.ndarray:
    """Panel recruitment factor per cell × region (demographic skew × region skew)."""
    if not realism.has_regions:
        return sample_skew[:, None]
    return np.outer(sample_skew, np.asarray(REGION_RECRUITMENT) ** realism.region_skew)


def region_levels(realism: Realism) -> np.ndarray:
    """Pillar-level shift per region (all 0 without regions)."""
    if not realism.has_regions:
        return np.zeros(1)
    return np.asarray(REGION_LEVEL) * realism.region_effect
