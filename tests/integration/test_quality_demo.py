"""Every suite passes on clean generated data: the session's demo warehouse, checked on a copy.

The demo already ran ``cxbench check`` once (the fixture asserts it exited 0);
this test runs the suites again on a private copy so that it can look at every
result without writing audit rows into the shared warehouse.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cxbench.expectations.check_run import CheckRun
from cxbench.expectations.gate import assert_publishable
from cxbench.expectations.runner import run_checks
from cxbench.expectations.suites import REGISTRY
from tests.conftest import DemoWarehouse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def checked_copy(
    demo_warehouse: DemoWarehouse, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CheckRun]:
    copy = tmp_path_factory.mktemp("demo_copy") / "cxbench.duckdb"
    shutil.copy(demo_warehouse.db_path, copy)
    run = run_checks(copy)  # against the build the demo recorded
    assert run.success
    return copy, run


def test_no_error_on_clean_generated_data(checked_copy: tuple[Path, CheckRun]) -> None:
    _, run = checked_copy
    assert run.blocking == ()


def test_every_suite_ran(checked_copy: tuple[Path, CheckRun]) -> None:
    _, run = checked_copy
    ran = {result.suite for result in run.results}
    skipped = {skipped.suite for skipped in run.skipped}
    assert ran | skipped == set(REGISTRY)
    assert skipped <= {"raw_maturity_assessments"}


def test_only_wave_over_wave_checks_may_warn(checked_copy: tuple[Path, CheckRun]) -> None:
    """Planted movers shift by 0.6–1.2 points: they should be flagged for a look, nothing else."""
    _, run = checked_copy
    warned = {(result.suite, result.column) for result in run.failed}
    assert warned <= {("wave_score_jumps", "score_jump_in_standard_errors")}


def test_the_gate_accepts_the_checked_demo_build(checked_copy: tuple[Path, CheckRun]) -> None:
    copy, run = checked_copy
    summary = assert_publishable(copy)
    assert summary.run_id == run.run_id
    assert summary.build_id == run.build_id is not None
