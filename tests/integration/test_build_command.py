"""``cxbench build``: what it passes to dbt, and how it reports a failure.

Each test works on its own copy of the session's fixture warehouse, so the
builds and breakages here never touch the warehouse other tests read.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from cxbench.cli import app
from cxbench.dbt_runner import run_dbt
from tests.fixtures.dbt_warehouse import DBT_VARS

pytestmark = pytest.mark.slow

runner = CliRunner()

#: Every documented methodology variable at a value other than its default
#: (dbt_project.yml), each within its documented range.
NON_DEFAULT_VARS = {
    "methodology_version": "9.9.9",
    "min_base": 37,
    "min_answered_share": 0.8,
    "confidence_level": 0.9,
    "weighting_dimensions": ["gender"],
    "weight_trim_min": 0.5,
    "weight_trim_max": 2.0,
    "raking_max_iterations": 50,
    "raking_tolerance": 1.0e-9,
    "min_importance_cases": 50,
    "importance_replicate_groups": 12,
    "cee_weights": "equal",
    "min_aggregate_companies": 3,
    "max_company_share": 0.4,
    "p_percent": 15,
    "min_peer_companies": 4,
    "min_channel_base": 10,
    "maturity_reference_study": "another-study",
    "maturity_min_respondents": 3,
    "maturity_step_threshold": 3.0,
    "maturity_min_link_companies": 5,
}


@pytest.fixture
def warehouse(dbt_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the built fixture warehouse."""
    monkeypatch.setenv("COLUMNS", "200")
    copy = tmp_path / "cxbench.duckdb"
    shutil.copyfile(dbt_warehouse, copy)
    return copy


def _alter(db: Path, sql: str) -> None:
    with duckdb.connect(str(db)) as con:
        con.execute(sql)


def _run_args(db: Path) -> dict:
    return json.loads((db.parent / "dbt" / "target" / "run_results.json").read_text())["args"]


def test_every_documented_variable_is_changed_by_the_non_default_set() -> None:
    assert set(NON_DEFAULT_VARS) == set(DBT_VARS)
    assert all(NON_DEFAULT_VARS[name] != DBT_VARS[name] for name in DBT_VARS)


def test_unit_tests_pass_whatever_the_methodology_variables(warehouse: Path) -> None:
    """Each unit test pins the variables its model reads (overrides: vars)."""
    result = run_dbt(
        ["test", "--select", "test_type:unit", "--vars", json.dumps(NON_DEFAULT_VARS)], warehouse
    )
    target = warehouse.parent / "dbt" / "target"
    unit_tests = json.loads((target / "manifest.json").read_text())["unit_tests"]
    results = json.loads((target / "run_results.json").read_text())["results"]
    statuses = {run["unique_id"]: run["status"] for run in results}
    assert result.n_failed == 0
    assert len(unit_tests) > 20
    assert {statuses.get(unique_id) for unique_id in unit_tests} == {"pass"}


def test_build_passes_vars_select_and_full_refresh_to_dbt(warehouse: Path) -> None:
    dbt_vars = "{min_base: 37, methodology_version: '9.9.9'}"
    result = runner.invoke(
        app,
        [
            "build",
            "--db",
            str(warehouse),
            "--select",
            "dim_methodology",
            "--full-refresh",
            "--vars",
            dbt_vars,
        ],
    )
    assert result.exit_code == 0, result.output
    args = _run_args(warehouse)
    assert args["vars"] == {"min_base": 37, "methodology_version": "9.9.9"}
    assert list(args["select"]) == ["dim_methodology"]
    assert args["full_refresh"] is True
    with duckdb.connect(str(warehouse), read_only=True) as con:
        versions = con.execute("select distinct methodology_version from marts.dim_methodology")
        assert versions.fetchall() == [("9.9.9",)]


def test_a_warehouse_loaded_by_an_earlier_version_builds_without_a_new_ingest(
    warehouse: Path,
) -> None:
    """The raw columns added since (study, region, what a batch measured) come first."""
    for table, column in (
        ("survey_evaluations", "study_id"), ("survey_evaluations", "region"),
        ("load_batches", "study_id"), ("load_batches", "study_name"),
        ("load_batches", "study_instrument"), ("load_batches", "measured_statements"),
        ("load_batches", "latent_statements"),
    ):  # fmt: skip
        _alter(warehouse, f"alter table raw.{table} drop column {column}")
    result = runner.invoke(app, ["build", "--db", str(warehouse)])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(warehouse), read_only=True) as con:
        studies = con.execute("select study_id, n_statements_measured from marts.dim_study")
        assert studies.fetchall() == [("cxbench", 30)]


