"""Readers: put a source file's rows into a temporary table, untouched and numbered.

Readers never write to the warehouse: they stage the file as text in a
connection-local temporary table ``source_rows`` with ``source_row_number``
(1-based data row, header excluded), so that every later check can name the row
it rejects. DuckDB's own readers do the parsing, which keeps a 1.85M-row file
from ever becoming Python objects.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.readers.csv import stage_csv
from ingestion.readers.parquet import stage_parquet

STAGED_TABLE = "source_rows"


class SourceReadError(ValueError):
    """A file that cannot be read at all (unreadable, wrong format, empty)."""


def stage_source(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    delimiter: str | None = None,
    encoding: str = "utf-8",
) -> list[str]:
    """Stage ``path`` into ``source_rows``; return the source column names in file order."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            stage_parquet(con, path, STAGED_TABLE)
        elif suffix in {".csv", ".txt", ".tsv"}:
            stage_csv(con, path, STAGED_TABLE, delimiter=delimiter, encoding=encoding)
        else:
            raise SourceReadError(f"{path}: unsupported file type {suffix!r}")
    except duckdb.Error as error:
        first_line = str(error).strip().splitlines()[0]
        raise SourceReadError(f"{path}: cannot read file: {first_line}") from error
    described = con.execute(f"describe {STAGED_TABLE}").fetchall()
    return [row[0] for row in described if row[0] != "source_row_number"]
