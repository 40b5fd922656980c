"""`dbt build` on the hand-made raw fixture: contracts, edge cases, dimensions and docs.

The arithmetic of the marts is held against an independent recomputation in
``test_dbt_recomputation.py``; this module checks what the build promises besides:
every mart has exactly its contract columns and types (as cxcore.mart_contracts reads
them) and documented columns, and the edge cases of the fixture (a company one evaluation
short of the base, unanswered statements, small aggregates, maturity ladders) come out
as the methodology says.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from cxcore.catalogue import pillars
from cxcore.dbt_builds import last_build
from cxcore.mart_contracts import contracts
from cxcore.settings import REPO_ROOT
from tests.fixtures.dbt_warehouse import DBT_VARS, read_sql, run_dbt

pytestmark = pytest.mark.slow

PILLAR_IDS = [pillar.pillar_id for pillar in pillars()]

#: The marts as documented (docs/data-contracts.md §4 names each with its grain); their
#: columns and types are declared once, in the dbt contracts (cxcore.mart_contracts).
MARTS = {name: contract for name, contract in contracts().items() if contract.schema == "marts"}
CONTRACTS_DOC = REPO_ROOT / "docs" / "data-contracts.md"


def test_every_mart_has_exactly_its_contract_columns_and_types(dbt_warehouse: Path) -> None:
    assert len(MARTS) >= 18
    for mart, contract in MARTS.items():
        described = read_sql(dbt_warehouse, f"describe marts.{mart}")
        assert described["column_name"].tolist() == list(contract.column_names), mart
        declared = [duckdb_type(column.data_type) for column in contract.columns]
        assert described["column_type"].str.lower().tolist() == declared, mart


def duckdb_type(declared: str) -> str:
    """DuckDB's name for a contract type: contracts say `string`, which Spark and DuckDB
    both know (DuckDB calls it varchar)."""
    with duckdb.connect() as connection:
        rows = connection.execute(f"select typeof(cast(null as {declared}))").fetchall()
    return str(rows[0][0]).lower()


def test_the_data_contracts_document_names_every_mart_and_no_other() -> None:
    text = CONTRACTS_DOC.read_text(encoding="utf-8")
    section = text[text.index("## 4. Marts") : text.index("## 5.")]
    documented = set(re.findall(r"^- `((?:dim|fct)_\w+)`", section, flags=re.MULTILINE))
    assert documented == set(MARTS)


def test_unanswered_resolution_statements_lower_the_pillar_n(dbt_warehouse: Path) -> None:
    scores = read_sql(
        dbt_warehouse,
        "select company_id, pillar_id, n_evaluations from marts.fct_company_pillar_scores",
    ).set_index(["company_id", "pillar_id"])["n_evaluations"]
    # every tenth alpha evaluation (11 of 110) answers one resolution statement at most
    assert scores[("nl_retail_alpha", "resolution")] <= 110 - 11
    assert scores[("nl_retail_alpha", "integrity")] > scores[("nl_retail_alpha", "resolution")]


def test_company_one_short_of_min_base_is_unranked_despite_best_index(dbt_warehouse: Path) -> None:
    scores = read_sql(dbt_warehouse, "select * from marts.fct_company_scores")
    scores = scores.set_index("company_id")
    corner, bravo = scores.loc["nl_retail_corner"], scores.loc["nl_retail_bravo"]
    assert corner["n_evaluations"] == 99
    assert not corner["is_eligible"]
    assert corner["cx_index"] == scores["cx_index"].max()
    assert pd.isna(corner["rank_in_country"]) and pd.isna(corner["rank_in_sector"])
    assert not corner["is_sector_leader"]
    assert bravo["n_evaluations"] == 100
    assert bravo["is_eligible"]
    assert pd.notna(bravo["rank_in_country"])


def test_small_aggregates_are_suppressed_with_their_reason(dbt_warehouse: Path) -> None:
    benchmarks = read_sql(dbt_warehouse, "select * from marts.fct_benchmark_scores")
    country = benchmarks[benchmarks["benchmark_level"] == "country"].iloc[0]
    assert country["sector_code"] == "*"
    # three eligible companies (alpha's 110 of their 315 evaluations play no part)
    assert country["is_suppressed"] and pd.isna(country["avg_cx_index"])
    assert country["suppression_reason"] == "fewer than 5 eligible companies (n=3)"
    assert country["is_revenue_suppressed"]
    assert country["revenue_suppression_reason"] == country["suppression_reason"]
    sectors = benchmarks[benchmarks["benchmark_level"] == "sector"]
    assert len(sectors) == 2
    assert sectors["is_suppressed"].all() and sectors["suppression_reason"].notna().all()
    pillars_rows = read_sql(dbt_warehouse, "select * from marts.fct_benchmark_pillar_scores")
    # two sectors and the country, six pillars each, every one withheld with its benchmark
    assert len(pillars_rows) == 3 * 6 and pillars_rows["avg_score"].isna().all()


def test_raking_weights_average_one_and_match_the_margins(dbt_warehouse: Path) -> None:
    cells = read_sql(dbt_warehouse, "select * from intermediate.int_sample_cells_raked")
    assert cells["is_raked"].all() and cells["raking_converged"].all()
    mean_weight = (cells["n_evaluations"] * cells["weight"]).sum() / cells["n_evaluations"].sum()
    assert mean_weight == pytest.approx(1.0, abs=1e-12)
    margins = read_sql(dbt_warehouse, "select * from raw.population_margins")
    for dimension in ("age_band", "gender"):
        weighted = (cells["n_evaluations"] * cells["weight"]).groupby(cells[dimension]).sum()
        target = margins[margins["dimension"] == dimension].set_index("category")["share"]
        shares = (weighted / weighted.sum()).reindex(target.index)
        np.testing.assert_allclose(shares, target / target.sum(), atol=1e-10)


def test_maturity_assessments_become_one_row_per_assessed_item(dbt_warehouse: Path) -> None:
    maturity = read_sql(dbt_warehouse, "select * from marts.fct_maturity")
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


def test_maturity_stage_follows_the_ladder_rule(dbt_warehouse: Path) -> None:
    stages = read_sql(dbt_warehouse, "select * from marts.fct_maturity_stages")
    stages = stages.set_index("company_id")
    # delta: every step 4 or 5 → all seven reached; alpha: customer-centric 4, personal 3
    assert stages.loc["nl_bank_delta", "maturity_stage"] == 7
    assert pd.isna(stages.loc["nl_bank_delta", "next_step_item_id"])
    assert stages.loc["nl_retail_alpha", ["maturity_stage", "stage_item_id",
                                          "next_step_item_id"]].tolist() == [
        1, "customer_centric", "personal"]  # fmt: skip
    # bravo scored the first step 2 and no other: stage 0, not reportable (5 of 13 items)
    assert stages.loc["nl_retail_bravo", "maturity_stage"] == 0
    assert not stages.loc["nl_retail_bravo", "is_reportable"]
    links = read_sql(dbt_warehouse, "select * from marts.fct_maturity_outcome_links")
    assert not links["is_estimable"].any()  # one reportable organisation is no evidence


def test_dimensions_hold_every_pillar_company_and_parameter(dbt_warehouse: Path) -> None:
    dim_pillar = read_sql(dbt_warehouse, "select * from marts.dim_pillar order by sort_order")
    assert dim_pillar["pillar_id"].tolist() == PILLAR_IDS
    dim_company = read_sql(dbt_warehouse, "select * from marts.dim_company").set_index("company_id")
    assert len(dim_company) == 5
    assert dim_company.loc["nl_bank_echo", "sector_name"] == "Banking"
    facts = read_sql(dbt_warehouse, "select distinct company_id from marts.fct_company_scores")
    assert "nl_bank_echo" not in set(facts["company_id"])
    parameters = read_sql(dbt_warehouse, "select * from marts.dim_methodology")
    parameters = parameters.set_index("parameter_name")["parameter_value"]
    assert parameters["min_base"] == str(DBT_VARS["min_base"])
    assert parameters["cee_weights"] == '"driver"'
    country = read_sql(dbt_warehouse, "select * from marts.dim_country").iloc[0]
    assert country["country_name"] == "Netherlands" and country["n_waves"] == 1


def test_docs_generate_and_every_mart_column_is_described(dbt_warehouse: Path) -> None:
    root = dbt_warehouse.parent
    run_dbt(root, dbt_warehouse, "docs", "generate")
    manifest = json.loads((root / "target" / "manifest.json").read_text())
    catalog = json.loads((root / "target" / "catalog.json").read_text())
    marts = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
    }
    assert set(marts) == set(MARTS)
    for name, node in marts.items():
        assert node["config"]["contract"]["enforced"], name
        assert node["description"].strip(), name
        assert list(node["columns"]) == list(MARTS[name].column_names), name
        undescribed = [column for column, spec in node["columns"].items()
                       if not spec["description"].strip()]  # fmt: skip
        assert not undescribed, (name, undescribed)
        assert node["unique_id"] in catalog["nodes"], name
    exposure = next(e for e in manifest["exposures"].values() if e["name"] == "cxbench_app")
    app_marts = {
        name
        for path in (REPO_ROOT / "app" / "queries").rglob("*.py")
        for name in re.findall(r"\bwh\.marts\.(\w+)", path.read_text(encoding="utf-8"))
    }
    assert len(app_marts) > 10
    assert set(exposure["depends_on"]["nodes"]) == {f"model.cxbench.{name}" for name in app_marts}


def test_a_build_drops_the_retired_benchmark_marts(dbt_warehouse: Path, tmp_path: Path) -> None:
    """A warehouse built before the benchmark marts must not keep serving the old ones."""
    copy = tmp_path / "cxbench.duckdb"
    shutil.copyfile(dbt_warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        connection.execute("create table marts.fct_sector_scores as select 1 as stale")
    run_dbt(tmp_path, copy, "run", "--select", "dim_pillar")
    tables = read_sql(copy, "select table_name from information_schema.tables")
    assert "fct_sector_scores" not in set(tables["table_name"])
    assert "fct_benchmark_scores" in set(tables["table_name"])


def test_the_warehouse_records_its_own_build(dbt_warehouse: Path) -> None:
    """dbt's hooks wrote the build into audit.dbt_builds: what ran, how it ended, how many nodes."""
    build = last_build(dbt_warehouse)
    assert build is not None
    assert (build.command, build.selection, build.status, build.n_failed) == (
        "build",
        None,
        "success",
        0,
    )
    assert build.methodology_version == DBT_VARS["methodology_version"]
    assert build.finished_at is not None and build.finished_at >= build.started_at
    # every node of the project ran once: models, seeds, data tests, unit tests and
    # exposures (a no-op in a build); from the manifest, since run_results.json is
    # overwritten by any later dbt command
    manifest = json.loads((dbt_warehouse.parent / "target" / "manifest.json").read_text())
    executed = {"model", "seed", "test", "snapshot"}
    n_nodes = sum(node["resource_type"] in executed for node in manifest["nodes"].values())
    assert build.n_nodes == n_nodes + len(manifest["unit_tests"]) + len(manifest["exposures"])
