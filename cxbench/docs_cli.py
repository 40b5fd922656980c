"""``cxbench docs`` and ``cxbench freshness``: dbt's documentation and source freshness.

Both only read the warehouse (profiles.yml's ``read_only`` target), so they run
beside the app and take no writer lock. Exit codes: 0 done, 1 dbt failed or a
raw table is past its error threshold, 2 bad input (no warehouse, not built,
being written, a port in use, an output folder that cannot be written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from cxbench.console import console, red
from cxbench.dbt_read_only import WarehouseUnreadable
from cxbench.dbt_runner import DbtError
from cxcore.settings import WarehousePathError, load_settings

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]
#: The site's folder beside the warehouse when --out is not given.
DOCS_FOLDER = "dbt_docs"


def register(app: typer.Typer) -> None:
    """Add ``docs`` and ``freshness`` to the ``cxbench`` command."""
    app.command(name="docs")(docs)
    app.command(name="freshness")(freshness)


def docs(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 to serve the site on.")] = 8580,
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the site, or only write it.")
    ] = True,
    out: Annotated[
        Path | None,
        typer.Option(help=f"Folder for the site (default: {DOCS_FOLDER}/ beside the warehouse)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Generate the dbt docs site (every model, column and test) and serve it on loopback."""
    from cxbench.dbt_docs import LOOPBACK, generate_site, site_server

    db_path = _db_path(db)
    folder = (out or db_path.parent / DOCS_FOLDER).resolve()
    server = None
    if serve:  # the port first: a taken one should not cost a generation
        try:
            server = site_server(folder, port)
        except OSError as error:
            console.print(red(f"cannot serve on {LOOPBACK}:{port}: {error} (try --port)"))
            raise typer.Exit(2) from None
    try:
        with console.status("dbt docs generate") as status:
            static = generate_site(db_path, folder, lambda line: status.update(Text(line[-90:])))
    except (WarehouseUnreadable, OSError, DbtError) as error:
        if server is not None:
            server.server_close()
        console.print(red(error), highlight=False)
        raise typer.Exit(1 if isinstance(error, DbtError) else 2) from None
    console.print(f"dbt docs written to {folder}", markup=False)
    console.print(f"one file, opens from disk: {static}", markup=False)
    if server is None:
        return
    console.print(f"serving on http://{LOOPBACK}:{port}/ (this machine only); Ctrl+C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def freshness(db: DbOption = None) -> None:
    """How old the newest raw loads are (dbt source freshness); exit 1 past a threshold."""
    from cxbench.dbt_freshness import check_freshness

    db_path = _db_path(db)
    try:
        with console.status("dbt source freshness"):
            results = check_freshness(db_path)
    except WarehouseUnreadable as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(2) from None
    except DbtError as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(1) from None
    table = Table(title="Source freshness (dbt source freshness)")
    table.add_column("source", no_wrap=True)
    table.add_column("newest load", no_wrap=True)
    table.add_column("age", justify="right", no_wrap=True)
    table.add_column("warn / error", no_wrap=True)
    table.add_column("status", no_wrap=True)
    colours = {"pass": "green", "warn": "yellow"}
    for result in results:
        table.add_row(
            Text(result.source),
            f"{result.newest_load:%Y-%m-%d}" if result.newest_load else "—",
            f"{result.age_days:,.0f} d" if result.age_days is not None else "—",
            f"{result.warn_after} / {result.error_after}",
            Text(result.status, style=colours.get(result.status, "red")),
        )
    console.print(table)
    for result in results:
        if result.message:
            console.print(red(f"{result.source}: {result.message}"), highlight=False)
    if any(result.is_error for result in results):
        raise typer.Exit(1)


def _db_path(db: Path | None) -> Path:
    try:
        return load_settings(db).db_path
    except WarehousePathError as error:
        console.print(red(error), highlight=False)
        raise typer.Exit(2) from None
