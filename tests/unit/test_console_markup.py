"""The CLI console prints messages literally: brackets in data are text, never markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.markup import escape

from cxbench.console import console, ingest_details, red
from cxbench.console_markup import LiteralConsole
from cxbench.pipeline import IngestReport


def _printed(*objects: object) -> str:
    target = LiteralConsole(width=200, color_system=None, record=True)
    target.print(*objects, highlight=False)
    return target.export_text().rstrip("\n")


@pytest.mark.parametrize(
    "message",
    [
        "outcomes.nps.scale: must be [low, high] with low < high, got [10, 0]",
        "/tmp/[/path]/x.csv: cannot read file",
        "[/] closes nothing",
        "[/red] closes nothing either",
        "an emoji code :smile: and [link=http://x] stay",
        "[RUN] a dbt line, [bold",
    ],
)
def test_data_in_brackets_prints_verbatim(message: str) -> None:
    assert _printed(f"[red]error:[/] {message}") == f"error: {message}"
    assert _printed(red(message)) == message


def test_own_style_tags_still_style() -> None:
    text = _printed("[bold green]ok[/] and [yellow]warning:[/] x")
    assert text == "ok and warning: x"


def test_rich_escapes_keep_their_meaning() -> None:
    assert _printed(f"[red]{escape('[bold] is data')}[/]") == "[bold] is data"


def test_ingest_error_with_markup_like_text_never_crashes() -> None:
    report = IngestReport(
        errors={Path("x"): "x.yaml: defaults.scal: unknown option [/etc] (did you mean scale?)"}
    )
    lines = ingest_details(report)
    assert _printed(*lines) == (
        "error: x.yaml: defaults.scal: unknown option [/etc] (did you mean scale?)"
    )
    assert isinstance(console, LiteralConsole)
