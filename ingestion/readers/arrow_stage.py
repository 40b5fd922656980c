"""Stage formats DuckDB cannot scan (Excel, SPSS) as a temporary text table, chunk by chunk.

Readers hand over Arrow record batches of bounded size; each is appended to one
connection-local temporary table, so memory holds one chunk at a time whatever
the file size. The table's insertion order is the file's row order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

import duckdb
import pyarrow as pa

from cxcore.sql_text import quote_identifier

STAGED_TABLE = "staged_source"
ROW_NUMBER_COLUMN = "source_row_number"
CHUNK_ROWS = 50_000


def stage_batches(
    con: duckdb.DuckDBPyConnection, columns: Sequence[str], batches: Iterable[pa.RecordBatch]
) -> str:
    """Create ``staged_source`` from ``batches``; return its name.

    Each batch's first column is the data row number (``source_row_number``), the
    others are ``columns`` as text.
    """
    definition = ", ".join(f"{quote_identifier(name)} varchar" for name in columns)
    con.execute(
        f"create or replace temp table {STAGED_TABLE} ({ROW_NUMBER_COLUMN} bigint, {definition})"
    )
    for batch in batches:
        con.register("staged_chunk", batch)
        try:
            con.execute(f"insert into {STAGED_TABLE} select * from staged_chunk")
        finally:
            con.unregister("staged_chunk")
    return STAGED_TABLE


def text_batch(
    row_numbers: Sequence[int], columns: Sequence[str], values: Sequence[Sequence[object]]
) -> pa.RecordBatch:
    """One record batch: row numbers, then text columns from per-column Python values."""
    arrays = [pa.array(row_numbers, pa.int64())]
    arrays += [pa.array([cell_text(value) for value in column], pa.string()) for column in values]
    return pa.RecordBatch.from_arrays(arrays, names=[ROW_NUMBER_COLUMN, *columns])


def cell_text(value: object) -> str | None:
    """A cell as the text a CSV export of it would hold.

    Whole numbers lose their ``.0`` (SPSS and Excel store 7 as 7.0) so that codes
    match value maps and missing codes written as ``7``; a date at midnight is a
    date; empty text and NaN are missing.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None
