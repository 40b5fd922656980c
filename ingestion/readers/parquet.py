"""Parquet reader: typed columns shown as text so one set of checks serves every format."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from cxbench.ingestion.readers.csv_dialect import duplicated_names
from cxbench.ingestion.readers.source_table import SourceTable
from cxcore.sql_text import quote_identifier, quote_literal


def open_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> SourceTable:
    """Describe ``path`` as a ``read_parquet`` relation with every column cast to text.

    Reading the schema here reads the footer, so a truncated file fails now, with
    nothing written, rather than halfway through the load.
    """
    scan = f"read_parquet({quote_literal(str(path))})"
    described = con.execute(f"describe select * from {scan}").fetchall()
    columns = tuple(name for name, *_ in described)
    # Never cast by the reader: a boolean (cast to DOUBLE it would store true as 1;
    # read as text, 'true' is rejected as not a number, as an Excel TRUE is), and
    # text, which the loader parses itself (a cast would read "1_0" as 10).
    as_text = tuple(name for name, kind, *_ in described if kind in {"BOOLEAN", "VARCHAR"})

    def relation(typed: Mapping[str, str]) -> str:
        # A cast only widens: DOUBLE 7.5 cast to SMALLINT would round to 8 without
        # an error, so whole-number requests are served as DOUBLE.
        casts = ", ".join(
            f"cast({quote_identifier(name)} as {_widened(typed.get(name, 'VARCHAR'))}) "
            f"as {quote_identifier(name)}"
            for name in columns
        )
        return f"(select {casts} from {scan})"

    return SourceTable(
        relation=relation({}),
        columns=columns,
        typed_relation=relation,
        duplicated=_duplicated(path),
        text_only=as_text,
    )


def _duplicated(path: Path) -> tuple[str, ...]:
    """The file's own column names that repeat (DuckDB shows the repeats as ``name_1``)."""
    try:
        return duplicated_names(pq.read_schema(path).names)
    except (pa.ArrowException, OSError):  # DuckDB read the footer; its names are all we have
        return ()


def _widened(kind: str) -> str:
    return "DOUBLE" if kind in {"SMALLINT", "INTEGER", "BIGINT"} else kind
