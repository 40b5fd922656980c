"""The mart suite says what the methodology says, with thresholds from configuration."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rich.console import Console

from cxbench.expectations.check_run import CheckResult, CheckRun, SkippedSuite
from cxbench.expectations.params import DBT_PROJECT_FILE, QualityParams, load_quality_params
from cxbench.expectations.report import check_run_table
from cxbench.expectations.runner import quiet_context, validate_frame
from cxbench.expectations.suites import REGISTRY, SourceContext
from cxbench.expectations.suites.fct_company_pillar_scores import SUITE_NAME, build_suite
from tests.fixtures.dbt_structure import structure_tests


def _by_check(params: QualityParams) -> dict[tuple[str, str, str | None], object]:
    """Expectations keyed by (type, column(s), row condition)."""
    keyed = {}
    for expectation in build_suite(params).expectations:
        config = expectation.configuration.kwargs
        column = config.get("column") or ", ".join(
            config.get("column_list") or [config["column_A"], config["column_B"]]
        )
        condition = repr(expectation.row_condition) if expectation.row_condition else None
        keyed[(expectation.expectation_type, column, condition)] = expectation
    return keyed


def _frame(**overrides: list[object]) -> pd.DataFrame:
    """Two plausible rows: an eligible company and a single evaluation without an interval."""
    rows = {
        "study_id": ["cxbench", "cxbench"],
        "company_id": ["c1", "c2"],
        "country": ["NL", "NL"],
        "wave": [2024, 2024],
        "pillar_id": ["integrity", "empathy"],
        "n_evaluations": [120, 1],
        "company_n_evaluations": [120, 1],
        "mean_score": [7.2, 10.0],
        "stddev_score": [1.5, None],
        "std_error": [0.137, None],
        "ci_low": [6.93, None],
        "ci_high": [7.47, None],
        "is_eligible": [True, False],
        "methodology_version": ["test", "test"],
    }
    return pd.DataFrame({**rows, **overrides})


def test_suite_covers_the_methodology_rules() -> None:
    checks = set(_by_check(QualityParams()))
    eligible = "is_eligible == True"
    assert checks == {
        ("expect_column_values_to_be_between", "company_n_evaluations", eligible),
        (
            "expect_column_pair_values_a_to_be_greater_than_b",
            "company_n_evaluations, n_evaluations",
            None,
        ),
        ("expect_column_values_to_be_between", "std_error", eligible),
    }


def test_dbt_checks_the_structure_the_suite_leaves_out() -> None:
    """Keys, scales, intervals and references of the mart are one dbt test node."""
    [structure] = structure_tests("fct_company_pillar_scores")
    assert structure["keys"] == [["study_id", "company_id", "country", "pillar_id", "wave"]]
    ranged = {column for rule in structure["ranges"] for column in rule["columns"]}
    assert {"mean_score", "n_evaluations", "stddev_score", "std_error"} <= ranged
    assert any("ci_low <= mean_score" in rule["expression"] for rule in structure["expressions"])
    references = {(tuple(rule["columns"]), rule["to"]) for rule in structure["references"]}
    assert {
        (("pillar_id",), "ref('dim_pillar')"),
        (("study_id", "company_id", "country", "wave"), "ref('fct_company_scores')"),
    } <= references


#: Structural rules dbt owns; a quality suite repeating one checks the same thing twice.
STRUCTURAL_EXPECTATIONS = {
    "expect_column_values_to_be_unique",
    "expect_compound_columns_to_be_unique",
    "expect_column_values_to_match_regex",
}


@pytest.mark.parametrize("suite_name", list(REGISTRY))
def test_no_suite_checks_what_dbt_owns(suite_name: str) -> None:
    """Keys, unconditional not-null and the scales dbt puts on a column are dbt's alone.

    A suite may still bound a column dbt bounds, with a plausibility threshold of
    its own (a standard error ≥ 0 is dbt's, ≤ 0.5 for ranked companies is a look).
    """
    spec = REGISTRY[suite_name]
    dbt_ranged = {
        (column, rule.get("min_value"), rule.get("max_value"))
        for table in spec.source_tables
        for structure in structure_tests(table.split(".")[1])
        for rule in structure.get("ranges", [])
        for column in rule["columns"]
    }
    for expectation in spec.build_suite(QualityParams()).expectations:
        kind = expectation.expectation_type
        column = getattr(expectation, "column", None)
        assert kind not in STRUCTURAL_EXPECTATIONS, (suite_name, kind)
        if kind == "expect_column_values_to_not_be_null":
            assert expectation.row_condition is not None, (suite_name, column)
        if kind == "expect_column_values_to_be_between" and expectation.row_condition is None:
            bounds = (column, expectation.min_value, expectation.max_value)
            assert bounds not in dbt_ranged, (suite_name, bounds)


def test_thresholds_follow_the_params() -> None:
    params = QualityParams(min_base=50, max_eligible_std_error=0.7)
    checks = _by_check(params)
    eligible = checks[
        ("expect_column_values_to_be_between", "company_n_evaluations", "is_eligible == True")
    ]
    std_error = checks[("expect_column_values_to_be_between", "std_error", "is_eligible == True")]
    assert eligible.min_value == 50
    assert std_error.max_value == 0.7


def test_screen_follows_the_params() -> None:
    """The SQL screen selects by the same thresholds as the expectations judge."""
    params = QualityParams(min_base=50, max_eligible_std_error=0.7)
    sql = REGISTRY[SUITE_NAME].sql(SourceContext(params))
    assert "n_evaluations < 50" in sql
    assert "std_error > 0.7" in sql


def test_params_read_from_dbt_vars(tmp_path: Path) -> None:
    project = tmp_path / "dbt_project.yml"
    project.write_text("name: cxbench\nvars:\n  min_base: 150\n  weights_method: driver\n")
    assert load_quality_params(project) == QualityParams(min_base=150)
    assert load_quality_params(tmp_path / "absent.yml") == QualityParams()


def test_gate_uses_the_thresholds_dbt_builds_with() -> None:
    dbt_vars = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))["vars"]
    params = load_quality_params()
    for name in ("min_base", "weight_trim_min", "weight_trim_max", "min_aggregate_companies",
                 "max_company_share", "p_percent"):  # fmt: skip
        assert getattr(params, name) == dbt_vars[name], name


def test_registry_has_a_suite_per_raw_kind_mart_and_wave_comparison() -> None:
    assert set(REGISTRY) >= {
        "raw_survey_evaluations",
        "raw_population_margins",
        "fct_company_pillar_scores",
        "fct_company_scores",
        "fct_leader_gaps",
        "fct_pillar_importance",
        "sample_weights",
        "aggregate_disclosure",
        "wave_score_jumps",
        "wave_sector_shares",
        "wave_missingness",
    }
    optional = {name for name, spec in REGISTRY.items() if spec.skip_when_absent}
    assert optional == set()


@pytest.mark.parametrize("suite_name", list(REGISTRY))
def test_every_expectation_says_how_bad_and_why(suite_name: str) -> None:
    suite = REGISTRY[suite_name].build_suite(QualityParams())
    assert suite.name == suite_name
    assert suite.expectations
    for expectation in suite.expectations:
        assert expectation.meta["severity"] in {"error", "warning"}, expectation
        assert len(expectation.notes or "") > 20, expectation


def test_registry_builds_the_mart_suite() -> None:
    spec = REGISTRY[SUITE_NAME]
    assert "marts.fct_company_pillar_scores" in spec.sql(SourceContext(QualityParams()))
    assert spec.screened_from == "marts.fct_company_pillar_scores"
    assert spec.build_suite(QualityParams()).name == SUITE_NAME


def _validate(frame: pd.DataFrame, tmp_path: Path) -> list[CheckResult]:
    context = quiet_context(tmp_path / "data_docs")
    return validate_frame(context, SUITE_NAME, REGISTRY[SUITE_NAME], frame, QualityParams())


def test_plausible_rows_pass_including_a_row_without_interval(tmp_path: Path) -> None:
    results = _validate(_frame(), tmp_path)
    assert [result for result in results if not result.success] == []


def test_ineligible_company_below_min_base_is_fine(tmp_path: Path) -> None:
    results = _validate(_frame(n_evaluations=[120, 40], company_n_evaluations=[120, 40]), tmp_path)
    assert all(result.success for result in results)


def test_eligible_company_may_have_a_pillar_scored_by_fewer_than_min_base(tmp_path: Path) -> None:
    """Evaluations with too few answered statements do not score a pillar, so 97 of 120 is fine."""
    results = _validate(_frame(n_evaluations=[97, 1]), tmp_path)
    assert all(result.success for result in results)


def test_failure_names_the_row_by_its_key(tmp_path: Path) -> None:
    results = _validate(_frame(n_evaluations=[120, 2]), tmp_path)
    [failed] = [result for result in results if not result.success]
    assert (failed.expectation, failed.column) == (
        "expect_column_pair_values_a_to_be_greater_than_b",
        "company_n_evaluations, n_evaluations",
    )
    assert failed.unexpected_examples == (
        {"company_n_evaluations": 1, "n_evaluations": 2, "study_id": "cxbench",
         "company_id": "c2", "country": "NL", "pillar_id": "empathy", "wave": 2024},
    )  # fmt: skip
    assert failed.observed_value == "1 of 2 rows unexpected"


def _result(severity: str, success: bool) -> CheckResult:
    return CheckResult(SUITE_NAME, "expect_x", "col", severity, success, None)


def _run(*results: CheckResult) -> CheckRun:
    now = datetime.now(UTC)
    return CheckRun("run", None, now, now, results)


@pytest.mark.parametrize(
    ("results", "success"),
    [
        ((_result("error", True), _result("warning", True)), True),
        ((_result("error", True), _result("warning", False)), True),
        ((_result("error", False), _result("warning", True)), False),
    ],
)
def test_only_error_failures_fail_the_run(results: tuple[CheckResult, ...], success: bool) -> None:
    assert _run(*results).success is success


def test_report_lists_skipped_suites_even_when_only_failures_are_shown() -> None:
    now = datetime.now(UTC)
    run = CheckRun("run", "b", now, now, (_result("error", True),), None,
                   (SkippedSuite("raw_maturity_assessments", "skipped: no table"),))  # fmt: skip
    table = check_run_table(run, only_failed=True)
    assert table.row_count == 1
    console = Console(record=True, width=200)
    console.print(table)
    text = console.export_text()
    assert "raw_maturity_assessments" in text
    assert "1 suites skipped" in text


def test_report_has_one_row_per_expectation() -> None:
    run = _run(_result("error", True), _result("warning", False), _result("error", False))
    table = check_run_table(run, only_failed=False)
    assert table.row_count == 3
    assert check_run_table(run).row_count == 2
    console = Console(record=True, width=200)
    console.print(table)
    text = console.export_text()
    assert "FAIL" in text
    assert "warn" in text
