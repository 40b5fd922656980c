"""The harder world (issue 20): each ingredient does what it claims, and the default stays put."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from cxbench.generator import generate_world, harder
from cxbench.generator.countries import resolve_countries
from cxbench.generator.realism import (
    DEFAULT,
    HARDER,
    Realism,
    joint_population,
    resolve_realism,
)
from cxbench.generator.truth import true_pillar_means
from cxbench.generator.truth_waves import population_draw
from cxbench.generator.world import build_world

WAVES = (2024, 2025)


def test_presets_resolve_and_only_the_default_is_default() -> None:
    assert resolve_realism("default") is DEFAULT and DEFAULT.is_default
    assert resolve_realism(" Harder ") is HARDER and not HARDER.is_default
    assert not Realism(nonlinearity=0.1).is_default
    with pytest.raises(ValueError, match="unknown world"):
        resolve_realism("easy")


def test_the_interacted_population_keeps_the_margins_but_is_not_their_product() -> None:
    age = np.array([0.11, 0.16, 0.15, 0.16, 0.17, 0.25])
    gender = np.array([0.505, 0.495])
    joint = joint_population(age, gender, Realism(interaction=0.25)).reshape(6, 2)
    assert joint.sum(axis=1) == pytest.approx(age)
    assert joint.sum(axis=0) == pytest.approx(gender)
    assert (joint > 0).all()
    product = np.outer(age, gender)
    assert np.abs(joint - product).max() > 0.004  # more old women, fewer young ones
    assert joint[5, 0] > product[5, 0] and joint[0, 0] < product[0, 0]
    assert joint_population(age, gender, DEFAULT).ravel() == pytest.approx(product.ravel())


def _panel_and_population(realism: Realism, size: int = 60_000) -> tuple:
    world = build_world(3, resolve_countries(["NL"]), [2024], realism)
    country = world.countries["NL"]
    operating = np.flatnonzero(country.active[2024])
    margins = country.margins[2024]
    common = (
        country.levels[2024][operating],
        country.channel_mix()[operating],
    )
    weights = country.companies.share[operating]
    panel = harder.simulate(
        *common,
        harder.panel_joint(margins.age, margins.gender, realism),
        weights,
        world.statement_offsets,
        country.outcomes,
        realism,
        size,
        np.random.default_rng(1),
        panel=True,
    )
    population = harder.simulate(
        *common,
        country.population_joint(2024),
        weights,
        world.statement_offsets,
        country.outcomes,
        realism,
        size,
        np.random.default_rng(2),
        panel=False,
    )
    return panel, population


def _gap_within_strata(panel: harder.HarderDraw, population: harder.HarderDraw) -> np.ndarray:
    """Panel minus population mean pillar score within each cell × region with data."""
    gaps = []
    for draw in (panel, population):
        people = draw.people
        stratum = people.panel.cell.astype(int) * 3 + people.region
        score = np.nanmean(draw.draw.pillar_scores, axis=1)
        gaps.append(
            np.array([np.nanmean(score[stratum == s]) for s in range(36) if (stratum == s).any()])
        )
    return gaps[0] - gaps[1]


def test_panel_selection_depends_on_the_latent_trait_within_every_weighting_cell() -> None:
    """With selection on the trait the panel rates higher inside every age × gender × region
    stratum, so no weighting on those variables can remove the bias; without it, not."""
    knobs = Realism(latent_selection=0.5, trait_effect=0.5, region_skew=1.0)
    panel, population = _panel_and_population(knobs)
    assert panel.people.trait.mean() == pytest.approx(0.5, abs=0.03)
    assert population.people.trait.mean() == pytest.approx(0.0, abs=0.03)
    gap = _gap_within_strata(panel, population)
    assert np.median(gap) == pytest.approx(0.25, abs=0.08)  # selection × trait effect
    assert (gap > 0).mean() > 0.8
    unselected = replace(knobs, latent_selection=0.0)
    gap_without = _gap_within_strata(*_panel_and_population(unselected))
    assert abs(np.median(gap_without)) < 0.06


def test_the_panel_over_recruits_cities_which_no_margin_sees() -> None:
    panel, population = _panel_and_population(Realism(region_skew=1.0, region_effect=1.0))
    city_panel = (panel.people.region == 0).mean()
    city_population = (population.people.region == 0).mean()
    assert city_population == pytest.approx(0.40, abs=0.01)
    assert city_panel > city_population + 0.08


def test_harder_pillar_truth_is_the_mean_of_a_population_draw() -> None:
    """The closed-form truth (joint, regions, trait and measurement error mixed in)
    agrees with simulating that population for one company."""
    world = build_world(4, resolve_countries(["NL"]), [2024], HARDER)
    country = world.countries["NL"]
    truth = true_pillar_means(country, 2024, world.statement_offsets)
    operating = np.flatnonzero(country.active[2024])
    for position in (0, operating.size // 2):
        only = np.zeros(operating.size)
        only[position] = 1.0
        scores, _ = population_draw(
            world, "NL", 2024, 40_000, np.random.default_rng(position), brand_weights=only
        )
        simulated = np.nanmean(scores, axis=0)
        error = np.nanstd(scores, axis=0) / np.sqrt(scores.shape[0])
        assert np.abs(simulated - truth[operating[position]]).max() < 4 * error.max()


def test_harder_outcomes_leave_r2_below_the_latent_target() -> None:
    """Measurement error and the omitted driver: observed scores explain less than the
    0.62–0.68 the latent model was calibrated to, the default world's outcomes do not."""
    from cxbench.generator.truth_waves import wave_importance

    r2 = {}
    for name, realism in (("default", DEFAULT), ("harder", HARDER)):
        world = build_world(6, resolve_countries(["NL"]), [2024], realism)
        r2[name] = wave_importance(world, "NL", 2024, size=60_000)[1]
    assert (r2["default"] > 0.58).all()
    assert (r2["harder"] < r2["default"] - 0.05).all()


