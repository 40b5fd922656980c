"""A rich table of a quality run, for the CLI to print."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from expectations.check_run import CheckResult, CheckRun

OUTCOME_STYLE = {"pass": "green", "warn": "yellow", "FAIL": "bold red"}


def check_run_table(run: CheckRun, only_failed: bool = False) -> Table:
    """One row per expectation: suite, expectation, column, severity, result, observed value.

    ``only_failed`` keeps the table short once suites grow; the title always
    carries the totals so nothing is hidden.
    """
    verdict = "[green]passed[/]" if run.success else "[bold red]failed[/]"
    table = Table(
        title=f"Quality run {run.run_id}: {verdict} "
        f"({len(run.results)} expectations, {len(run.failed)} failed)",
        title_justify="left",
    )
    for header in ("suite", "expectation", "column", "severity", "result", "observed"):
        table.add_column(header, overflow="fold")
    for result in run.results:
        if only_failed and result.success:
            continue
        outcome = _outcome(result)
        column = result.column or ""
        if result.condition:
            column = f"{column} where {result.condition}"
        table.add_row(
            escape(result.suite),
            escape(result.expectation.removeprefix("expect_")),
            escape(column),
            escape(result.severity),
            f"[{OUTCOME_STYLE[outcome]}]{outcome}[/]",
            escape(result.observed_value or ""),
        )
    return table


def _outcome(result: CheckResult) -> str:
    if result.success:
        return "pass"
    return "FAIL" if result.blocks else "warn"
