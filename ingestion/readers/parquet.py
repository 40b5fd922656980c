"""Parquet reader: typed columns are cast to text so one set of checks serves every format."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.sql_text import quote_identifier


def stage_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    """Read ``path`` into temporary ``table`` with its file row number, values as text."""
    described = con.execute("describe select * from read_parquet(?)", [str(path)]).fetchall()
    casts = ", ".join(
        f"cast({quote_identifier(name)} as varchar) as {quote_identifier(name)}"
        for name, *_ in described
    )
    con.execute(
        f"create or replace temp table {table} as "
        f"select file_row_number + 1 as source_row_number, {casts} "
        f"from read_parquet(?, file_row_number = true)",
        [str(path)],
    )
