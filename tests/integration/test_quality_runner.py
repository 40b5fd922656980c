"""run_checks on the hand-checkable warehouse: what a run records, skips and defaults to.

Which expectation catches which fault is ``test_quality_corruptions.py``; this
module is about the run itself — audit rows, Data Docs, CLI-free output, optional
tables, the build id, and personal data kept out of the audit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from cxbench.expectations.params import QualityParams
from cxbench.expectations.runner import QualityTargetMissingError, run_checks
from cxbench.expectations.suites import REGISTRY
from tests.conftest import DemoWarehouse
from tests.fixtures.dbt_builds import record_build
from tests.fixtures.quality_warehouse import build_quality_warehouse, fixture_registry

PARAMS = QualityParams()
MARGINS = "raw_population_margins"
SURVEY = "raw_survey_evaluations"


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clean warehouse, built once; tests work on copies of it."""
    return build_quality_warehouse(tmp_path_factory.mktemp("clean") / "cxbench.duckdb")


def _copy(clean: Path, tmp_path: Path, change: str | None = None) -> Path:
    """A private copy of the warehouse (its own data_docs folder), optionally changed."""
    db_path = tmp_path / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    shutil.copy(clean, db_path)
    if change:
        with duckdb.connect(str(db_path)) as connection:
            connection.execute(change)
    return db_path


