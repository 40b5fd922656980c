"""A header whose column names hold line breaks, made readable for DuckDB.

Spreadsheets let a column name span lines (Alt+Enter in Excel), and export it
as a quoted line break, often of another kind than the file's line ends (a bare
LF in a CRLF file). DuckDB's CSV reader then reads no row at all, without an
error. The names themselves come from our own parse of the header
(:func:`cxbench.ingestion.readers.csv_dialect.header_record`) and reach DuckDB
as its explicit ``columns``; DuckDB only skips the header. So a copy of the file
whose header has those line breaks replaced by spaces reads every row, and the
columns keep the names the file gives them. Data rows are copied byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from cxbench.ingestion.readers.csv_dialect import LINE_BREAK
from cxbench.ingestion.readers.csv_parts import copy_range, remove_parts
from cxbench.ingestion.readers.encoding import read_sample


def header_without_line_breaks(path: Path, scratch: Path) -> Path | None:
    """A copy of ``path`` in ``scratch`` with line breaks inside the header flattened.

    None when the header holds none, or its end is not in the first MiB (a
    header that long is read as it is).
    """
    sample = read_sample(path)
    found = _header_end(sample)
    if found is None:
        return None
    record_end, end = found
    record = sample[:record_end]
    if LINE_BREAK.search(record) is None:
        return None
    copy = scratch / "header.csv"
    size = path.stat().st_size
    with path.open("rb") as source, copy.open("wb") as target:
        target.write(LINE_BREAK.sub(b" ", record) + sample[record_end:end])
        target.flush()
        copy_range(source, target, end, size - end)
    remove_parts(scratch)  # parts cut from the original before the header was known
    return copy


def _header_end(sample: bytes) -> tuple[int, int] | None:
    """Where the header record ends, before and after its line end (CRLF, LF or CR).

    The first line end outside quotes; None if the sample holds none.
    """
    for match in LINE_BREAK.finditer(sample):
        if sample.count(b'"', 0, match.start()) % 2 == 0:
            return match.start(), match.end()
    return None
