"""The writer lock as the CLI's commands take it: busy means exit 2 with who holds it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.markup import escape

from cxbench.console import console
from cxbench.writer_lock import WarehouseBusy, writer_lock


@contextlib.contextmanager
def writing(db_path: Path, command: str) -> Iterator[None]:
    """Run the block holding ``db_path``'s writer lock; exit 2 naming the holder when busy."""
    try:
        with writer_lock(db_path, command):
            yield
    except WarehouseBusy as error:
        console.print(f"[red]{escape(str(error))}[/]", highlight=False)
        raise typer.Exit(2) from None
