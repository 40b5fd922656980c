"""A rich table of a quality run, for the CLI to print."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from cxbench.expectations.check_run import CheckResult, CheckRun
from cxbench.expectations.suites.raw_study_coverage import SUITE_NAME as STUDY_COVERAGE_SUITE

OUTCOME_STYLE = {"pass": "green", "warn": "yellow", "FAIL": "bold red", "skip": "dim"}


def check_run_table(run: CheckRun, only_failed: bool = True) -> Table:
    """One row per expectation: suite, expectation, column, severity, result, observed value.

    By default only what needs attention is listed (failures of either severity,
    and skipped suites): a run has about a hundred expectations. The title always
    carries the totals, so nothing is hidden; ``only_failed=False`` lists all.
    """
    verdict = "[green]passed[/]" if run.success else "[bold red]failed[/]"
    n_warnings = sum(1 for result in run.failed if not result.blocks)
    skipped = f", {len(run.skipped)} suites skipped" if run.skipped else ""
    table = Table(
        title=f"Quality run {run.run_id} (build {run.build_id or 'unknown'}): {verdict} "
        f"({len(run.results)} expectations, {len(run.blocking)} errors, "
        f"{n_warnings} warnings{skipped})",
        title_justify="left",
    )
    for header in ("suite", "expectation", "column", "severity", "result", "observed"):
        table.add_column(header, overflow="fold")
    for result in run.results:
        if only_failed and result.success:
            continue
        outcome = _outcome(result)
        column = result.column or ""
        if result.rule:
            column = f"{column} [{result.rule}]"
        if result.condition:
            column = f"{column} where {result.condition}"
        table.add_row(
            escape(result.suite),
            escape(result.expectation.removeprefix("expect_")),
            escape(column),
            escape(result.severity),
            f"[{OUTCOME_STYLE[outcome]}]{outcome}[/]",
            escape(_observed(result)),
        )
    for skipped in run.skipped:
        table.add_row(escape(skipped.suite), "", "", "", "[dim]skip[/]", escape(skipped.reason))
    return table


def _observed(result: CheckResult) -> str:
    """The observed value, and for a failure the first row that triggered it."""
    observed = result.observed_value or ""
    if result.success or not result.unexpected_examples:
        return observed
    example = result.unexpected_examples[0]
    if isinstance(example, dict):
        example = ", ".join(f"{key}={_short(value)}" for key, value in example.items())
    return f"{observed}; e.g. {example}"


def _short(value: object) -> str:
    return f"{value:.3g}" if isinstance(value, float) else str(value)


def _outcome(result: CheckResult) -> str:
    if result.success:
        return "pass"
    return "FAIL" if result.blocks else "warn"


_NEVER_SCORING_KEYS = ("source_file", "batch_id", "study_id", "subject", "subject_id", "reason")


def never_scoring_lines(run: CheckRun) -> list[str]:
    """A warning per batch × declared pillar or outcome that never scores (raw_study_coverage).

    Listed below the table, one line each with file, study and reason, because
    the table shows only the first example; the list holds the examples the run
    kept (``max_unexpected_examples``), and says how many more there are.
    """
    lines = []
    for result in run.results:
        if result.suite != STUDY_COVERAGE_SUITE or result.success:
            continue
        for example in result.unexpected_examples:
            if isinstance(example, dict):
                shown = {key: escape(str(example.get(key))) for key in _NEVER_SCORING_KEYS}
                lines.append(
                    f"[yellow]warning:[/] {shown['source_file']} (batch {shown['batch_id']}, "
                    f"study {shown['study_id']}): {shown['subject']} {shown['subject_id']} "
                    f"never scores: {shown['reason']}"
                )
        more = (result.unexpected_count or 0) - len(result.unexpected_examples)
        if more > 0:
            lines.append(
                f"[yellow]warning:[/] … and {more} more; see audit.quality_results "
                f"where suite = '{STUDY_COVERAGE_SUITE}' or raw.load_warnings"
            )
    return lines
