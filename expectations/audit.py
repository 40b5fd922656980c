"""Writes a quality run to ``audit.quality_runs`` and ``audit.quality_results``.

The audit tables are the record the publish step and the app's Data quality page
read, so a run is written whole or not at all: one transaction for both tables.
Columns follow docs/data-contracts.md §5; timestamps are UTC.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from cxbench.expectations.check_run import CheckResult, CheckRun
from cxcore.storage import connect_writable

#: ``severity`` of the row that records a suite skipped for an absent optional table;
#: its ``success`` is NULL: nothing was checked, so nothing passed or failed.
SKIPPED = "skipped"

DDL = (
    "create schema if not exists audit",
    """
    create table if not exists audit.quality_runs (
        run_id varchar primary key,
        build_id varchar,
        started_at timestamp,
        finished_at timestamp,
        success boolean,
        n_expectations integer,
        n_failed integer
    )
    """,
    """
    create table if not exists audit.quality_results (
        run_id varchar,
        suite varchar,
        expectation varchar,
        column_name varchar,
        severity varchar,
        success boolean,
        observed_value varchar,
        unexpected_examples varchar
    )
    """,
)

INSERT_RUN = "insert into audit.quality_runs values (?, ?, ?, ?, ?, ?, ?)"
INSERT_RESULT = "insert into audit.quality_results values (?, ?, ?, ?, ?, ?, ?, ?)"


def write_run(db_path: Path, run: CheckRun) -> None:
    """Append one run and its results, creating the audit schema on first use.

    ``n_expectations`` counts the expectations evaluated; a skipped suite adds a
    result row (severity ``skipped``) but no expectation.
    """
    run_row = (
        run.run_id,
        run.build_id,
        _utc_naive(run.started_at),
        _utc_naive(run.finished_at),
        run.success,
        len(run.results),
        len(run.failed),
    )
    result_rows = [
        (
            run.run_id,
            result.suite,
            result.expectation,
            result.column,
            result.severity,
            result.success,
            _observed_text(result),
            json.dumps(list(result.unexpected_examples), default=str),
        )
        for result in run.results
    ]
    result_rows += [
        (run.run_id, skipped.suite, "suite_skipped", None, SKIPPED, None, skipped.reason, "[]")
        for skipped in run.skipped
    ]
    with connect_writable(db_path) as connection:
        connection.execute("begin transaction")
        try:
            for statement in DDL:
                connection.execute(statement)
            connection.execute(INSERT_RUN, run_row)
            if result_rows:
                connection.executemany(INSERT_RESULT, result_rows)
            connection.execute("commit")
        except BaseException:
            connection.execute("rollback")
            raise


def _observed_text(result: CheckResult) -> str | None:
    """The observation, naming the rule and the rows it covers where the type alone does not.

    Contract §5 has no column for the row condition or the rule, and without them
    two checks on the same column (all rows vs. eligible rows; e-mail vs. phone
    pattern) would read alike in the audit table.
    """
    observed = result.observed_value
    if result.rule is not None:
        observed = f"{observed} [{result.rule}]"
    if result.condition is not None:
        observed = f"{observed} (rows where {result.condition})"
    return observed


def _utc_naive(moment: datetime) -> datetime:
    """A plain ``timestamp`` column holds UTC; converting here avoids needing pytz on read."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
