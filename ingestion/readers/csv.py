"""CSV reader: every field staged as text so that checks, not the parser, judge values."""

from __future__ import annotations

from pathlib import Path

import duckdb


def stage_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    table: str,
    delimiter: str | None,
    encoding: str,
) -> None:
    """Read ``path`` as all-text columns into temporary ``table`` with row numbers.

    ``all_varchar`` keeps "7,5" or "n/a" as text instead of failing the file or
    silently turning it into NULL; the contract checks then reject that one row
    with its reason. Insertion order is preserved, so ``rowid`` is the file order.
    """
    options = "header = true, all_varchar = true, encoding = ?"
    parameters: list[object] = [str(path), encoding.lower()]
    if delimiter:
        options += ", delim = ?"
        parameters.append(delimiter)
    con.execute(
        f"create or replace temp table {table}_text as select * from read_csv(?, {options})",
        parameters,
    )
    # Temporary tables number their rows from a large offset, so count from the first.
    con.execute(
        f"create or replace temp table {table} as "
        f"select rowid - (select min(rowid) from {table}_text) + 1 as source_row_number, * "
        f"from {table}_text"
    )
    con.execute(f"drop table {table}_text")
