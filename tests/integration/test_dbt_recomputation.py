"""`dbt build` on the hand-made raw fixture: the marts match an independent pandas recomputation.

The recomputation shares nothing with the warehouse but the methodology: its own
raking (plain iterative proportional fitting on a pandas cell table), weighted
statistics from the evaluation rows (two-pass, not running sums), weighted
correlations from numpy, Johnson's relative weights from its own eigen-
decomposition, and pandas ranks. Company pillar scores, importance, the CX index
and ranks must agree to 1e-9 — on the fixture as it is, and on the same fixture
with a provider's design weights, where raking starts from them: a cell counts
as its sum of design weights, an evaluation's weight is its design weight times
its cell's factor, brought to mean 1 per sample.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from cxbench.benchmarks.sql.core_script import compare_core_numbers, run_core_script
from cxcore.catalogue import pillars, statements_of
from tests.fixtures.dbt_warehouse import DBT_VARS, read_sql

pytestmark = pytest.mark.slow

Z_CRITICAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
TOLERANCE = 1e-9
PILLAR_IDS = [pillar.pillar_id for pillar in pillars()]
AGE_BANDS = [(18, 24, "18-24"), (25, 34, "25-34"), (35, 44, "35-44"), (45, 54, "45-54"),
             (55, 64, "55-64"), (65, 200, "65+")]  # fmt: skip

PILLAR_KEYS = ["company_id", "country", "wave", "pillar_id"]
COMPANY_KEYS = ["company_id", "country", "wave"]


def age_band(age: float) -> str | None:
    for low, high, band in AGE_BANDS:
        if low <= age <= high:
            return band
    return None


def rake(cells: pd.DataFrame, margins: pd.DataFrame) -> pd.Series:
    """Plain IPF of one sample's cell table to its age-band and gender margins."""
    weight = pd.Series(1.0, index=cells.index)
    for _ in range(1_000):
        before = weight.copy()
        for dimension in ("age_band", "gender"):
            target = margins[margins["dimension"] == dimension].set_index("category")["share"]
            weighted = (cells["n"] * weight).groupby(cells[dimension]).sum()
            achieved = weighted / weighted.sum()
            weight = weight * cells[dimension].map(target / target.sum() / achieved)
        weight = weight * cells["n"].sum() / (cells["n"] * weight).sum()
        if (weight - before).abs().max() < 1e-15:
            break
    return weight


def johnson_shares(correlation: np.ndarray) -> tuple[np.ndarray, float]:
    """Relative-weight shares of the first k variables for the last one, and R²."""
    r_xx, r_xy = correlation[:-1, :-1], correlation[:-1, -1]
    values, vectors = np.linalg.eigh(r_xx)
    half = vectors @ np.diag(np.sqrt(values)) @ vectors.T
    beta = np.linalg.solve(half, r_xy)
    raw = (half**2) @ (beta**2)
    return raw / raw.sum(), float(raw.sum())


def weighted_evaluations(db_path: Path) -> pd.DataFrame:
    """One row per evaluation with its six pillar scores and final weight."""
    raw = read_sql(db_path, "select * from raw.survey_evaluations")
    raw = raw.rename(columns={"brand_id": "company_id"})
    for pillar_id in PILLAR_IDS:
        answers = raw[statements_of(pillar_id)]
        enough = answers.notna().sum(axis=1) >= DBT_VARS["min_answered_share"] * answers.shape[1]
        raw[pillar_id] = answers.mean(axis=1).where(enough)
    raw["age_band"] = raw["age"].map(age_band)
    margins = read_sql(db_path, "select * from raw.population_margins")
    raw["start"] = raw["design_weight"].fillna(1.0)
    cells = raw.groupby(["country", "wave", "age_band", "gender"])["start"].sum().rename("n")
    cells = cells.reset_index()
    cells["factor"] = np.nan
    for (country, wave), group in cells.groupby(["country", "wave"]):
        in_wave = margins[(margins["country"] == country) & (margins["wave"] == wave)]
        cells.loc[group.index, "factor"] = rake(group, in_wave)
    assert cells["factor"].between(DBT_VARS["weight_trim_min"], DBT_VARS["weight_trim_max"]).all()
    raw = raw.merge(cells.drop(columns="n"), on=["country", "wave", "age_band", "gender"])
    raw["weight"] = raw["start"] * raw["factor"]
    sample = raw.groupby(["country", "wave"])["weight"]
    raw["weight"] = raw["weight"] / sample.transform("mean")
    return raw


