"""Excel reader (.xlsx): one sheet, a chosen header row, streamed with openpyxl.

openpyxl's read-only mode parses the sheet's XML as a stream, so rows are
visited one at a time and collected into bounded chunks. Cells hold cached
values (``data_only``): a formula's last computed result, as the researcher saw
it. A workbook written by a program that never calculated it holds formulas
without results; read as values those cells would be blank answers, so the
sheet is read a second time for its formulas, side by side, and such a cell is
an error naming it. Text that merely looks like a formula (``=HYPERLINK(...)``
typed as text) stays that text. Rows that are empty in every column are not data rows and are
skipped; cells to the right of the header are outside the table and ignored.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from cxbench.ingestion.readers.arrow_stage import (
    CHUNK_ROWS,
    ROW_NUMBER_COLUMN,
    stage_batches,
    text_batch,
)
from cxbench.ingestion.readers.csv_dialect import duplicated_names, unique_names
from cxbench.ingestion.readers.errors import SourceReadError
from cxbench.ingestion.readers.options import ReadOptions
from cxbench.ingestion.readers.source_table import SourceTable


def open_excel(con: duckdb.DuckDBPyConnection, path: Path, options: ReadOptions) -> SourceTable:
    """Stage the chosen sheet of ``path`` from its header row down."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise SourceReadError(f"{path}: not a readable .xlsx workbook ({error})") from error
    try:
        sheet = _sheet(workbook, options.sheet, path)
        # Read every cell the sheet holds, not the extent its <dimension> claims:
        # writers other than Excel leave that too small, and rows would be lost.
        sheet.reset_dimensions()
        formulas[sheet.title].reset_dimensions()
        rows = sheet.iter_rows(min_row=options.header_row, values_only=True)
        written = formulas[sheet.title].iter_rows(min_row=options.header_row, values_only=True)
        next(written, None)
        header = next(rows, None)
        if header is None or all(value is None for value in header):
            raise SourceReadError(
                f"{path}: sheet {sheet.title!r} has no header in row {options.header_row}"
            )
        while header and header[-1] is None:
            header = header[:-1]
        columns = unique_names(list(header))
        where = f"{path}: sheet {sheet.title!r}"
        checked = _without_uncalculated(rows, written, options.header_row, len(columns), where)
        table = stage_batches(con, columns, _batches(checked, columns))
    finally:
        workbook.close()
        formulas.close()
    notes = (f"sheet {sheet.title!r}, header row {options.header_row}",)
    return SourceTable(
        relation=table,
        columns=tuple(columns),
        notes=notes,
        row_number_column=ROW_NUMBER_COLUMN,
        duplicated=duplicated_names(list(header)),
    )


def _sheet(workbook: object, wanted: str | int | None, path: Path) -> object:
    names = workbook.sheetnames  # type: ignore[attr-defined]
    if wanted is None:
        return workbook[names[0]]  # type: ignore[index]
    if isinstance(wanted, int):
        if not 1 <= wanted <= len(names):
            raise SourceReadError(f"{path}: no sheet number {wanted} (it has {len(names)})")
        return workbook[names[wanted - 1]]  # type: ignore[index]
    if wanted not in names:
        raise SourceReadError(f"{path}: no sheet {wanted!r} (sheets: {', '.join(names)})")
    return workbook[wanted]  # type: ignore[index]


def _without_uncalculated(
    rows: Iterator[tuple[object, ...]],
    written: Iterator[tuple[object, ...]],
    header_row: int,
    width: int,
    where: str,
) -> Iterator[tuple[object, ...]]:
    """``rows`` as they are, or a :class:`SourceReadError` at a formula without a result."""
    for sheet_row, (values, cells) in enumerate(zip(rows, written, strict=False), header_row + 1):
        for position, (value, cell) in enumerate(zip(values[:width], cells, strict=False), 1):
            if value is None and isinstance(cell, str) and cell.startswith("="):
                raise SourceReadError(
                    f"{where} cell {get_column_letter(position)}{sheet_row}: formula {cell[:60]} "
                    "has no calculated value saved (the workbook was written by a program "
                    "that did not compute it); open and save it in Excel, or export as CSV"
                )
        yield values


def _batches(rows: Iterator[tuple[object, ...]], columns: list[str]) -> Iterator[pa.RecordBatch]:
    """Chunks of non-empty rows, numbered by their position below the header."""
    width = len(columns)
    numbers: list[int] = []
    chunk: list[list[object]] = [[] for _ in columns]
    for data_row, row in enumerate(rows, 1):
        cells = (tuple(row) + (None,) * width)[:width]
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
            continue
        numbers.append(data_row)
        for position, cell in enumerate(cells):
            chunk[position].append(cell)
        if len(numbers) == CHUNK_ROWS:
            yield text_batch(numbers, columns, chunk)
            numbers, chunk = [], [[] for _ in columns]
    if numbers:
        yield text_batch(numbers, columns, chunk)
