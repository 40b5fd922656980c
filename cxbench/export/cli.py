"""The ``cxbench export`` command: options, progress, the outcome in a few lines.

Exit codes: 0 written; 2 bad input (an unknown format, a non-empty folder without
--force, a table too large for Excel, a warehouse without marts or publications,
dbt docs that cannot be read), with the reason and nothing written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cxbench.console import console, progress_bar, red
from cxbench.export.request import FORMATS, ExportRefused, ExportRequest, Scope
from cxcore.settings import WarehousePathError, load_settings

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]


def register(app: typer.Typer) -> None:
    """Add ``export`` to the ``cxbench`` command."""
    app.command(name="export")(export)


def export(
    file_format: Annotated[
        str, typer.Option("--format", help=f"File format: {', '.join(FORMATS)}.")
    ],
    to: Annotated[Path, typer.Option("--to", help="Folder to write (new or empty).")],
    published_only: Annotated[
        bool,
        typer.Option(
            "--published-only",
            help="Only the published rankings (schema published): what may leave the house.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Write into a non-empty folder, replacing a previous export."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Write every mart (or the published rankings) as Parquet, CSV or Excel, with a data
    dictionary from the dbt docs and a manifest (build, methodology, rows, checksums)."""
    scope = Scope.PUBLISHED if published_only else Scope.MARTS
    if file_format.lower() not in FORMATS:
        console.print(
            red(f"cxbench export: --format {file_format!r} is not one of {', '.join(FORMATS)}"),
            highlight=False,
        )
        raise typer.Exit(2)
    import duckdb

    from cxbench.export.run import Progress, run_export

    try:
        request = ExportRequest(load_settings(db).db_path, file_format.lower(), to, scope, force)
        with progress_bar() as bar:
            task = bar.add_task("reading the warehouse", total=None)
            result = run_export(
                request,
                Progress(
                    on_start=lambda total: bar.update(task, total=total, completed=0),
                    on_table=lambda relation: bar.update(task, description=relation),
                    on_rows=lambda rows: bar.advance(task, rows),
                ),
            )
            bar.update(task, description="exported")
    except (ExportRefused, WarehousePathError) as refusal:
        console.print(red(f"cxbench export: {refusal}"), highlight=False)
        raise typer.Exit(2) from None
    except duckdb.Error as error:  # a damaged file, or one a writer holds: nothing was written
        console.print(red(f"cxbench export: cannot read the warehouse: {error}"), highlight=False)
        raise typer.Exit(2) from None
    n_rows = sum(table.n_rows for table in result.tables)
    manifest = result.manifest
    console.print(
        f"exported {len(result.tables)} tables ({n_rows:,} rows) as {request.file_format} "
        f"to {result.target} in {result.seconds:.1f} s: build {manifest['build_id']}, "
        f"methodology {manifest['methodology_version']}; see manifest.json and "
        "data_dictionary.md",
        markup=False,
        highlight=False,
    )
    if result.undescribed:
        console.print(
            f"warning: the dbt docs describe no {', '.join(result.undescribed[:10])}"
            + (" …" if len(result.undescribed) > 10 else ""),
            markup=False,
            highlight=False,
        )
