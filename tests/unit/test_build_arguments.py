"""The dbt command ``cxbench build`` runs, and how a run's problems are read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxbench.dbt_results import read_problems
from cxbench.pipeline import DBT_BUILD, WITHOUT_UNIT_TESTS, build_command, parse_dbt_vars


def test_the_production_build_excludes_unit_tests_and_adds_nothing() -> None:
    assert build_command() == list(DBT_BUILD)
    assert build_command(unit_tests=True) == ["build"]


def test_select_vars_and_full_refresh_are_passed_to_dbt() -> None:
    command = build_command(
        dbt_vars={"min_base": 50, "cee_weights": "equal"},
        select=["dim_company+", "fct_company_scores"],
        full_refresh=True,
    )
    assert command == [
        "build",
        "--select",
        "dim_company+",
        "fct_company_scores",
        *WITHOUT_UNIT_TESTS,
        "--vars",
        '{"cee_weights": "equal", "min_base": 50}',
        "--full-refresh",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{min_base: 50, min_answered_share: 0.6}", {"min_base": 50, "min_answered_share": 0.6}),
        ('{"cee_weights": {"integrity": 2}}', {"cee_weights": {"integrity": 2}}),
        ("min_base: 50", {"min_base": 50}),
        ("", {}),
    ],
)
def test_vars_are_read_as_yaml_or_json(text: str, expected: dict[str, object]) -> None:
    assert parse_dbt_vars(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("[1, 2]", "must be a mapping"), ("min_base", "must be a mapping"), ("{a: [", "not YAML")],
)
def test_vars_that_are_not_a_mapping_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_dbt_vars(text)


def test_run_results_give_errors_first_with_names_and_messages(tmp_path: Path) -> None:
    path = tmp_path / "run_results.json"
    results = [
        {"unique_id": "model.cxbench.dim_pillar", "status": "success", "message": "OK"},
        {
            "unique_id": "test.cxbench.assert_x_holds",
            "status": "warn",
            "message": "Got 2 results, configured to warn if != 0",
            "failures": 2,
        },
        {
            "unique_id": "model.cxbench.fct_company_scores",
            "status": "error",
            "message": "Runtime Error in model fct_company_scores\n  Constraint Error: NOT NULL",
        },
        {
            "unique_id": "unit_test.cxbench.dim_company.company_with_unknown_sector_is_kept",
            "status": "fail",
            "message": "\x1b[32mactual\x1b[0m differs from \x1b[31mexpected\x1b[0m:",
        },
        {
            "unique_id": "test.cxbench.raw_companies_structure.2ae66ea5b6",
            "status": "fail",
            "message": "Got 1 result, configured to fail if != 0",
        },
    ]
    path.write_text(json.dumps({"results": results}))
    problems = read_problems(path)
    assert [problem.describe() for problem in problems] == [
        "ERROR model fct_company_scores: Runtime Error in model fct_company_scores "
        "Constraint Error: NOT NULL",
        "FAIL unit_test company_with_unknown_sector_is_kept: actual differs from expected:",
        "FAIL test raw_companies_structure: Got 1 result, configured to fail if != 0",
        "WARN test assert_x_holds: Got 2 results, configured to warn if != 0",
    ]
    assert read_problems(tmp_path / "absent.json") == []


def test_an_unknown_engine_is_refused_before_anything_runs(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cxbench.cli import app

    result = CliRunner().invoke(
        app, ["build", "--engine", "oracle", "--db", str(tmp_path / "cxbench.duckdb")]
    )
    assert result.exit_code == 2
    assert "--engine must be one of duckdb, spark" in result.output
    assert not (tmp_path / "cxbench.duckdb").exists()