def test_each_knob_draws_only_its_own_randomness(tmp_path: Path) -> None:
    """An interaction-only world publishes the same margins and companies as the default
    world of that seed; only who answers changes."""
    kwargs = {"evaluations": 1_000, "waves": [2024], "countries": ["NL"], "seed": 7, "workers": 1}
    generate_world(tmp_path / "default", **kwargs)
    generate_world(tmp_path / "mixed", realism=Realism(interaction=0.25), **kwargs)
    for same in ("industry/margins.csv", "industry/companies.csv"):
        assert (tmp_path / "default" / same).read_bytes() == (
            tmp_path / "mixed" / same
        ).read_bytes()
    survey = "survey/cx_NL_2024.csv"
    assert (tmp_path / "default" / survey).read_bytes() != (
        tmp_path / "mixed" / survey
    ).read_bytes()


def test_the_harder_world_rates_the_same_companies_at_the_same_levels() -> None:
    """Only how people are recruited, measured and answer changes: companies, true
    levels and who operates come from the same named streams as the default world."""
    plain = build_world(8, resolve_countries(["GB"]), list(WAVES))
    hard = build_world(8, resolve_countries(["GB"]), list(WAVES), HARDER)
    for wave in WAVES:
        assert np.array_equal(plain.countries["GB"].levels[wave], hard.countries["GB"].levels[wave])
        assert np.array_equal(plain.countries["GB"].active[wave], hard.countries["GB"].active[wave])
    assert not np.array_equal(
        plain.countries["GB"].outcomes.noise_sd, hard.countries["GB"].outcomes.noise_sd
    )


def test_driver_heterogeneity_tilts_the_young_towards_time_and_the_old_towards_integrity() -> None:
    beta = np.array([[0.48, 0.42, 0.14, 0.17, 0.08, 0.14]])
    betas = harder.age_betas(beta, Realism(driver_heterogeneity=1.1))[:, 0, :]
    assert (betas > 0).all()  # every pillar still drives the outcome in every band
    assert betas.mean(axis=0) == pytest.approx(beta[0])  # symmetric around the base β
    young, old = betas[0], betas[-1]
    assert young[0] > old[0] and young[4] > old[4]  # personalisation, time & effort
    assert young[1] < old[1] and young[5] < old[5]  # integrity, empathy
    assert np.array_equal(harder.age_betas(beta, DEFAULT)[:, 0, :], np.repeat(beta, 6, axis=0))


def test_the_harder_world_is_deterministic_with_or_without_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxbench.generator import truth_waves

    monkeypatch.setattr(truth_waves, "WAVE_IMPORTANCE_SAMPLE", 20_000)
    monkeypatch.setattr(truth_waves, "OUTCOME_TRUTH_SAMPLE", 500)
    kwargs = {"evaluations": 2_000, "waves": [2024], "countries": ["NO"], "seed": 3}
    generate_world(tmp_path / "one", workers=1, realism="harder", **kwargs)
    generate_world(tmp_path / "two", workers=2, realism="harder", **kwargs)
    one, two = (sorted((tmp_path / name).rglob("*")) for name in ("one", "two"))
    assert [p.relative_to(tmp_path / "one") for p in one] == [
        p.relative_to(tmp_path / "two") for p in two
    ]
    for first, second in zip(one, two, strict=True):
        if first.is_file():
            assert first.read_bytes() == second.read_bytes(), first.name
    manifest = (tmp_path / "one" / "manifest.json").read_text(encoding="utf-8")
    assert '"realism"' in manifest and '"wave_truth": true' in manifest
