"""Ground truth: Johnson's relative weights, exact company means, R² and the long tail."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cxbench.generator import generate_world
from cxbench.generator.countries import resolve_countries
from cxbench.generator.export import statement_columns
from cxbench.generator.model import AGE_BANDS, AGE_RANGES, DONT_KNOW_CODE
from cxbench.generator.run import split_evaluations
from cxbench.generator.survey import survey_batches
from cxbench.generator.truth import expected_rounded_clipped, true_pillar_means
from cxbench.generator.world import build_world
from cxcore.catalogue import pillars, statements_of
from cxcore.stats import relative_weights, relative_weights_from_correlations

PILLARS = [pillar.pillar_id for pillar in pillars()]


def test_uncorrelated_predictors_get_their_squared_standardized_coefficients() -> None:
    # x1, x2 and the residual x1*x2 are exactly orthogonal: y = 3 x1 + x2 + x1 x2
    x1 = np.array([1.0, 1.0, -1.0, -1.0] * 5)
    x2 = np.array([1.0, -1.0, 1.0, -1.0] * 5)
    y = 3 * x1 + x2 + x1 * x2
    weights = relative_weights(np.column_stack([x1, x2]), y)
    assert weights == pytest.approx([9 / 11, 1 / 11])
    assert weights.sum() == pytest.approx(10 / 11)  # R² of y on x1, x2


def test_twin_predictors_share_the_r_squared_equally() -> None:
    weights = relative_weights_from_correlations(
        np.array([[1.0, 0.5], [0.5, 1.0]]), np.array([0.5, 0.5])
    )
    assert weights == pytest.approx([1 / 6, 1 / 6])  # R² = rᵀ R⁻¹ r = 1/3


def test_relative_weights_sum_to_the_ols_r_squared_on_correlated_data() -> None:
    rng = np.random.default_rng(0)
    common = rng.normal(size=(5_000, 1))
    x = common + rng.normal(size=(5_000, 4))
    y = x @ np.array([1.0, 0.5, 0.0, -0.3]) + rng.normal(scale=2.0, size=5_000)
    design = np.column_stack([np.ones(len(y)), x])
    residual = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    weights = relative_weights(x, y)
    assert weights.sum() == pytest.approx(1 - residual.var() / y.var())
    assert (weights >= 0).all() and weights.argmax() == 0


def test_expected_value_of_a_rounded_clipped_normal_matches_simulation() -> None:
    rng = np.random.default_rng(1)
    means = np.array([-1.0, 1.3, 5.5, 7.25, 9.7, 12.0])
    draws = np.clip(np.rint(means + 1.4 * rng.standard_normal((400_000, means.size))), 1, 10)
    assert expected_rounded_clipped(means, 1.4) == pytest.approx(draws.mean(axis=0), abs=0.01)


@pytest.fixture(scope="module")
def germany(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("germany")
    generate_world(out, 150_000, [2024], ["DE"], seed=8)
    return out


@pytest.fixture(scope="module")
def scored(germany: Path) -> pd.DataFrame:
    """The German export with age band and observed pillar scores added."""
    frame = pd.read_parquet(germany / "survey" / "cx_DE_2024.parquet")
    bounds = [low for low, _ in AGE_RANGES[1:]]
    frame["age_band"] = np.asarray(AGE_BANDS)[np.searchsorted(bounds, frame["age"], "right")]
    columns = statement_columns()
    for pillar in PILLARS:
        answers = frame[[columns[s] for s in statements_of(pillar)]]
        frame[pillar] = answers.where(answers != DONT_KNOW_CODE).mean(axis=1)
    return frame


def test_true_means_match_post_stratified_sample_means_for_large_companies(
    germany: Path, scored: pd.DataFrame
) -> None:
    margins = pd.read_csv(germany / "industry" / "margins.csv").set_index(
        ["dimension", "category"]
    )["share"]
    truth = pd.read_csv(germany / "truth" / "company_pillar_means.csv").set_index(
        ["brand_id", "pillar_id"]
    )["true_mean"]
    counts = scored["brand_code"].value_counts()
    large = counts[counts >= 2_000].index
    assert len(large) >= 5
    z_scores, raw_gaps = [], []
    for brand in large:
        company = scored[scored["brand_code"] == brand]
        for pillar in PILLARS:
            cells = company.groupby(["age_band", "gender"])[pillar].agg(["mean", "var", "count"])
            weight = np.array(
                [margins["age_band", a] * margins["gender", g] for a, g in cells.index]
            )
            estimate = float((weight * cells["mean"]).sum())
            error = float(np.sqrt((weight**2 * cells["var"] / cells["count"]).sum()))
            z_scores.append((estimate - truth[brand, pillar]) / error)
            raw_gaps.append(company[pillar].mean() - truth[brand, pillar])
    assert np.mean(np.abs(z_scores) < 4) >= 0.95
    assert abs(np.mean(z_scores)) < 1.0
    # the panel is too young and older people rate higher: unweighted means are too low
    assert np.mean(raw_gaps) < -0.05


def test_r_squared_of_the_outcomes_on_the_sample_is_realistic(
    germany: Path, scored: pd.DataFrame
) -> None:
    complete = scored.dropna(subset=PILLARS)
    design = np.column_stack([np.ones(len(complete)), complete[PILLARS].to_numpy()])
    truth = pd.read_csv(germany / "truth" / "r2.csv").set_index("outcome")["r2"]
    for outcome, column in (("nps", "recommend"), ("loyalty", "stay")):
        y = complete[column].to_numpy(dtype=float)
        residual = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
        r2 = 1 - residual.var() / y.var()
        assert 0.55 < r2 < 0.75, outcome
        assert 0.55 < truth[outcome] < 0.75


def test_true_importance_shares_sum_to_one_and_favour_personalisation_and_integrity(
    germany: Path,
) -> None:
    weights = pd.read_csv(germany / "truth" / "pillar_importance.csv")
    r2 = pd.read_csv(germany / "truth" / "r2.csv").set_index(["country", "outcome"])["r2"]
    for (country, outcome), group in weights.groupby(["country", "outcome"]):
        assert sorted(group["pillar_id"]) == sorted(PILLARS)
        assert group["share"].sum() == pytest.approx(1.0)
        assert group["raw_weight"].sum() == pytest.approx(r2[country, outcome])
        top = set(group.nlargest(2, "share")["pillar_id"])
        assert top == {"personalisation", "integrity"}, (country, outcome)
        assert group["share"].min() > 0.05  # correlated pillars: nobody gets nothing


def test_companies_move_a_little_between_waves_and_a_few_move_a_lot() -> None:
    world = build_world(4, resolve_countries(["NL", "PL", "GB"]), [2024, 2025])
    changes = []
    for country in world.countries.values():
        before = true_pillar_means(country, 2024, world.statement_offsets).mean(axis=1)
        after = true_pillar_means(country, 2025, world.statement_offsets).mean(axis=1)
        changes.append(np.abs(after - before))
    change = np.concatenate(changes)
    assert np.median(change) < 0.15
    assert (change > 0.5).sum() >= 3


def test_long_tail_of_evaluations_per_company_at_the_default_size() -> None:
    countries = resolve_countries(["NL", "NO", "PL", "GB", "DE"])
    world = build_world(42, countries, [2024, 2025])
    counts = []
    for (code, wave), size in split_evaluations(200_000, countries, [2024, 2025]).items():
        for rows, _ in survey_batches(world, code, wave, size):
            brands = rows.column("brand_code").to_pandas()
            counts.append(brands.value_counts())
    per_company = pd.concat(counts)
    assert (per_company < 100).sum() >= 50
    assert (per_company > 1_000).sum() >= 5
