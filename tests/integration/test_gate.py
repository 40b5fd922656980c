"""The publication gate, called directly as the publish step calls it.

Most cases write audit rows by hand (``write_run`` with made-up runs, and builds
as dbt's hooks record them in ``audit.dbt_builds``) so that the order of runs is
exact; the last ones go through real check runs and a real failing dbt build.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from cxbench.dbt_runner import DbtError, run_dbt
from cxbench.expectations.audit import write_run
from cxbench.expectations.check_run import CheckResult, CheckRun
from cxbench.expectations.gate import GateRefused, assert_publishable
from cxbench.expectations.runner import run_checks
from cxbench.expectations.suites import REGISTRY
from cxcore.dbt_builds import last_build
from tests.fixtures.dbt_builds import record_build
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
    """A warehouse in which dbt recorded two successful builds, b1 and then b2."""
    db_path = tmp_path / "cxbench.duckdb"
    record_build(db_path, "b1", minutes=0)
    record_build(db_path, "b2", minutes=1)
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


def test_build_defaults_to_the_last_build_the_warehouse_recorded(tmp_path: Path) -> None:
    db_path = tmp_path / "cxbench.duckdb"
    duckdb.connect(str(db_path)).close()
    with pytest.raises(GateRefused, match=r"no dbt build is recorded in audit\.dbt_builds"):
        assert_publishable(db_path)
    record_build(db_path, "b6", minutes=0)
    record_build(db_path, "b7", minutes=5)
    record_build(db_path, "t8", minutes=9, command="test")  # reads the data, changes nothing
    _record(db_path, "b7", 10, _result(True))
    assert assert_publishable(db_path).build_id == "b7"
    record_build(db_path, "s9", minutes=12, command="seed")  # changes data, never checked
    with pytest.raises(GateRefused, match="build s9 has no quality check run"):
        assert_publishable(db_path)


def test_refuses_a_build_the_warehouse_did_not_record(warehouse: Path) -> None:
    _record(warehouse, "ghost", 0, _result(True))
    with pytest.raises(GateRefused, match=r"build ghost is not recorded in audit\.dbt_builds"):
        assert_publishable(warehouse, "ghost")


@pytest.mark.parametrize(
    ("status", "reason"),
    [("failed", r"failed: 2 node\(s\) failed"), ("running", "running: it did not finish")],
)
def test_refuses_a_build_that_failed_or_did_not_finish_even_if_checked(
    warehouse: Path, status: str, reason: str
) -> None:
    record_build(warehouse, "b3", minutes=2, status=status, n_failed=2 if status == "failed" else 0)
    _record(warehouse, "b3", 5, _result(True))
    for build_id in ("b3", None):
        with pytest.raises(GateRefused, match=rf"build b3 \(build\) {reason}"):
            assert_publishable(warehouse, build_id)


@pytest.mark.slow
def test_a_failed_dbt_build_records_failed_and_the_gate_refuses_it(tmp_path: Path) -> None:
    """Real dbt: a seed that works, then a build that fails (no raw tables) — both recorded."""
    db_path = tmp_path / "warehouse" / "cxbench.duckdb"
    run_dbt(["seed", "--select", "pillars"], db_path)
    seeded = last_build(db_path)
    assert seeded is not None and seeded.succeeded and seeded.n_nodes == 1
    with pytest.raises(DbtError):
        run_dbt(["build", "--select", "stg_survey__evaluations"], db_path)
    failed = last_build(db_path)
    assert failed is not None and failed.invocation_id != seeded.invocation_id
    assert (failed.command, failed.selection, failed.status) == (
        "build",
        "--select stg_survey__evaluations",
        "failed",
    )
    assert failed.n_failed == 1 and failed.n_nodes is not None and failed.n_nodes > 1
    assert failed.finished_at is not None and failed.finished_at >= failed.started_at
    _record(db_path, failed.invocation_id, 0, _result(True))  # even a passing check
    with pytest.raises(GateRefused, match="failed: 1 node"):
        assert_publishable(db_path)


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
    record_build(db_path, "real")
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
