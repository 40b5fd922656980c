"""`dbt build` on the hand-made raw fixture: the marts match an independent pandas recomputation.

The recomputation shares nothing with the warehouse but the methodology: its own
raking (plain iterative proportional fitting on a pandas cell table), weighted
statistics from the evaluation rows (two-pass, not running sums), weighted
correlations from numpy, Johnson's relative weights from its own eigen-
decomposition, and pandas ranks. Company pillar scores, importance, the CX index
and ranks must agree to 1e-9.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from statistics import NormalDist

import duckdb
import numpy as np
import pandas as pd
import pytest
import yaml

from cxbench.catalogue import pillars, statements_of
from cxbench.sql.core_script import compare_core_numbers, run_core_script
from tests.fixtures.make_raw_fixture import create_raw_fixture

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DBT_VARS = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text())["vars"]
Z_CRITICAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
TOLERANCE = 1e-9
PILLAR_IDS = [pillar.pillar_id for pillar in pillars()]
AGE_BANDS = [(18, 24, "18-24"), (25, 34, "25-34"), (35, 44, "35-44"), (45, 54, "45-54"),
             (55, 64, "55-64"), (65, 200, "65+")]  # fmt: skip

#: docs/data-contracts.md §4, written out here so the test checks the contract, not the YAML
# fmt: off
MART_COLUMNS = {
    "dim_pillar": [
        "pillar_id", "sort_order", "pillar_group", "label_en", "label_nl", "label_no", "label_pl",
    ],
    "dim_company": [
        "company_id", "company_name", "parent_name", "sector_code", "sector_name", "country",
        "revenue", "employees",
    ],
    "dim_sector": ["sector_code", "sector_name", "nace_division", "n_companies"],
    "dim_country": [
        "country", "country_name", "language", "n_companies", "n_waves", "first_wave",
        "latest_wave",
    ],
    "dim_wave": [
        "wave", "previous_wave", "n_countries", "n_companies", "n_evaluations", "is_latest_wave",
    ],
    "dim_methodology": ["parameter_name", "parameter_value", "description", "methodology_version"],
    "fct_company_pillar_scores": [
        "company_id", "country", "wave", "pillar_id", "n_evaluations", "mean_score",
        "stddev_score", "std_error", "ci_low", "ci_high", "unweighted_mean_score", "effective_n",
        "design_effect", "is_eligible", "confidence_level", "methodology_version",
    ],
    "fct_company_scores": [
        "company_id", "country", "wave", "sector_code", "n_evaluations", "effective_n",
        "design_effect", "cx_index", "cee_method", "nps_score", "nps_ci_low", "nps_ci_high",
        "n_nps_responses", "csat_top2_box_pct", "n_csat_responses", "ces_top3_box_pct",
        "n_ces_responses", "is_eligible", "rank_in_country", "rank_in_sector",
        "is_sector_leader", "previous_wave", "previous_cx_index", "cx_index_change",
        "previous_rank_in_country", "rank_in_country_change", "is_mover_comparable", "min_base",
        "methodology_version",
    ],
    "fct_pillar_importance": [
        "country", "wave", "pillar_id", "importance", "importance_rank", "nps_raw_weight",
        "nps_share", "loyalty_raw_weight", "loyalty_share", "nps_r2", "loyalty_r2",
        "n_complete_cases", "effective_n", "is_estimated", "estimation_note",
        "importance_method", "methodology_version",
    ],
    "fct_leader_gaps": [
        "company_id", "country", "wave", "sector_code", "pillar_id", "leader_company_id",
        "mean_score", "leader_mean_score", "gap_to_leader", "gap_std_error", "gap_z_score",
        "importance", "priority", "priority_rank", "is_leader", "is_eligible",
        "is_gap_significant", "confidence_level", "methodology_version",
    ],
    "fct_channel_scores": [
        "company_id", "country", "wave", "channel", "pillar_id", "n_evaluations", "mean_score",
        "std_error", "ci_low", "ci_high", "effective_n", "n_reportable_channels",
        "channel_spread", "is_reportable", "is_eligible", "min_channel_base",
        "methodology_version",
    ],
    "fct_sector_scores": [
        "sector_code", "country", "wave", "n_companies", "n_eligible_companies", "n_evaluations",
        "top_company_share", "avg_cx_index", "revenue_weighted_cx_index", "avg_nps_score",
        "is_suppressed", "suppression_reason", "min_aggregate_companies", "max_company_share",
        "methodology_version",
    ],
    "fct_sector_pillar_scores": [
        "sector_code", "country", "wave", "pillar_id", "n_companies_scored", "avg_score",
        "revenue_weighted_score", "std_error", "ci_low", "ci_high", "is_suppressed",
        "suppression_reason", "methodology_version",
    ],
    "fct_country_scores": [
        "country", "wave", "n_companies", "n_eligible_companies", "n_evaluations",
        "n_eligible_evaluations", "effective_n", "design_effect", "min_weight", "max_weight",
        "n_unraked_evaluations", "is_raking_converged", "top_company_share", "avg_cx_index",
        "revenue_weighted_cx_index", "avg_nps_score", "is_suppressed", "suppression_reason",
        "min_aggregate_companies", "max_company_share", "methodology_version",
    ],
    "fct_country_pillar_scores": [
        "country", "wave", "pillar_id", "n_companies_scored", "avg_score",
        "revenue_weighted_score", "std_error", "ci_low", "ci_high", "is_suppressed",
        "suppression_reason", "methodology_version",
    ],
    "fct_maturity": [
        "company_id", "country", "sector_code", "wave", "item_group", "item_id", "sort_order",
        "n_respondents", "score", "score_sd", "score_std_error", "is_reportable", "assessed_on",
        "methodology_version",
    ],
    "dim_maturity_item": [
        "item_id", "item_group", "sort_order", "label_en", "label_nl", "label_no", "label_pl",
    ],
    "fct_maturity_stages": [
        "company_id", "country", "sector_code", "wave", "n_respondents", "n_items_scored",
        "overall_score", "management_score", "steps_score", "maturity_stage", "stage_item_id",
        "next_step_item_id", "step_threshold", "is_reportable", "methodology_version",
    ],
    "fct_maturity_outcome_links": [
        "wave", "item_group", "item_id", "sort_order", "outcome_group", "outcome_id",
        "n_companies", "correlation", "correlation_ci_low", "correlation_ci_high", "slope",
        "slope_std_error", "slope_ci_low", "slope_ci_high", "is_estimable", "is_significant",
        "confidence_level", "methodology_version",
    ],
    "fct_maturity_priorities": [
        "company_id", "country", "sector_code", "wave", "item_group", "item_id", "sort_order",
        "n_respondents", "score", "sector_avg_score", "n_sector_companies", "is_sector_suppressed",
        "leader_company_id", "leader_score", "gap_to_leader", "cee_correlation",
        "is_link_significant", "priority", "priority_rank", "methodology_version",
    ],
}
# fmt: on
PILLAR_KEYS = ["company_id", "country", "wave", "pillar_id"]
COMPANY_KEYS = ["company_id", "country", "wave"]


def run_dbt(root: Path, db_path: Path, *command: str) -> None:
    env = {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    dbt = Path(sys.executable).with_name("dbt")
    arguments = [str(dbt), *command, "--project-dir", str(DBT_PROJECT_DIR),
                 "--profiles-dir", str(DBT_PROJECT_DIR)]  # fmt: skip
    completed = subprocess.run(
        arguments, env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Raw fixture → `dbt build` (seeds, models, data and unit tests) in a scratch folder."""
    root = tmp_path_factory.mktemp("dbt_build")
    db_path = root / "cxbench.duckdb"
    create_raw_fixture(db_path)
    run_dbt(root, db_path, "build")
    return db_path