def expected_pillar_scores(evaluations: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for keys, group in evaluations.groupby(COMPANY_KEYS):
        for pillar_id in PILLAR_IDS:
            scored = group.dropna(subset=[pillar_id])
            x, w = scored[pillar_id].to_numpy(), scored["weight"].to_numpy()
            mean = np.average(x, weights=w)
            n_eff = w.sum() ** 2 / (w**2).sum()
            variance = (w * (x - mean) ** 2).sum() / w.sum() * n_eff / (n_eff - 1)
            se = np.sqrt(variance / n_eff)
            rows.append((*keys, pillar_id, len(x), mean, se, x.mean(), n_eff, len(group)))
    columns = [*PILLAR_KEYS, "n_evaluations", "mean_score", "std_error",
               "unweighted_mean_score", "effective_n", "company_wave_n"]  # fmt: skip
    expected = pd.DataFrame(rows, columns=columns)
    expected["ci_low"] = expected["mean_score"] - Z_CRITICAL * expected["std_error"]
    expected["ci_high"] = expected["mean_score"] + Z_CRITICAL * expected["std_error"]
    expected["is_eligible"] = expected["company_wave_n"] >= DBT_VARS["min_base"]
    return expected


def expected_importance(evaluations: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (country, wave), group in evaluations.groupby(["country", "wave"]):
        complete = group.dropna(subset=[*PILLAR_IDS, "nps", "loyalty"])
        shares = {}
        for outcome in ("nps", "loyalty"):
            data = complete[[*PILLAR_IDS, outcome]].to_numpy()
            covariance = np.cov(data, rowvar=False, aweights=complete["weight"].to_numpy())
            scale = np.sqrt(np.diag(covariance))
            shares[outcome], _ = johnson_shares(covariance / np.outer(scale, scale))
        for position, pillar_id in enumerate(PILLAR_IDS):
            nps_share, loyalty_share = shares["nps"][position], shares["loyalty"][position]
            importance = (nps_share + loyalty_share) / 2
            rows.append((country, wave, pillar_id, nps_share, loyalty_share, importance))
    columns = ["country", "wave", "pillar_id", "nps_share", "loyalty_share", "importance"]
    return pd.DataFrame(rows, columns=columns)


@pytest.fixture(scope="module", params=["dbt_warehouse", "design_weighted_warehouse"])
def warehouse(request: pytest.FixtureRequest) -> Path:
    """The built fixture without and with a provider's design weights."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def recomputed(warehouse: Path) -> dict[str, pd.DataFrame]:
    evaluations = weighted_evaluations(warehouse)
    pillar_scores = expected_pillar_scores(evaluations)
    importance = expected_importance(evaluations)
    indexed = pillar_scores.merge(importance, on=["country", "wave", "pillar_id"])
    indexed["term"] = indexed["importance"] * (indexed["mean_score"] - 1) / 9 * 10
    companies = indexed.groupby(COMPANY_KEYS).agg(
        cx_index=("term", "sum"), n_evaluations=("company_wave_n", "first")
    )
    companies["is_eligible"] = companies["n_evaluations"] >= DBT_VARS["min_base"]
    sectors = read_sql(warehouse, "select brand_id as company_id, sector_code from raw.companies")
    companies = companies.reset_index().merge(sectors, on="company_id")
    eligible = companies[companies["is_eligible"]]
    companies["rank_in_country"] = eligible.groupby(["country", "wave"])["cx_index"].rank(
        method="min", ascending=False
    )
    companies["rank_in_sector"] = eligible.groupby(["country", "wave", "sector_code"])[
        "cx_index"
    ].rank(method="min", ascending=False)
    return {"pillar_scores": pillar_scores, "importance": importance, "companies": companies}


# --- tests ---------------------------------------------------------------------------------


def test_pillar_scores_equal_independent_weighted_recomputation(
    warehouse: Path, recomputed: dict[str, pd.DataFrame]
) -> None:
    expected = recomputed["pillar_scores"]
    actual = read_sql(warehouse, "select * from marts.fct_company_pillar_scores")
    assert len(actual) == len(expected) == 4 * 6
    merged = actual.merge(expected, on=PILLAR_KEYS, suffixes=("", "_expected"), validate="1:1")
    assert (merged["n_evaluations"] == merged["n_evaluations_expected"]).all()
    assert (merged["is_eligible"] == merged["is_eligible_expected"]).all()
    measures = ["mean_score", "std_error", "ci_low", "ci_high", "unweighted_mean_score",
                "effective_n"]  # fmt: skip
    for column in measures:
        difference = (merged[column] - merged[f"{column}_expected"]).abs()
        assert difference.max() < TOLERANCE, column
    assert (actual["methodology_version"] == DBT_VARS["methodology_version"]).all()
    # the weights matter: weighted and plain means differ on this skewed sample
    assert (actual["mean_score"] - actual["unweighted_mean_score"]).abs().max() > 1e-3


def test_importance_equals_independent_johnson_weights(
    warehouse: Path, recomputed: dict[str, pd.DataFrame]
) -> None:
    actual = read_sql(warehouse, "select * from marts.fct_pillar_importance")
    merged = actual.merge(
        recomputed["importance"], on=["country", "wave", "pillar_id"], suffixes=("", "_expected")
    )
    assert len(merged) == 6 and actual["is_estimated"].all()
    for column in ("nps_share", "loyalty_share", "importance"):
        assert (merged[column] - merged[f"{column}_expected"]).abs().max() < TOLERANCE, column


def test_company_scores_index_ranks_and_leaders(
    warehouse: Path, recomputed: dict[str, pd.DataFrame]
) -> None:
    expected = recomputed["companies"].set_index(COMPANY_KEYS)
    actual = read_sql(warehouse, "select * from marts.fct_company_scores").set_index(COMPANY_KEYS)
    assert sorted(actual.index) == sorted(expected.index)
    expected = expected.reindex(actual.index)
    assert (actual["cx_index"] - expected["cx_index"]).abs().max() < TOLERANCE
    assert (actual["cee_method"] == "driver").all()
    assert (actual["n_evaluations"] == expected["n_evaluations"]).all()
    for column in ("rank_in_country", "rank_in_sector"):
        assert actual[column].fillna(-1).tolist() == expected[column].fillna(-1).tolist(), column
    leaders = set(actual.index.get_level_values("company_id")[actual["is_sector_leader"]])
    assert leaders == set(
        expected.index.get_level_values("company_id")[expected["rank_in_sector"] == 1]
    )


def test_benchmark_sql_script_computes_the_same_core_numbers(dbt_warehouse: Path) -> None:
    """cxbench/benchmarks/sql/core_numbers.sql (the benchmark's yardstick) agrees with the marts."""
    script_db = dbt_warehouse.with_name("core-script.duckdb")
    shutil.copyfile(dbt_warehouse, script_db)
    run_core_script(script_db)
    assert compare_core_numbers(dbt_warehouse, script_db) < TOLERANCE


def test_design_weights_move_the_scores_and_are_recorded_as_the_weight_source(
    dbt_warehouse: Path, design_weighted_warehouse: Path
) -> None:
    """Same answers, other starting weights: other scores; the sample says where it started."""
    sql = (
        "select company_id, pillar_id, mean_score, n_evaluations "
        "from marts.fct_company_pillar_scores"
    )
    plain = read_sql(dbt_warehouse, sql).set_index(["company_id", "pillar_id"])
    weighted = read_sql(design_weighted_warehouse, sql).set_index(["company_id", "pillar_id"])
    weighted = weighted.reindex(plain.index)
    assert (weighted["n_evaluations"] == plain["n_evaluations"]).all()
    assert (weighted["mean_score"] - plain["mean_score"]).abs().max() > 1e-3

    samples = "select * from marts.fct_benchmark_scores where benchmark_level = 'country'"
    for db, source in ((dbt_warehouse, "none"), (design_weighted_warehouse, "design weights")):
        row = read_sql(db, samples).iloc[0]
        assert (row["weight_source"], row["weighting_method"]) == (source, "raked")
    evaluations = weighted_evaluations(design_weighted_warehouse)
    row = read_sql(design_weighted_warehouse, samples).iloc[0]
    w = evaluations["weight"]
    assert row["effective_n"] == pytest.approx(w.sum() ** 2 / (w**2).sum(), rel=1e-12)
    assert row["min_weight"] == pytest.approx(w.min(), rel=1e-12)
    assert row["max_weight"] == pytest.approx(w.max(), rel=1e-12)
