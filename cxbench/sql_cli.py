"""``cxbench sql``: one read-only query on the warehouse, in a sandbox.

The query is checked first (:mod:`cxbench.sql_guard`: one SELECT-type statement, no
file-reading functions) and then runs on :func:`cxcore.sandbox.connect_read_only`'s
connection, which refuses on its own whatever the check misses. Every refusal is
exit 2 with a message saying what was refused and why.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from cxbench.console import console, red
from cxcore.settings import load_settings

#: DuckDB's words for "the sandbox said no" (the configuration lock).
_LOCKED = "the configuration has been locked"


def register(app: typer.Typer) -> None:
    """Add ``cxbench sql`` to the CLI."""
    app.command(name="sql")(sql)


def sql(
    query: Annotated[str, typer.Argument(help="One read-only query (SELECT, WITH, DESCRIBE, …).")],
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."
        ),
    ] = None,
) -> None:
    """Run one read-only query against the warehouse (analysts' entry point).

    No file outside the warehouse can be read or written, no extension loaded, no
    setting changed; write files with ``cxbench export``.
    """
    import duckdb

    from cxbench.sql_guard import RefusedQuery, check_query
    from cxcore.sandbox import SandboxError, connect_read_only

    settings = load_settings(db)
    try:
        with connect_read_only(settings.db_path) as con:
            check_query(con, query)
            cursor = con.execute(query)
            columns = [item[0] for item in cursor.description or []]
            if as_csv:
                _write_csv(cursor, columns)
                return
            rows = cursor.fetchmany(MAX_TABLE_ROWS + 1)
    except (FileNotFoundError, SandboxError, RefusedQuery) as error:
        _fail(str(error))
    except duckdb.PermissionException as error:
        _fail(f"refused by the sandbox: {_first_line(error)}\n{_SANDBOX}")
    except duckdb.Error as error:
        if _LOCKED in str(error):
            _fail(f"refused by the sandbox: {_first_line(error)}\n{_SANDBOX}")
        _fail(str(error))
    from rich.table import Table

    table = Table(*columns)
    for row in rows[:MAX_TABLE_ROWS]:
        table.add_row(*("" if value is None else str(value) for value in row))
    console.print(table)
    if len(rows) > MAX_TABLE_ROWS:
        console.print(
            f"the first {MAX_TABLE_ROWS:,} rows; the result has more: aggregate or add a "
            "LIMIT, or print every row with --csv"
        )


#: Rows a table on the terminal shows: a longer result is one to aggregate or
#: write out, and holding it whole in memory for a table could exhaust the host.
MAX_TABLE_ROWS = 1_000
#: Rows fetched at a time for --csv, which streams: memory stays flat whatever the size.
CSV_BATCH_ROWS = 10_000


def _write_csv(cursor: object, columns: list[str]) -> None:
    """Every row as CSV on stdout, fetched in batches, never held whole."""
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    while batch := cursor.fetchmany(CSV_BATCH_ROWS):  # type: ignore[attr-defined]
        writer.writerows(batch)


_SANDBOX = (
    "cxbench sql reads the warehouse only: no other file, URL, extension or setting "
    "(write files with `cxbench export`)"
)


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def _fail(message: str) -> NoReturn:
    console.print(red(message), highlight=False)
    raise typer.Exit(2)
