"""Parquet reader: typed columns shown as text so one set of checks serves every format."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.readers.source_table import SourceTable
from ingestion.sql_text import quote_literal


def open_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> SourceTable:
    """Describe ``path`` as a ``read_parquet`` relation with every column cast to text.

    Reading the schema here reads the footer, so a truncated file fails now, with
    nothing written, rather than halfway through the load.
    """
    scan = f"read_parquet({quote_literal(str(path))})"
    described = con.execute(f"describe select * from {scan}").fetchall()
    return SourceTable(
        relation=f"(select cast(columns(*) as varchar) from {scan})",
        columns=tuple(name for name, *_ in described),
    )