def _audit(db_path: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        runs = connection.execute("select * from audit.quality_runs").fetchall()
        results = connection.execute("select * from audit.quality_results").fetchall()
    return runs, results


def test_clean_warehouse_passes_and_is_audited(
    clean_warehouse: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db_path = _copy(clean_warehouse, tmp_path)
    started = time.perf_counter()
    registry = fixture_registry()
    run = run_checks(db_path, build_id="build-1", params=PARAMS, registry=registry, data_docs=True)
    elapsed = time.perf_counter() - started

    assert run.success and run.failed == (), run.failed
    assert run.skipped == ()  # ingestion's DDL creates every raw table, maturity too
    n_expected = sum(len(spec.build_suite(PARAMS).expectations) for spec in registry.values())
    assert len(run.results) == n_expected
    assert {result.suite for result in run.results} == set(registry)
    runs, results = _audit(db_path)
    [(run_id, build_id, started_at, finished_at, success, n_expectations, n_failed)] = runs
    assert (run_id, build_id, success, n_expectations, n_failed) == (
        run.run_id, "build-1", True, n_expected, 0,
    )  # fmt: skip
    assert started_at <= finished_at
    assert len(results) == n_expected
    assert all(json.loads(row[7]) == [] for row in results)
    assert run.data_docs_index == db_path.parent / "data_docs" / "index.html"
    assert run.data_docs_index.is_file()
    captured = capfd.readouterr()
    assert "Calculating Metrics" not in captured.out + captured.err
    assert "it/s" not in captured.err
    assert elapsed < 15, f"run_checks took {elapsed:.2f}s"


def test_data_docs_are_rendered_by_default_only_when_a_check_fails(
    clean_warehouse: Path, tmp_path: Path
) -> None:
    """The audit tables record every run; the report for a person only when one must look."""
    registry = {SURVEY: REGISTRY[SURVEY]}
    (tmp_path / "clean").mkdir()
    (tmp_path / "failing").mkdir()
    clean = _copy(clean_warehouse, tmp_path / "clean")
    run = run_checks(clean, params=PARAMS, registry=registry)
    assert run.success and run.data_docs_index is None
    assert not (clean.parent / "data_docs").exists()
    failing = _copy(
        clean_warehouse,
        tmp_path / "failing",
        "update raw.survey_evaluations set comment = 'write to jan@example.nl' "
        "where wave = 2024 and row_number = 2",
    )
    run = run_checks(failing, params=PARAMS, registry=registry)
    assert not run.success
    assert run.data_docs_index == failing.parent / "data_docs" / "index.html"
    assert run.data_docs_index.is_file()


def test_absent_optional_table_is_recorded_as_skipped(
    clean_warehouse: Path, tmp_path: Path
) -> None:
    """A suite marked optional whose table a warehouse lacks is recorded as skipped, not hidden."""
    db_path = _copy(clean_warehouse, tmp_path, "drop table raw.population_margins")
    registry = {**fixture_registry(), MARGINS: replace(REGISTRY[MARGINS], skip_when_absent=True)}
    run = run_checks(db_path, params=PARAMS, registry=registry)
    assert run.success
    assert [skipped.suite for skipped in run.skipped] == [MARGINS]
    _, results = _audit(db_path)
    [row] = [row for row in results if row[1] == MARGINS]
    assert row[2:6] == ("suite_skipped", None, "skipped", None)
    assert "raw.population_margins" in row[6]


def test_each_run_appends_to_the_audit(clean_warehouse: Path, tmp_path: Path) -> None:
    db_path = _copy(clean_warehouse, tmp_path)
    registry = {MARGINS: REGISTRY[MARGINS]}
    first = run_checks(db_path, params=PARAMS, registry=registry)
    second = run_checks(db_path, params=PARAMS, registry=registry)
    runs, results = _audit(db_path)
    assert {row[0] for row in runs} == {first.run_id, second.run_id}
    assert len(results) == 2 * len(first.results)


def test_build_id_defaults_to_the_last_dbt_build(clean_warehouse: Path, tmp_path: Path) -> None:
    """The build the warehouse recorded last that changed data; a later `dbt test` does not."""
    db_path = _copy(clean_warehouse, tmp_path)
    registry = {MARGINS: REGISTRY[MARGINS]}
    assert run_checks(db_path, params=PARAMS, registry=registry).build_id is None
    record_build(db_path, "inv-41", minutes=0)
    record_build(db_path, "inv-42", minutes=5)
    record_build(db_path, "inv-43", minutes=9, command="test")
    run = run_checks(db_path, params=PARAMS, registry=registry)
    assert run.build_id == "inv-42"
    runs, _ = _audit(db_path)
    assert sorted(row[1] for row in runs if row[1]) == ["inv-42"]


def test_leaked_address_is_not_copied_into_the_audit(clean_warehouse: Path, tmp_path: Path) -> None:
    db_path = _copy(
        clean_warehouse,
        tmp_path,
        "update raw.survey_evaluations set comment = 'write to jan@example.nl' "
        "where wave = 2024 and row_number = 2",
    )
    run = run_checks(db_path, params=PARAMS, registry={SURVEY: REGISTRY[SURVEY]})
    [failed] = run.failed
    assert failed.unexpected_examples == (
        {"batch_id": "survey-2024", "row_number": 2, "country": "NL", "wave": 2024,
         "brand_id": "nl_shop"},
    )  # fmt: skip
    _, results = _audit(db_path)
    assert not any("jan@example.nl" in str(value) for row in results for value in row)


def test_missing_mart_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "cxbench.duckdb"
    duckdb.connect(str(db_path)).close()
    with pytest.raises(QualityTargetMissingError, match="build the marts"):
        run_checks(db_path, params=PARAMS)
    with duckdb.connect(str(db_path), read_only=True) as connection:
        schemas = connection.execute(
            "select schema_name from information_schema.schemata where schema_name = 'audit'"
        ).fetchall()
    assert schemas == []


def test_cli_check_prints_the_failures_and_exits_1(
    demo_warehouse: DemoWarehouse, tmp_path: Path
) -> None:
    """The full gate through the CLI, on a generated warehouse with one rank moved."""
    db_path = tmp_path / "warehouse" / "cxbench.duckdb"
    db_path.parent.mkdir()
    shutil.copy(demo_warehouse.db_path, db_path)
    with duckdb.connect(str(db_path)) as connection:
        [(company_id,)] = connection.execute(
            "update marts.fct_company_scores set rank_in_country = rank_in_country + 1 "
            "where rowid = (select min(rowid) from marts.fct_company_scores "
            "where rank_in_country is not null) returning company_id"
        ).fetchall()
    env = {**os.environ, "CXBENCH_DB": str(db_path), "COLUMNS": "250"}
    command = [sys.executable, "-m", "cxbench.cli", "check", "--build-id", "cli-build"]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    output = completed.stdout + completed.stderr
    assert completed.returncode == 1, output
    assert "FAIL" in output and "rank_in_country, expected_rank_in_country" in output
    assert f"company_id={company_id}" in output  # the row that triggered it
    assert "quality gate failed: 1 error-severity check(s)" in output
    assert "pass " not in output  # only failures are listed without --all
    assert "Calculating Metrics" not in output and "it/s" not in output
    runs = [row for row in _audit(db_path)[0] if row[1] == "cli-build"]
    assert [(row[1], row[4]) for row in runs] == [("cli-build", False)]
