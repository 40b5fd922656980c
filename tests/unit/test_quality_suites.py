"""The mart suite says what the methodology says, with thresholds from configuration."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
import yaml
from rich.console import Console

from cxcore.catalogue import pillars
from expectations.check_run import CheckResult, CheckRun, SkippedSuite
from expectations.params import DBT_PROJECT_FILE, QualityParams, load_quality_params
from expectations.report import check_run_table
from expectations.runner import quiet_context, validate_frame
from expectations.suites import REGISTRY
from expectations.suites.fct_company_pillar_scores import SUITE_NAME, build_suite


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
    assert {
        ("expect_column_values_to_not_be_null", "company_id", None),
        ("expect_column_values_to_not_be_null", "pillar_id", None),
        ("expect_column_values_to_not_be_null", "wave", None),
        ("expect_compound_columns_to_be_unique", "company_id, pillar_id, wave", None),
        ("expect_column_values_to_be_in_set", "pillar_id", None),
        ("expect_column_values_to_be_between", "mean_score", None),
        ("expect_column_values_to_be_between", "n_evaluations", None),
        ("expect_column_values_to_be_between", "std_error", None),
        ("expect_column_pair_values_a_to_be_greater_than_b", "mean_score, ci_low", None),
        ("expect_column_pair_values_a_to_be_greater_than_b", "ci_high, mean_score", None),
        ("expect_column_values_to_be_between", "company_n_evaluations", eligible),
        (
            "expect_column_pair_values_a_to_be_greater_than_b",
            "company_n_evaluations, n_evaluations",
            None,
        ),
    } <= checks


def test_every_expectation_has_a_severity() -> None:
    for expectation in build_suite(QualityParams()).expectations:
        assert expectation.meta["severity"] in {"error", "warning"}, expectation


def test_pillar_set_comes_from_the_catalogue() -> None:
    in_set = _by_check(QualityParams())[("expect_column_values_to_be_in_set", "pillar_id", None)]
    assert set(in_set.value_set) == {pillar.pillar_id for pillar in pillars()}
    assert len(in_set.value_set) == 6


def test_thresholds_follow_the_params() -> None:
    params = QualityParams(min_base=50, score_min=0.0, score_max=7.0, min_evaluations=2)
    checks = _by_check(params)
    eligible = checks[
        ("expect_column_values_to_be_between", "company_n_evaluations", "is_eligible == True")
    ]
    mean = checks[("expect_column_values_to_be_between", "mean_score", None)]
    n_any = checks[("expect_column_values_to_be_between", "n_evaluations", None)]
    assert eligible.min_value == 50
    assert (mean.min_value, mean.max_value) == (0.0, 7.0)
    assert n_any.min_value == 2


def test_params_read_from_dbt_vars(tmp_path: Path) -> None:
    project = tmp_path / "dbt_project.yml"
    project.write_text("name: cxbench\nvars:\n  min_base: 150\n  weights_method: driver\n")
    assert load_quality_params(project) == QualityParams(min_base=150)
    assert load_quality_params(tmp_path / "absent.yml") == QualityParams()


def test_gate_uses_the_thresholds_dbt_builds_with() -> None:
    dbt_vars = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))["vars"]
    params = load_quality_params()
    for name in ("min_base", "weight_trim_min", "weight_trim_max", "min_aggregate_companies",
                 "max_company_share"):  # fmt: skip
        assert getattr(params, name) == dbt_vars[name], name


def test_registry_has_a_suite_per_raw_kind_mart_and_wave_comparison() -> None:
    assert set(REGISTRY) >= {
        "raw_survey_evaluations",
        "raw_companies",
        "raw_sectors",
        "raw_population_margins",
        "raw_maturity_assessments",
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
    assert optional == {"raw_maturity_assessments"}


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
    assert "marts.fct_company_pillar_scores" in spec.source_sql
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
    results = _validate(_frame(mean_score=[7.2, 10.5], ci_high=[7.47, 10.9]), tmp_path)
    [failed] = [result for result in results if not result.success]
    assert (failed.expectation, failed.column) == (
        "expect_column_values_to_be_between",
        "mean_score",
    )
    assert failed.unexpected_examples == (
        {"mean_score": 10.5, "company_id": "c2", "pillar_id": "empathy", "wave": 2024},
    )
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
