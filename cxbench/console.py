"""Rich rendering for the CLI: progress bars and summary tables, nothing else.

Both consoles print messages literally (:mod:`cxbench.console_markup`): a file
name, a mapping key or an error quoting ``[low, high]`` appears as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from cxbench.console_markup import LiteralConsole

if TYPE_CHECKING:  # the CLI's start-up stays free of the ingestion stack
    from cxbench.pipeline import IngestReport

console: Console = LiteralConsole()
#: For commands whose stdout is data (``cxbench bench`` prints JSON): bars go here.
err_console: Console = LiteralConsole(stderr=True)


@contextmanager
def progress_bar(target: Console = console) -> Iterator[Progress]:
    """A progress bar with counts, elapsed and remaining time, drawn on ``target``."""
    with Progress(
        SpinnerColumn(),
        # The description names files: text, never markup.
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=target,
        transient=False,
    ) as progress:
        yield progress


def ingest_table(report: IngestReport) -> Table:
    """One line per file: status and ``rows_in = rows_loaded + rows_rejected``."""
    table = Table(title="Ingest summary", show_lines=False)
    for column in ("file", "kind", "status", "rows_in", "loaded", "rejected", "note"):
        justify = "right" if column in {"rows_in", "loaded", "rejected"} else "left"
        table.add_column(column, justify=justify)
    for result in report.results:
        colour = {"loaded": "green", "skipped": "yellow", "refused": "red"}[result.status]
        table.add_row(
            Text(result.source_path.name),
            result.kind,
            f"[{colour}]{result.status}[/]",
            f"{result.rows_in:,}",
            f"{result.rows_loaded:,}",
            f"{result.rows_rejected:,}",
            Text(
                result.message
                or (
                    f"{result.rows_in:,} = {result.rows_loaded:,} + {result.rows_rejected:,}"
                    if result.status == "loaded"
                    else ""
                )
            ),
        )
    for path in report.errors:
        table.add_row(Text(path.name), "", "[red]error[/]", "", "", "", "see below")
    return table


def ingest_details(report: IngestReport) -> list[str]:
    """Below the table: what was detected, the commonest rejects, and every error in full."""
    lines: list[str] = []
    for result in report.results:
        if result.notes:
            lines.append(escape(f"{result.source_path.name}: {'; '.join(result.notes)}"))
        if result.replaced:
            lines.append(
                f"{escape(result.source_path.name)}: replaces batch "
                f"{escape(', '.join(result.replaced))}, now superseded by {result.batch_id} "
                "(its rows stay in raw; rebuild the marts: cxbench build)"
            )
        if result.status == "refused" and result.top_reasons:
            lines.append(f"{escape(result.source_path.name)}: commonest reject reasons:")
            lines += [f"  {count:,} × {escape(reason)}" for reason, count in result.top_reasons]
        elif result.top_rejects and result.status != "skipped":
            commonest = ", ".join(f"{field} ({count:,})" for field, count in result.top_rejects)
            lines.append(
                escape(
                    f"{result.source_path.name}: rejected rows by field: {commonest} "
                    f"— see raw.rejected_rows where batch_id = '{result.batch_id}'"
                )
            )
    lines += [f"[red]error:[/] {escape(error)}" for error in report.errors.values()]
    return lines


def coverage_lines(report: IngestReport) -> list[str]:
    """Per survey file: its study, the pillars it measures, its outcomes and weights.

    Pillars read "Integrity 3/5, Empathy 1/5": statements the questionnaire asks
    of the pillar's catalogue statements, which its pillar scores count against.
    Lines rather than a table: the pillar list is long and must not be cut.
    """
    lines = []
    for path, summary in report.coverage.items():
        lines += [
            f"[bold]{escape(path.name)}[/]: study {escape(summary.study_id)} "
            f"({escape(summary.study_name)})",
            f"  pillars: {escape(summary.pillars_text())}",
            f"  outcomes: {escape(summary.outcomes_text())}",
            f"  weights: {escape(summary.weights_text())}",
        ]
    return lines


def never_scoring_lines(report: IngestReport) -> list[str]:
    """A warning per declared pillar or outcome of a loaded file that can never score."""
    return [
        f"[yellow]warning:[/] {escape(warning.message())}"
        for result in report.results
        for warning in result.warnings
    ]


def layer_table(counts: dict[str, dict[str, int | None]]) -> Table:
    """Rows per table and layer, for the demo's closing summary."""
    table = Table(title="Rows per layer")
    table.add_column("layer")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for layer, tables in counts.items():
        for name, rows in tables.items():
            table.add_row(layer, name, "—" if rows is None else f"{rows:,}")
    return table


def red(message: object) -> Text:
    """An error message in red, every character as written (no markup, no emoji)."""
    return Text(str(message), style="red")