@pytest.mark.parametrize(
    ("text", "message"),
    [("{min_base: [", "--vars is not YAML or JSON"), ("[1, 2]", "--vars must be a mapping")],
)
def test_build_refuses_vars_that_are_not_a_mapping(tmp_path: Path, text: str, message: str) -> None:
    result = runner.invoke(app, ["build", "--db", str(tmp_path / "wh.duckdb"), "--vars", text])
    assert result.exit_code == 2
    assert message in result.output


def test_a_failing_model_is_named_with_the_databases_own_error(warehouse: Path) -> None:
    _alter(warehouse, "alter table raw.companies drop column revenue")
    result = runner.invoke(
        app, ["build", "--db", str(warehouse), "--select", "stg_industry__companies"]
    )
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "ERROR model stg_industry__companies" in output
    assert 'Binder Error: Referenced column "revenue" not found' in output
    assert "check the data types" not in output


def test_a_failing_test_is_named_with_its_failing_rows(warehouse: Path) -> None:
    _alter(warehouse, "insert into raw.companies select * from raw.companies limit 1")
    result = runner.invoke(
        app, ["build", "--db", str(warehouse), "--select", "source:industry.companies"]
    )
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "FAIL test raw_companies_structure: Got 1 result" in output
    assert "rule=unique(brand_id, valid_from_wave), n_failing=1" in output


def test_a_ranked_company_missing_from_the_company_list_builds_unassigned_and_checks_pass(
    warehouse: Path,
) -> None:
    """nl_bank_delta (ranked 3rd in NL, BNK's leader) loses its reference data."""
    _alter(warehouse, "delete from raw.companies where brand_id = 'nl_bank_delta'")
    build = runner.invoke(app, ["build", "--db", str(warehouse)])
    assert build.exit_code == 0, build.output
    output = " ".join(build.output.split())
    assert "WARN test assert_surveyed_companies_have_reference_data" in output
    assert "company_id=nl_bank_delta, countries=NL" in output
    with duckdb.connect(str(warehouse), read_only=True) as con:
        scores = con.execute(
            "select sector_code, rank_in_country, rank_in_sector, is_sector_leader"
            " from marts.fct_company_scores where company_id = 'nl_bank_delta'"
        ).fetchall()
        maturity_sectors = con.execute(
            "select distinct sector_code from marts.fct_maturity where company_id = 'nl_bank_delta'"
        ).fetchall()
        sectors = con.execute(
            "select distinct sector_code from marts.fct_benchmark_scores"
            " union all select distinct sector_code from marts.fct_leader_gaps"
        ).fetchall()
    assert scores == [("UNASSIGNED", 3, None, False)]
    assert maturity_sectors == [("UNASSIGNED",)]
    assert ("UNASSIGNED",) not in sectors
    check = runner.invoke(app, ["check", "--db", str(warehouse)])
    assert check.exit_code == 0, check.output


def test_a_sample_partly_without_age_is_partially_raked_and_says_how_much(
    warehouse: Path,
) -> None:
    """One company's respondents lose their age: their cells keep weight 1, the rest rake."""
    _alter(
        warehouse,
        "update raw.survey_evaluations set age = null where brand_id = 'nl_retail_corner'",
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        [(n_without_age, n_total)] = con.execute(
            "select count(*) filter (where age is null), count(*) from raw.survey_evaluations"
        ).fetchall()
    assert 0 < n_without_age < n_total
    build = runner.invoke(
        app,
        ["build", "--db", str(warehouse), "--full-refresh", "--select", "+fct_benchmark_scores"],
    )
    assert build.exit_code == 0, build.output
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select weighting_method, weighting_note, n_unraked_evaluations"
            " from marts.fct_benchmark_scores where benchmark_level = 'country'"
        ).fetchall()
    note = f"weight 1 for {n_without_age} of {n_total} evaluations: age_band missing"
    assert rows == [("partially raked", note, n_without_age)]
