"""SPSS reader (.sav/.zsav): codes as text, value labels kept beside them, in chunks.

pyreadstat reads a bounded number of cases per call, so a large file is never
held whole. Values are staged as their codes (``1``, not ``Male``); the value
labels travel with the :class:`SourceTable`, and the mapping decides per column
whether a row stores the code, the label (``labels: true``) or its own value map.
SPSS user-missing values arrive as NULL (not answered). Files written by old
SPSS versions may lack an encoding record: declare ``source.encoding`` (for
example ``windows-1252``) and it is passed to ReadStat.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyreadstat

from cxbench.ingestion.readers.arrow_stage import (
    CHUNK_ROWS,
    ROW_NUMBER_COLUMN,
    cell_text,
    stage_batches,
    text_batch,
)
from cxbench.ingestion.readers.errors import SourceReadError
from cxbench.ingestion.readers.options import ReadOptions
from cxbench.ingestion.readers.source_table import SourceTable


def open_spss(con: duckdb.DuckDBPyConnection, path: Path, options: ReadOptions) -> SourceTable:
    """Stage every case of ``path`` and collect its value labels."""
    read = pyreadstat.read_sav
    try:
        _, meta = read(str(path), metadataonly=True, encoding=options.encoding)
        columns = list(meta.column_names)
        if meta.number_rows == 0:
            raise SourceReadError(f"{path}: the file has variables but no data rows (0 cases)")
        table = stage_batches(con, columns, _batches(read, path, columns, options.encoding))
    except (pyreadstat.ReadstatError, OverflowError) as error:
        hint = (
            f"; declared encoding {options.encoding} does not fit"
            if options.encoding
            else "; an old file may need its encoding declared"
        )
        raise SourceReadError(
            f"{path}: not a readable SPSS file ({error}){hint} "
            "(declare source.encoding, e.g. windows-1252)"
        ) from error
    labels = {
        column: {cell_text(code) or "": str(label) for code, label in mapping.items()}
        for column, mapping in meta.variable_value_labels.items()
    }
    notes = (f"SPSS encoding {meta.file_encoding or 'unknown'}",)
    return SourceTable(
        relation=table,
        columns=tuple(columns),
        value_labels=labels,
        notes=notes,
        row_number_column=ROW_NUMBER_COLUMN,
    )


def _batches(
    read: Any, path: Path, columns: list[str], encoding: str | None
) -> Iterator[pa.RecordBatch]:
    first_row = 1
    chunks = pyreadstat.read_file_in_chunks(
        read,
        str(path),
        chunksize=CHUNK_ROWS,
        encoding=encoding,
        apply_value_formats=False,
        user_missing=False,
        output_format="dict",
    )
    for data, _meta in chunks:
        size = len(data[columns[0]]) if columns else 0
        if not size:
            continue
        numbers = range(first_row, first_row + size)
        yield text_batch(numbers, columns, [data[name] for name in columns])
        first_row += size
