"""File writers per format: Parquet and CSV one file per table, Excel one workbook.

Rows stream from DuckDB as Arrow record batches, so a large mart is never held
whole in memory, and each writer reports the rows it wrote (the progress bar and
the manifest's row counts come from what was written, not from a count taken
beforehand). Parquet keeps every type; CSV and Excel have no cell for a list or
struct, so those columns are written as JSON text (the dictionary says so).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from cxbench.export.request import ExportRefused

#: Excel's sheet size: 1,048,576 rows including the header row.
XLSX_MAX_ROWS = 1_048_575
XLSX_MAX_COLUMNS = 16_384
XLSX_MAX_SHEET_NAME = 31
XLSX_MAX_CELL_TEXT = 32_767
WORKBOOK_NAME = "cxbench_export.xlsx"
DICTIONARY_SHEET = "dictionary"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

OnRows = Callable[[int], None]


def _is_nested(data_type: pa.DataType) -> bool:
    return pa.types.is_nested(data_type)


def textual_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``batch`` with every list, struct or map column as JSON text (for CSV and Excel)."""
    if not any(_is_nested(field.type) for field in batch.schema):
        return batch
    arrays, fields = [], []
    for field, array in zip(batch.schema, batch.columns, strict=True):
        if _is_nested(field.type):
            texts = [None if value is None else json.dumps(value, default=str)
                     for value in array.to_pylist()]  # fmt: skip
            array = pa.array(texts, type=pa.string())
            field = pa.field(field.name, pa.string())
        arrays.append(array)
        fields.append(field)
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))


def write_parquet(reader: pa.RecordBatchReader, path: Path, on_rows: OnRows) -> int:
    """Write every batch of ``reader`` to one Parquet file; the number of rows written."""
    n_rows = 0
    with pq.ParquetWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n_rows += batch.num_rows
            on_rows(batch.num_rows)
    return n_rows


def write_csv(reader: pa.RecordBatchReader, path: Path, on_rows: OnRows) -> int:
    """Write every batch of ``reader`` to one CSV file with a header row (UTF-8)."""
    n_rows = 0
    writer: pa_csv.CSVWriter | None = None
    try:
        for batch in reader:
            text = textual_batch(batch)
            if writer is None:
                writer = pa_csv.CSVWriter(path, text.schema)
            writer.write_batch(text)
            n_rows += batch.num_rows
            on_rows(batch.num_rows)
        if writer is None:  # no batch at all: still a file with the header
            schema = pa.schema(
                pa.field(field.name, pa.string()) if _is_nested(field.type) else field
                for field in reader.schema
            )
            writer = pa_csv.CSVWriter(path, schema)
    finally:
        if writer is not None:
            writer.close()
    return n_rows


def sheet_names(relations: Iterable[str]) -> dict[str, str]:
    """A unique sheet name of at most 31 characters per relation (its table name)."""
    names: dict[str, str] = {}
    used = {DICTIONARY_SHEET}
    for relation in relations:
        base = _SHEET_FORBIDDEN.sub("_", relation.split(".", 1)[-1])[:XLSX_MAX_SHEET_NAME]
        name, counter = base, 1
        while name.lower() in used:
            counter += 1
            suffix = f"~{counter}"
            name = base[: XLSX_MAX_SHEET_NAME - len(suffix)] + suffix
        used.add(name.lower())
        names[relation] = name
    return names


def check_fits_excel(relation: str, n_rows: int, n_columns: int) -> None:
    """Refuse a table larger than an Excel sheet, before anything is written."""
    if n_rows > XLSX_MAX_ROWS:
        raise ExportRefused(
            f"{relation} has {n_rows:,} rows; an Excel sheet holds at most {XLSX_MAX_ROWS:,} "
            "below its header: export it as --format parquet or csv"
        )
    if n_columns > XLSX_MAX_COLUMNS:
        raise ExportRefused(
            f"{relation} has {n_columns:,} columns; Excel allows {XLSX_MAX_COLUMNS:,}"
        )


class Workbook:
    """An Excel workbook written in openpyxl's streaming mode, sheet after sheet."""

    def __init__(self, path: Path) -> None:
        from openpyxl import Workbook as OpenpyxlWorkbook

        self.path = path
        self._book = OpenpyxlWorkbook(write_only=True)

    def add_rows(self, sheet: str, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
        """A sheet of plain rows (the dictionary)."""
        worksheet = self._book.create_sheet(sheet)
        worksheet.append(list(header))
        for row in rows:
            worksheet.append([_cell(value, sheet) for value in row])

    def add_table(self, sheet: str, reader: pa.RecordBatchReader, on_rows: OnRows) -> int:
        """A sheet holding every row of ``reader`` under a header of its column names."""
        worksheet = self._book.create_sheet(sheet)
        worksheet.append(reader.schema.names)
        n_rows = 0
        for batch in reader:
            for row in textual_batch(batch).to_pylist():
                worksheet.append([_cell(value, sheet) for value in row.values()])
            n_rows += batch.num_rows
            on_rows(batch.num_rows)
        return n_rows

    def save(self) -> None:
        self._book.save(self.path)


def _cell(value: Any, sheet: str) -> Any:
    """A value Excel can hold: naive datetimes (UTC), finite numbers, text within its limit."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # Excel has no NaN or infinity: an empty cell, as for NULL
    if isinstance(value, str) and len(value) > XLSX_MAX_CELL_TEXT:
        raise ExportRefused(
            f"sheet {sheet}: a text of {len(value):,} characters is longer than an Excel "
            f"cell holds ({XLSX_MAX_CELL_TEXT:,}): export as --format parquet or csv"
        )
    return value
