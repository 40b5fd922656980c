"""The ``cxbench export`` command: options, progress, the outcome in a few lines.

Exit codes: 0 written; 2 bad input (an unknown format, a non-empty folder without
--force, a table too large for Excel, a warehouse without marts or publications,
dbt docs that cannot be read), with the reason and nothing written.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, TaskID

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
    wave: Annotated[
        list[int] | None,
        typer.Option(
            "--wave",
            help="Only this wave's rows of tables with a wave column (others whole); repeatable.",
        ),
    ] = None,
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

    from cxbench.export.run import Progress as ExportProgress
    from cxbench.export.run import run_export

    try:
        request = ExportRequest(
            load_settings(db).db_path, file_format.lower(), to, scope, force,
            tuple(sorted(set(wave or ()))),
        )  # fmt: skip
        with ExitStack() as stack:
            bars: list[tuple[Progress, TaskID]] = []  # drawn once there is something to count

            def start(total: int) -> None:
                bar = stack.enter_context(progress_bar())
                bars.append((bar, bar.add_task("exporting", total=total)))

            result = run_export(
                request,
                ExportProgress(
                    on_start=start,
                    on_table=lambda relation: bars[0][0].update(bars[0][1], description=relation),
                    on_rows=lambda rows: bars[0][0].advance(bars[0][1], rows),
                    on_parse=lambda: console.print(
                        "the dbt manifest beside the warehouse is missing or incomplete: "
                        "reading the descriptions with dbt parse (a few seconds)",
                        markup=False,
                        highlight=False,
                    ),
                ),
            )
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
