"""CSV reader: declared or detected encoding and delimiter, every field as text.

Every field stays text (``VARCHAR``) so that "7,5", "n/a" or "#NULL!" reach the
contract checks, which reject that one row with its reason, instead of failing
the file or silently becoming NULL. Quoted fields (RFC 4180: ``"`` doubled
inside), embedded newlines, CRLF, CR-only line ends and a UTF-8 BOM are DuckDB's
job; a row with more or fewer fields than the header is rejected with its field
count (:mod:`cxbench.ingestion.readers.csv_shape`); an unterminated quote is a file-level
error naming the line. Rows come numbered in file order; a large file is read
as parts in parallel (:mod:`cxbench.ingestion.readers.csv_parts`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

import duckdb

from cxbench.ingestion.readers.csv_dialect import (
    complete_text,
    duplicated_names,
    has_decimal_commas,
    header_record,
    sniff_delimiter,
    unique_names,
)
from cxbench.ingestion.readers.csv_header import header_without_line_breaks
from cxbench.ingestion.readers.csv_parts import (
    CsvPart,
    cut_into_parts,
    duckdb_threads,
    numbered_parts_sql,
    parts_for,
    whole_file,
)
from cxbench.ingestion.readers.csv_shape import NULL_TEXT, shape_check_sql, spare_columns
from cxbench.ingestion.readers.digit_separators import has_digit_separators
from cxbench.ingestion.readers.encoding import (
    SAMPLE_BYTES,
    canonical_encoding,
    detect_encoding,
    is_utf8,
    read_sample,
    refuse_non_text,
    transcode_to_utf8,
)
from cxbench.ingestion.readers.errors import SourceReadError
from cxbench.ingestion.readers.options import ReadOptions
from cxbench.ingestion.readers.source_table import SourceTable
from cxbench.ingestion.recoding import ROW_NUMBER
from cxcore.sql_text import quote_literal


def open_csv(
    con: duckdb.DuckDBPyConnection, path: Path, options: ReadOptions, scratch: Path
) -> SourceTable:
    """Describe ``path`` as a ``read_csv`` relation with an explicit dialect."""
    notes: list[str] = []
    raw_sample = read_sample(path)
    encoding = options.encoding
    try:
        refuse_non_text(raw_sample, encoding)
        if encoding is None:
            encoding = detect_encoding(raw_sample, prefer=options.legacy_encoding)
            notes.append(f"encoding {canonical_encoding(encoding)} (detected)")
    except SourceReadError as error:
        raise SourceReadError(f"{path}: {error}") from error
    readable = path
    if not is_utf8(encoding):
        readable = scratch / "utf8.csv"
        transcode_to_utf8(path, encoding, readable)
    sample = read_sample(readable)
    text = complete_text(
        sample.decode("utf-8-sig", errors="replace"), truncated=len(sample) == SAMPLE_BYTES
    )
    delimiter = options.delimiter
    if delimiter is None:
        delimiter = sniff_delimiter(text) or ","
        notes.append(f"delimiter {delimiter!r} (detected)")
    header = header_record(text, delimiter)
    columns = unique_names(list(header))
    if not columns:
        raise SourceReadError(f"{path}: no header line")
    if any("\n" in name or "\r" in name for name in header):
        readable = header_without_line_breaks(readable, scratch) or readable
    decimal_comma = has_decimal_commas(text, delimiter)
    if decimal_comma:
        notes.append("decimal comma (detected)")
    wanted = parts_for(duckdb_threads(con))
    parts = cut_into_parts(readable, wanted, scratch) or [whole_file(readable)]

    def parallel(types: Mapping[str, str]) -> str:
        return numbered_parts_sql(
            parts, lambda part: _read_csv_sql(part, delimiter, columns, types)
        )

    @functools.cache
    def whole() -> CsvPart:  # counted once, and only if the parts are given up
        return parts[0] if len(parts) == 1 else whole_file(readable)

    def serial(types: Mapping[str, str]) -> str:
        return numbered_parts_sql(
            [whole()], lambda part: _read_csv_sql(part, delimiter, columns, types, False)
        )

    return SourceTable(
        relation=parallel({}),
        columns=tuple(columns),
        notes=tuple(notes),
        row_number_column=ROW_NUMBER,
        duplicated=duplicated_names(header),
        typed_relation=parallel,
        serial_relation=serial,
        shape_check=shape_check_sql(columns),
        text_only=(columns[-1],),
        pipelines=len(parts),
        decimal_comma=decimal_comma,
        digit_separators=has_digit_separators(readable),
    )


def _read_csv_sql(
    path: Path,
    delimiter: str,
    columns: list[str],
    typed: Mapping[str, str] | None = None,
    parallel: bool = True,
) -> str:
    """``read_csv`` with nothing left to its sniffer: dialect, header and column types fixed.

    Spare columns, padding and a null string no field matches let each row's field
    count be told from its values (:mod:`cxbench.ingestion.readers.csv_shape`).
    """
    typed = {name: kind for name, kind in (typed or {}).items() if name != columns[-1]}
    types = ", ".join(
        f"{quote_literal(name)}: {quote_literal(typed.get(name, 'VARCHAR'))}"
        for name in [*columns, *spare_columns(columns)]
    )
    return (
        f"read_csv({quote_literal(str(path))}, auto_detect = false, header = true, "
        f"delim = {quote_literal(delimiter)}, quote = '\"', escape = '\"', "
        f"strict_mode = true, null_padding = true, nullstr = {quote_literal(NULL_TEXT)}, "
        f"parallel = {str(parallel).lower()}, columns = {{{types}}})"
    )
