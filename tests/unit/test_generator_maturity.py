"""The maturity generator: what it plants is what its truth says, and answers look real."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.compute as pc

from cxbench.generator import maturity
from cxbench.generator.countries import resolve_countries
from cxbench.generator.world import build_world


def _tables(tmp_path: Path, seed: int = 5) -> dict:
    world = build_world(seed, resolve_countries(["NL", "NO"]), (2024, 2025))
    return maturity.maturity_tables(world, tmp_path)


def test_planted_overall_correlation_matches_the_latent_model() -> None:
    """Simulate the documented model directly and compare with the closed form."""
    rng = np.random.default_rng(0)
    loadings = np.array([loading for _, loading, _ in maturity.ITEMS.values()])
    z = rng.standard_normal(200_000)
    latent = maturity.RHO * z + np.sqrt(1 - maturity.RHO**2) * rng.standard_normal(z.size)
    unique = rng.standard_normal((z.size, loadings.size))
    items = latent[:, None] * loadings + np.sqrt(1 - loadings**2) * unique
    planted = maturity.planted_correlations()
    overall = np.corrcoef(items.mean(axis=1), z)[0, 1]
    assert abs(overall - planted["overall"]) < 0.01
    first = np.corrcoef(items[:, 0], z)[0, 1]
    assert abs(first - planted["mgmt_strategy"]) < 0.01


def test_assessments_have_several_managers_and_answers_on_the_scale(tmp_path: Path) -> None:
    tables = _tables(tmp_path)
    answers = tables[maturity.FILE]
    per_organisation = answers.group_by(["organisation", "year"]).aggregate(
        [("manager_email", "count_distinct")]
    )
    counts = per_organisation["manager_email_count_distinct"].to_pylist()
    assert min(counts) >= maturity.MANAGERS[0] and max(counts) <= maturity.MANAGERS[1]
    for source, _, _ in maturity.ITEMS.values():
        values = set(answers[source].to_pylist())
        assert values <= {1, 2, 3, 4, 5, maturity.DONT_KNOW}
    assert (tmp_path / maturity.MAPPING).is_file()


def test_truth_records_planted_and_realised_links_per_wave(tmp_path: Path) -> None:
    tables = _tables(tmp_path)
    links = tables["truth/maturity_link.csv"].to_pandas()
    assert set(links["wave"]) == {2024, 2025}
    overall = links[links["item_id"] == "overall"]
    planted = maturity.planted_correlations()["overall"]
    assert np.allclose(overall["planted_correlation"], planted)
    # the draw realises the planted strength up to sampling error over its organisations
    n = overall["n_organisations"].min()
    assert (
        abs(overall["realised_correlation"] - planted) < 4 * (1 - planted**2) / np.sqrt(n)
    ).all()
    scores = tables["truth/maturity_scores.csv"]
    assessed = pc.count_distinct(scores["brand_id"]).as_py()
    organisations = tables[maturity.FILE]["organisation"]
    assert assessed == pc.count_distinct(organisations).as_py()


def test_same_seed_same_assessments(tmp_path: Path) -> None:
    first = _tables(tmp_path / "a")[maturity.FILE]
    second = _tables(tmp_path / "b")[maturity.FILE]
    assert first.equals(second)