def read_sql(db_path: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.sql(sql).df()


# --- the independent recomputation ---------------------------------------------------------


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
    """One row per evaluation with its six pillar scores and raking weight."""
    raw = read_sql(db_path, "select * from raw.survey_evaluations")
    raw = raw.rename(columns={"brand_id": "company_id"})
    for pillar_id in PILLAR_IDS:
        answers = raw[statements_of(pillar_id)]
        enough = answers.notna().sum(axis=1) >= DBT_VARS["min_answered_share"] * answers.shape[1]
        raw[pillar_id] = answers.mean(axis=1).where(enough)
    raw["age_band"] = raw["age"].map(age_band)
    margins = read_sql(db_path, "select * from raw.population_margins")
    cells = raw.groupby(["country", "wave", "age_band", "gender"]).size().rename("n")
    cells = cells.reset_index()
    cells["weight"] = np.nan
    for (country, wave), group in cells.groupby(["country", "wave"]):
        in_wave = margins[(margins["country"] == country) & (margins["wave"] == wave)]
        cells.loc[group.index, "weight"] = rake(group, in_wave)
    assert cells["weight"].between(DBT_VARS["weight_trim_min"], DBT_VARS["weight_trim_max"]).all()
    return raw.merge(cells.drop(columns="n"), on=["country", "wave", "age_band", "gender"])


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


def test_every_mart_has_exactly_its_contract_columns(warehouse: Path) -> None:
    for mart, columns in MART_COLUMNS.items():
        described = read_sql(warehouse, f"describe marts.{mart}")
        assert described["column_name"].tolist() == columns, mart


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


def test_unanswered_resolution_statements_lower_the_pillar_n(warehouse: Path) -> None:
    scores = read_sql(
        warehouse,
        "select company_id, pillar_id, n_evaluations from marts.fct_company_pillar_scores",
    ).set_index(["company_id", "pillar_id"])["n_evaluations"]
    # every tenth alpha evaluation (11 of 110) answers one resolution statement at most
    assert scores[("nl_retail_alpha", "resolution")] <= 110 - 11
    assert scores[("nl_retail_alpha", "integrity")] > scores[("nl_retail_alpha", "resolution")]


def test_company_one_short_of_min_base_is_unranked_despite_best_index(warehouse: Path) -> None:
    scores = read_sql(warehouse, "select * from marts.fct_company_scores").set_index("company_id")
    corner, bravo = scores.loc["nl_retail_corner"], scores.loc["nl_retail_bravo"]
    assert corner["n_evaluations"] == 99
    assert not corner["is_eligible"]
    assert corner["cx_index"] == scores["cx_index"].max()
    assert pd.isna(corner["rank_in_country"]) and pd.isna(corner["rank_in_sector"])
    assert not corner["is_sector_leader"]
    assert bravo["n_evaluations"] == 100
    assert bravo["is_eligible"]
    assert pd.notna(bravo["rank_in_country"])


def test_small_aggregates_are_suppressed_with_their_reason(warehouse: Path) -> None:
    country = read_sql(warehouse, "select * from marts.fct_country_scores").iloc[0]
    # three eligible companies; alpha holds 110 of their 315 evaluations
    assert country["is_suppressed"] and pd.isna(country["avg_cx_index"])
    assert country["suppression_reason"] == (
        "fewer than 5 eligible companies (n=3); one company holds 35% of evaluations"
    )
    sectors = read_sql(warehouse, "select * from marts.fct_sector_scores")
    assert sectors["is_suppressed"].all() and sectors["suppression_reason"].notna().all()
    pillars_rows = read_sql(warehouse, "select * from marts.fct_sector_pillar_scores")
    assert len(pillars_rows) == 2 * 6 and pillars_rows["avg_score"].isna().all()


def test_raking_weights_average_one_and_match_the_margins(warehouse: Path) -> None:
    cells = read_sql(warehouse, "select * from intermediate.int_sample_cells_raked")
    assert cells["is_raked"].all() and cells["raking_converged"].all()
    mean_weight = (cells["n_evaluations"] * cells["weight"]).sum() / cells["n_evaluations"].sum()
    assert mean_weight == pytest.approx(1.0, abs=1e-12)
    margins = read_sql(warehouse, "select * from raw.population_margins")
    for dimension in ("age_band", "gender"):
        weighted = (cells["n_evaluations"] * cells["weight"]).groupby(cells[dimension]).sum()
        target = margins[margins["dimension"] == dimension].set_index("category")["share"]
        shares = (weighted / weighted.sum()).reindex(target.index)
        np.testing.assert_allclose(shares, target / target.sum(), atol=1e-10)


def test_maturity_assessments_become_one_row_per_assessed_item(warehouse: Path) -> None:
    maturity = read_sql(warehouse, "select * from marts.fct_maturity")
    counts = maturity.groupby("company_id").size().to_dict()
    # alpha and delta assessed all 13 items; bravo 5 of them
    assert counts == {"nl_retail_alpha": 13, "nl_bank_delta": 13, "nl_retail_bravo": 5}
    assert set(maturity["item_group"]) == {"management_pillar", "maturity_step"}
    bravo = maturity[maturity["company_id"] == "nl_retail_bravo"].set_index("item_id")["score"]
    assert bravo["customer_understanding"] == 2.5
    assert (maturity["country"] == "NL").all()
    # delta's two managers rated strategy 5 and 3: mean 4, sample sd √2, reportable
    delta = maturity[maturity["company_id"] == "nl_bank_delta"].set_index("item_id")
    assert delta.loc["strategy", ["n_respondents", "score"]].tolist() == [2, 4.0]
    assert delta.loc["strategy", "score_sd"] == pytest.approx(2**0.5)
    assert delta["is_reportable"].all()
    assert not maturity.loc[maturity["company_id"] != "nl_bank_delta", "is_reportable"].any()


def test_maturity_stage_follows_the_ladder_rule(warehouse: Path) -> None:
    stages = read_sql(warehouse, "select * from marts.fct_maturity_stages").set_index("company_id")
    # delta: every step 4 or 5 → all seven reached; alpha: customer-centric 4, personal 3
    assert stages.loc["nl_bank_delta", "maturity_stage"] == 7
    assert pd.isna(stages.loc["nl_bank_delta", "next_step_item_id"])
    assert stages.loc["nl_retail_alpha", ["maturity_stage", "stage_item_id",
                                          "next_step_item_id"]].tolist() == [
        1, "customer_centric", "personal"]  # fmt: skip
    # bravo scored the first step 2 and no other: stage 0, not reportable (5 of 13 items)
    assert stages.loc["nl_retail_bravo", "maturity_stage"] == 0
    assert not stages.loc["nl_retail_bravo", "is_reportable"]
    links = read_sql(warehouse, "select * from marts.fct_maturity_outcome_links")
    assert not links["is_estimable"].any()  # one reportable organisation is no evidence


def test_dimensions_hold_every_pillar_company_and_parameter(warehouse: Path) -> None:
    dim_pillar = read_sql(warehouse, "select * from marts.dim_pillar order by sort_order")
    assert dim_pillar["pillar_id"].tolist() == PILLAR_IDS
    dim_company = read_sql(warehouse, "select * from marts.dim_company").set_index("company_id")
    assert len(dim_company) == 5
    assert dim_company.loc["nl_bank_echo", "sector_name"] == "Banking"
    facts = read_sql(warehouse, "select distinct company_id from marts.fct_company_scores")
    assert "nl_bank_echo" not in set(facts["company_id"])
    parameters = read_sql(warehouse, "select * from marts.dim_methodology")
    parameters = parameters.set_index("parameter_name")["parameter_value"]
    assert parameters["min_base"] == str(DBT_VARS["min_base"])
    assert parameters["cee_weights"] == '"driver"'
    country = read_sql(warehouse, "select * from marts.dim_country").iloc[0]
    assert country["country_name"] == "Netherlands" and country["n_waves"] == 1


def test_docs_generate_and_every_mart_column_is_described(warehouse: Path) -> None:
    root = warehouse.parent
    run_dbt(root, warehouse, "docs", "generate")
    manifest = json.loads((root / "target" / "manifest.json").read_text())
    catalog = json.loads((root / "target" / "catalog.json").read_text())
    marts = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }
    assert set(marts) == set(MART_COLUMNS)
    for name, node in marts.items():
        assert node["config"]["contract"]["enforced"], name
        assert node["description"].strip(), name
        assert list(node["columns"]) == MART_COLUMNS[name], name
        undescribed = [column for column, spec in node["columns"].items()
                       if not spec["description"].strip()]  # fmt: skip
        assert not undescribed, (name, undescribed)
        assert node["unique_id"] in catalog["nodes"], name
    exposure = next(e for e in manifest["exposures"].values() if e["name"] == "cxbench_app")
    assert set(exposure["depends_on"]["nodes"]) == {
        f"model.cxbench.{name}"
        for name in ("dim_company", "dim_pillar", "fct_company_pillar_scores", "fct_company_scores")
    }


def test_benchmark_sql_script_computes_the_same_core_numbers(warehouse: Path) -> None:
    """cxbench/sql/core_numbers.sql (the benchmark's yardstick) agrees with the marts."""
    script_db = warehouse.with_name("core-script.duckdb")
    shutil.copyfile(warehouse, script_db)
    run_core_script(script_db)
    assert compare_core_numbers(warehouse, script_db) < TOLERANCE
