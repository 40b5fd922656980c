"""The publication gate: a build is published only if its latest quality run passed.

The publish step calls :func:`assert_publishable` and stops on :class:`GateRefused`.
The gate reads the audit tables and nothing else — it does not re-run checks —
so what it accepts is exactly what ``audit.quality_runs`` records. Only the
*latest* run of a build counts: a passing run after a fix supersedes a failing
one, and a failing run after a pass (data changed, thresholds tightened) revokes
it. A build that was never checked is refused: no evidence is not a pass. Which
build made the warehouse, and whether it finished, is what the warehouse itself
recorded in ``audit.dbt_builds``; a build that failed, is still 'running' (killed
mid-way) or was never recorded is refused before its checks are looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from cxcore.dbt_builds import last_build, recorded_build

#: Failed expectations named in a refusal message before "and N more".
MAX_NAMED = 10

LATEST_RUN_SQL = """
select run_id, build_id, started_at, finished_at, success, n_expectations, n_failed
from audit.quality_runs
where build_id = ?
order by started_at desc, finished_at desc
limit 1
"""
FAILED_RESULTS_SQL = """
select suite, expectation, column_name, severity, observed_value
from audit.quality_results
where run_id = ? and success = false
order by severity, suite, expectation, column_name
"""


class GateRefused(RuntimeError):
    """The build may not be published; the message says why and names what failed."""

    def __init__(self, message: str, summary: CheckRunSummary | None = None) -> None:
        super().__init__(message)
        #: The run the decision was based on; None when there was no run.
        self.summary = summary


@dataclass(frozen=True)
class FailedExpectation:
    """One failed expectation of a recorded run."""

    suite: str
    expectation: str
    column: str | None
    severity: str
    observed_value: str | None

    def describe(self) -> str:
        """``suite: expectation on column (observed)`` for messages."""
        on = f" on {self.column}" if self.column else ""
        observed = f" ({self.observed_value})" if self.observed_value else ""
        return f"{self.suite}: {self.expectation}{on}{observed}"


@dataclass(frozen=True)
class CheckRunSummary:
    """The latest recorded quality run of a build, as the gate saw it."""

    run_id: str
    build_id: str
    started_at: datetime
    finished_at: datetime
    success: bool
    n_expectations: int
    n_failed: int
    failed: tuple[FailedExpectation, ...] = ()

    @property
    def errors(self) -> tuple[FailedExpectation, ...]:
        """Failed error-severity expectations: what blocks publication."""
        return tuple(item for item in self.failed if item.severity == "error")

    @property
    def warnings(self) -> tuple[FailedExpectation, ...]:
        """Failed warnings: published anyway, worth reading first."""
        return tuple(item for item in self.failed if item.severity != "error")


def assert_publishable(db_path: Path, build_id: str | None = None) -> CheckRunSummary:
    """Return the latest run of ``build_id`` if it passed; raise :class:`GateRefused` otherwise.

    ``build_id`` defaults to the warehouse's last dbt build (``audit.dbt_builds``).
    Refused: no recorded build, a build that failed or did not finish, no audit
    tables, no run for the build, or a latest run with a failed error-severity
    expectation (each named: suite, expectation, column).
    """
    build = recorded_build(db_path, build_id) if build_id else last_build(db_path)
    if build is None:
        what = f"build {build_id} is not" if build_id else "no dbt build is"
        raise GateRefused(
            f"{what} recorded in audit.dbt_builds of {db_path}; cannot tell what to publish"
        )
    build_id = build.invocation_id
    if not build.succeeded:
        failed = f"{build.n_failed} node(s) failed"
        why = "it did not finish" if build.status == "running" else failed
        raise GateRefused(f"build {build_id} ({build.command}) {build.status}: {why}")
    summary = latest_run(db_path, build_id)
    if summary is None:
        raise GateRefused(f"build {build_id} has no quality check run; run `cxbench check` first")
    if summary.success and not summary.errors:
        return summary
    named = [item.describe() for item in summary.errors[:MAX_NAMED]]
    more = len(summary.errors) - len(named)
    listing = "; ".join(named) + (f"; and {more} more" if more > 0 else "")
    raise GateRefused(
        f"build {build_id} refused: its latest quality run {summary.run_id} failed "
        f"{len(summary.errors)} error-severity expectation(s): {listing or 'see the run'}",
        summary,
    )


def latest_run(db_path: Path, build_id: str) -> CheckRunSummary | None:
    """The build's latest quality run with its failed expectations, read read-only."""
    if not db_path.is_file():
        return None
    with duckdb.connect(str(db_path), read_only=True) as connection:
        has_audit = connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'audit' and table_name in ('quality_runs', 'quality_results')"
        ).fetchall()[0][0]
        if has_audit < 2:
            return None
        runs = connection.execute(LATEST_RUN_SQL, [build_id]).fetchall()
        if not runs:
            return None
        run_id, build, started_at, finished_at, success, n_expectations, n_failed = runs[0]
        failed = connection.execute(FAILED_RESULTS_SQL, [run_id]).fetchall()
    return CheckRunSummary(
        run_id=run_id,
        build_id=build,
        started_at=started_at,
        finished_at=finished_at,
        success=bool(success),
        n_expectations=int(n_expectations),
        n_failed=int(n_failed),
        failed=tuple(FailedExpectation(*row) for row in failed),
    )
