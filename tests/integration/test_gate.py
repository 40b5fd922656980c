"""The publication gate, called directly as the publish step calls it.

Most cases write audit rows by hand (``write_run`` with made-up runs) so that the
order of runs is exact; the last two go through real check runs.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from expectations.audit import write_run
from expectations.check_run import CheckResult, CheckRun
from expectations.gate import GateRefused, assert_publishable
from expectations.runner import run_checks
from expectations.suites import REGISTRY
from tests.fixtures.quality_warehouse import build_quality_warehouse

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _result(success: bool, severity: str = "error", column: str = "rank_in_country") -> CheckResult:
    return CheckResult(
        suite="fct_company_scores",
        expectation="expect_column_pair_values_to_be_equal",
        column=column,
        severity=severity,
        success=success,
        observed_value="1 of 8 rows unexpected" if not success else "0 of 8 rows unexpected",
    )


def _record(db_path: Path, build_id: str, minutes: int, *results: CheckResult) -> CheckRun:
    started = T0 + timedelta(minutes=minutes)
    run = CheckRun(f"run-{build_id}-{minutes}", build_id, started, started, results)
    write_run(db_path, run)
    return run


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    db_path = tmp_path / "cxbench.duckdb"
    duckdb.connect(str(db_path)).close()
    return db_path


def test_accepts_a_build_whose_run_passed(warehouse: Path) -> None:
    run = _record(warehouse, "b1", 0, _result(True), _result(True, column="rank_in_sector"))
    summary = assert_publishable(warehouse, "b1")
    assert (summary.run_id, summary.build_id, summary.success) == (run.run_id, "b1", True)
    assert summary.n_expectations == 2 and summary.failed == ()


def test_refuses_a_failing_build_and_names_what_failed(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(True), _result(False, column="rank_in_sector"))
    with pytest.raises(GateRefused) as refusal:
        assert_publishable(warehouse, "b1")
    message = str(refusal.value)
    assert "build b1 refused" in message
    assert "fct_company_scores: expect_column_pair_values_to_be_equal on rank_in_sector" in message
    assert refusal.value.summary is not None
    assert [item.column for item in refusal.value.summary.errors] == ["rank_in_sector"]


def test_refuses_a_build_that_was_never_checked(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(True))
    with pytest.raises(GateRefused, match="build b2 has no quality check run"):
        assert_publishable(warehouse, "b2")


def test_refuses_when_there_is_no_audit_at_all(warehouse: Path) -> None:
    with pytest.raises(GateRefused, match="no quality check run"):
        assert_publishable(warehouse, "b1")


def test_latest_failing_run_revokes_an_earlier_pass(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(True))
    _record(warehouse, "b1", 5, _result(False))
    with pytest.raises(GateRefused, match="latest quality run run-b1-5 failed 1"):
        assert_publishable(warehouse, "b1")


def test_later_passing_run_supersedes_a_failure(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(False))
    later = _record(warehouse, "b1", 5, _result(True))
    assert assert_publishable(warehouse, "b1").run_id == later.run_id


def test_runs_of_other_builds_do_not_count(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(True))
    _record(warehouse, "b2", 5, _result(False))
    assert assert_publishable(warehouse, "b1").success
    with pytest.raises(GateRefused):
        assert_publishable(warehouse, "b2")


def test_warnings_are_reported_but_do_not_block(warehouse: Path) -> None:
    _record(warehouse, "b1", 0, _result(True), _result(False, severity="warning"))
    summary = assert_publishable(warehouse, "b1")
    assert [item.severity for item in summary.warnings] == ["warning"]
    assert summary.errors == ()


def test_build_defaults_to_the_last_dbt_build(warehouse: Path) -> None:
    with pytest.raises(GateRefused, match="no dbt build is recorded"):
        assert_publishable(warehouse)
    target = warehouse.parent / "dbt" / "target"
    target.mkdir(parents=True)
    results = {"metadata": {"invocation_id": "b7"}, "args": {"which": "build"}}
    (target / "run_results.json").write_text(json.dumps(results))
    _record(warehouse, "b7", 0, _result(True))
    assert assert_publishable(warehouse).build_id == "b7"


def test_gate_follows_real_check_runs(tmp_path: Path) -> None:
    """Corrupt, check (refused, the failed rule named), repair, check again (accepted)."""
    db_path = build_quality_warehouse(tmp_path / "warehouse" / "cxbench.duckdb")
    registry = {name: REGISTRY[name] for name in ("raw_population_margins", "fct_company_scores")}
    clean = tmp_path / "clean.duckdb"
    shutil.copy(db_path, clean)
    with duckdb.connect(str(db_path)) as connection:
        connection.execute(
            "update marts.fct_company_scores set rank_in_country = 4 "
            "where company_id = 'nl_mart' and wave = 2024"
        )
    assert not run_checks(db_path, build_id="real", registry=registry).success
    with pytest.raises(GateRefused, match="fct_company_scores: expect_column_pair_values_to_be_"
                       "equal on rank_in_country, expected_rank_in_country"):  # fmt: skip
        assert_publishable(db_path, "real")
    with duckdb.connect(str(db_path)) as connection:
        connection.execute("attach '" + str(clean) + "' as clean (read_only)")
        connection.execute("delete from marts.fct_company_scores")
        connection.execute(
            "insert into marts.fct_company_scores select * from clean.marts.fct_company_scores"
        )
    assert run_checks(db_path, build_id="real", registry=registry).success
    assert assert_publishable(db_path, "real").success
