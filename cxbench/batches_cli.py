"""``cxbench retract``: take a wrong batch out of the marts, keeping its rows for the audit.

Its counterpart for a corrected file is ``cxbench ingest --replace``; both only
change a batch's status in ``raw.load_batches`` (ingestion/batch_status.py),
and the next ``cxbench build`` (or ``refresh``) rebuilds the marts from the
active batches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from cxbench.cli_lock import writing
from cxbench.console import console
from cxcore.settings import load_settings

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]


def retract(
    batch_id: Annotated[str, typer.Argument(help="The batch, as in raw.load_batches.batch_id.")],
    reason: Annotated[
        str, typer.Option(help="Why, stored on the batch (status_reason).")
    ] = "retracted by hand",
    db: DbOption = None,
) -> None:
    """Retract a survey or maturity batch: its rows stay in raw, marked, and leave the marts.

    Exit 2 when the batch is unknown, already superseded or retracted, or
    reference data. Rebuild afterwards (``cxbench build``) so the marts drop it.
    """
    import duckdb

    from cxbench.ingestion.batch_status import BatchStatusError, retract_batch

    settings = load_settings(db)
    with writing(settings.db_path, f"cxbench retract {batch_id}"):
        try:
            result = retract_batch(settings.db_path, batch_id, reason)
        except (BatchStatusError, duckdb.Error) as error:
            console.print(f"[red]{escape(str(error))}[/]", highlight=False)
            raise typer.Exit(2) from None
    console.print(
        f"retracted batch {escape(result.batch_id)} ({escape(result.kind)}, "
        f"{result.rows_loaded:,} rows from {escape(Path(result.source_path).name)}); "
        "its rows stay in raw for the audit trail. Rebuild the marts without it: cxbench build",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``retract`` to the ``cxbench`` app."""
    app.command()(retract)
