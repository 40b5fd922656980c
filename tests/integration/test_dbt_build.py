"""`dbt build` on the hand-made raw fixture: the marts match a pandas recomputation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from statistics import NormalDist

import duckdb
import pandas as pd
import pytest
import yaml

from cxbench.catalogue import pillars, statements_of
from tests.fixtures.make_raw_fixture import create_raw_fixture

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
DBT_VARS = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text())["vars"]
Z_CRITICAL = NormalDist().inv_cdf(0.5 + DBT_VARS["confidence_level"] / 2)
TOLERANCE = 1e-9

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
    "fct_company_pillar_scores": [
        "company_id", "country", "wave", "pillar_id", "n_evaluations", "mean_score",
        "stddev_score", "std_error", "ci_low", "ci_high", "is_eligible", "methodology_version",
    ],
    "fct_company_scores": [
        "company_id", "country", "wave", "sector_code", "n_evaluations", "cx_index",
        "is_eligible", "rank_in_country", "rank_in_sector", "is_sector_leader",
        "methodology_version",
    ],
}
# fmt: on
PILLAR_KEYS = ["company_id", "country", "wave", "pillar_id"]
COMPANY_KEYS = ["company_id", "country", "wave"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Raw fixture → `dbt build` (seeds, models, data and unit tests) in a scratch folder."""
    root = tmp_path_factory.mktemp("dbt_build")
    db_path = root / "cxbench.duckdb"
    create_raw_fixture(db_path)
    env = {
        **os.environ,
        "CXBENCH_DB": str(db_path),
        "DBT_TARGET_PATH": str(root / "target"),
        "DBT_LOG_PATH": str(root / "logs"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt), "build", "--project-dir", str(DBT_PROJECT_DIR),
               "--profiles-dir", str(DBT_PROJECT_DIR)]  # fmt: skip
    completed = subprocess.run(
        command, env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
    return db_path


def read_sql(db_path: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.sql(sql).df()


def expected_pillar_scores(db_path: Path) -> pd.DataFrame:
    """Recompute fct_company_pillar_scores from raw.survey_evaluations in pandas."""
    raw = read_sql(db_path, "select * from raw.survey_evaluations")
    raw = raw.rename(columns={"brand_id": "company_id"})
    base = raw.groupby(COMPANY_KEYS).size().rename("company_wave_n").reset_index()
    frames = []
    for pillar in pillars():
        statements = raw[statements_of(pillar.pillar_id)]
        enough = statements.notna().sum(axis=1) >= DBT_VARS["min_answered_share"] * len(
            statements.columns
        )
        scored = raw[COMPANY_KEYS].assign(
            pillar_id=pillar.pillar_id, pillar_score=statements.mean(axis=1).where(enough)
        )
        frames.append(scored)
    grouped = pd.concat(frames).groupby(PILLAR_KEYS)["pillar_score"]
    expected = grouped.agg(n_evaluations="count", mean_score="mean", stddev_score="std")
    expected = expected.reset_index().merge(base, on=COMPANY_KEYS)
    expected["std_error"] = expected["stddev_score"] / expected["n_evaluations"].pow(0.5)
    expected["ci_low"] = expected["mean_score"] - Z_CRITICAL * expected["std_error"]
    expected["ci_high"] = expected["mean_score"] + Z_CRITICAL * expected["std_error"]
    expected["is_eligible"] = expected["company_wave_n"] >= DBT_VARS["min_base"]
    return expected


def test_every_mart_has_exactly_its_contract_columns(warehouse: Path) -> None:
    for mart, columns in MART_COLUMNS.items():
        described = read_sql(warehouse, f"describe marts.{mart}")
        assert described["column_name"].tolist() == columns, mart


def test_pillar_scores_equal_pandas_recomputation_from_raw(warehouse: Path) -> None:
    expected = expected_pillar_scores(warehouse)
    actual = read_sql(warehouse, "select * from marts.fct_company_pillar_scores")
    assert len(actual) == len(expected) == 4 * 6
    merged = actual.merge(expected, on=PILLAR_KEYS, suffixes=("", "_expected"), validate="1:1")
    assert (merged["n_evaluations"] == merged["n_evaluations_expected"]).all()
    assert (merged["is_eligible"] == merged["is_eligible_expected"]).all()
    for column in ["mean_score", "stddev_score", "std_error", "ci_low", "ci_high"]:
        difference = (merged[column] - merged[f"{column}_expected"]).abs()
        assert difference.max() < TOLERANCE, column
    assert (actual["methodology_version"] == DBT_VARS["methodology_version"]).all()


def test_unanswered_resolution_statements_lower_the_pillar_n(warehouse: Path) -> None:
    scores = read_sql(
        warehouse,
        "select company_id, pillar_id, n_evaluations from marts.fct_company_pillar_scores",
    ).set_index(["company_id", "pillar_id"])["n_evaluations"]
    # every tenth alpha evaluation (11 of 110) answers one resolution statement at most
    assert scores[("nl_retail_alpha", "resolution")] <= 110 - 11
    assert scores[("nl_retail_alpha", "integrity")] > scores[("nl_retail_alpha", "resolution")]


def test_company_scores_index_ranks_and_leaders(warehouse: Path) -> None:
    pillar_scores = expected_pillar_scores(warehouse)
    expected = pillar_scores.groupby(COMPANY_KEYS).agg(
        cx_index=("mean_score", "mean"), n_evaluations=("company_wave_n", "first")
    )
    actual = read_sql(warehouse, "select * from marts.fct_company_scores").set_index(COMPANY_KEYS)
    assert sorted(actual.index) == sorted(expected.index)
    difference = (actual["cx_index"] - expected["cx_index"].reindex(actual.index)).abs()
    assert difference.max() < TOLERANCE
    assert (actual["n_evaluations"] == expected["n_evaluations"].reindex(actual.index)).all()

    ranks = actual.reset_index().set_index("company_id")
    eligible = ranks[ranks["is_eligible"]]
    by_country = eligible["cx_index"].rank(method="min", ascending=False)
    by_sector = eligible.groupby("sector_code")["cx_index"].rank(method="min", ascending=False)
    assert ranks.loc[eligible.index, "rank_in_country"].tolist() == by_country.tolist()
    assert ranks.loc[eligible.index, "rank_in_sector"].tolist() == by_sector.tolist()
    leaders = set(ranks.index[ranks["is_sector_leader"]])
    assert leaders == set(by_sector.index[by_sector == 1]) == {"nl_retail_alpha", "nl_bank_delta"}


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


def test_dimensions_hold_every_pillar_and_company(warehouse: Path) -> None:
    dim_pillar = read_sql(warehouse, "select * from marts.dim_pillar order by sort_order")
    assert dim_pillar["pillar_id"].tolist() == [pillar.pillar_id for pillar in pillars()]
    dim_company = read_sql(warehouse, "select * from marts.dim_company").set_index("company_id")
    assert len(dim_company) == 5
    assert dim_company.loc["nl_bank_echo", "sector_name"] == "Banking"
    facts = read_sql(warehouse, "select distinct company_id from marts.fct_company_scores")
    assert "nl_bank_echo" not in set(facts["company_id"])
