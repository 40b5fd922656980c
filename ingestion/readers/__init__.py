"""Readers: present a source file to SQL as rows of text, in file order, untouched.

A reader never writes to the warehouse. It returns a :class:`SourceTable`: SQL
that can stand after ``FROM`` (a ``read_csv``/``read_parquet`` call, or a
connection-local temporary table for formats DuckDB cannot scan itself) whose
rows come in file order with every column as text. The loader scans it once,
and the order of that scan is the file's row order, which is how every rejected
row keeps its row number without a window over the whole file.

Formats DuckDB reads natively (CSV in UTF-8, Parquet) are never materialised by
the reader; Excel and SPSS are streamed in bounded chunks into a temporary table,
so a large file never becomes one Python object per row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from cxbench.ingestion.readers.csv_dialect import mixed_line_ends
from cxbench.ingestion.readers.csv_shape import SERIAL_NEEDED
from cxbench.ingestion.readers.errors import SourceReadError
from cxbench.ingestion.readers.options import FORMATS, UNSUPPORTED_SUFFIXES, ReadOptions
from cxbench.ingestion.readers.source_table import SourceTable
from cxbench.ingestion.scratch_space import scratch_directory

#: DuckDB's CSV error where a file's line ends change kind (among other causes).
PARSER_LOST = "state machine reached an invalid state"
#: How much of each line of DuckDB's message is shown: it may quote a whole CSV line.
LINE_SHOWN = 200

__all__ = ["ReadOptions", "SourceReadError", "SourceTable", "open_source", "reading", "warm_up"]


@contextmanager
def open_source(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    options: ReadOptions | None = None,
    scratch: Path | None = None,
) -> Iterator[SourceTable]:
    """Open ``path`` for one load; temporary files (transcoded CSV, parts) are removed afterwards.

    ``scratch``: the load's temporary directory, where :func:`warm_up` may already
    have put files (the caller removes it); by default one of its own.
    """
    options = options or ReadOptions()
    if not path.is_file():
        raise SourceReadError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise SourceReadError(f"{path}: the file is empty (0 bytes)")
    if path.suffix.lower() in UNSUPPORTED_SUFFIXES:
        raise SourceReadError(
            f"{path}: unsupported file type {path.suffix!r} "
            f"({UNSUPPORTED_SUFFIXES[path.suffix.lower()]})"
        )
    source_format = options.format_for(path)
    if source_format not in FORMATS:
        raise SourceReadError(
            f"{path}: unsupported file type {path.suffix!r} "
            f"(readers: {', '.join(FORMATS)}; set source.format in the mapping)"
        )
    with _scratch_directory(scratch) as directory:
        with reading(path):
            source = _open(con, path, source_format, options, directory)
        yield source


@contextmanager
def _scratch_directory(given: Path | None) -> Iterator[Path]:
    if given is not None:
        yield given
        return
    with scratch_directory() as scratch:
        yield scratch


def warm_up(path: Path, options: ReadOptions, threads: int, scratch: Path) -> None:
    """What a reader can do before the load opens the file, so a thread can do it early.

    A large CSV DuckDB reads as it is is cut into parts in ``scratch``
    (:func:`cxbench.ingestion.readers.csv_parts.cut_into_parts`) while another
    thread computes the file's checksum; :func:`open_source`, given the same
    ``scratch``, then finds the parts there. Any problem is left to
    :func:`open_source` to report.
    """
    from cxbench.ingestion.readers.csv_parts import cut_into_parts, parts_for
    from cxbench.ingestion.readers.encoding import evident_encoding, is_utf8, read_sample

    try:
        if options.format_for(path) != "csv":
            return
        encoding = options.encoding or evident_encoding(read_sample(path))
        if encoding is not None and is_utf8(encoding):
            cut_into_parts(path, parts_for(threads), scratch)
    except (OSError, ValueError):
        return


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Turn a DuckDB error while scanning ``path`` into a :class:`SourceReadError`.

    DuckDB parses a CSV lazily, so a ragged line or an invalid byte surfaces while
    the loader scans the relation, not when the reader opens it: the loader wraps
    that scan in this too. Other DuckDB errors (binder, parser) are bugs of ours
    and propagate as they are.
    """
    try:
        yield
    except (
        duckdb.InvalidInputException,
        duckdb.ConversionException,
        duckdb.IOException,
        duckdb.OutOfRangeException,
    ) as error:
        message = f"{path}: cannot read file: {short_error(error)}"
        if PARSER_LOST in str(error):  # what DuckDB says where the line ends change
            message += mixed_line_ends(path)
        raise SourceReadError(message) from error
    except duckdb.Error as error:
        # Raised as a plain duckdb.Error: the loader reads such a file on one thread.
        if SERIAL_NEEDED not in str(error):
            raise
        raise SourceReadError(f"{path}: cannot read file: {short_error(error)}") from error


def _open(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source_format: str,
    options: ReadOptions,
    scratch: Path,
) -> SourceTable:
    # Imported here so that a CSV-only run never imports openpyxl or pyreadstat.
    if source_format == "csv":
        from cxbench.ingestion.readers.csv import open_csv

        return open_csv(con, path, options, scratch)
    if source_format == "parquet":
        from cxbench.ingestion.readers.parquet import open_parquet

        return open_parquet(con, path)
    if source_format == "xlsx":
        from cxbench.ingestion.readers.excel import open_excel

        return open_excel(con, path, options)
    from cxbench.ingestion.readers.spss import open_spss

    return open_spss(con, path, options)


def short_error(error: Exception) -> str:
    """DuckDB's message without its "possible fixes" advice, which names options we set."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    kept: list[str] = []
    for line in lines:
        if line.lower().startswith(("possible fixes", "* ", "file =", "delimiter =")):
            break
        kept.append(line)
    shortened = [line if len(line) <= LINE_SHOWN else line[:LINE_SHOWN] + "…" for line in kept]
    text = "; ".join(shortened[:4]) or type(error).__name__
    for prefix in ("Invalid Input Error: ", "Conversion Error: ", "IO Error: "):
        text = text.removeprefix(prefix)
    return text
