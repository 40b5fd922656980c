"""A large CSV cut at record boundaries into parts DuckDB reads in parallel, rows numbered.

Every raw row carries its row number in the file, and DuckDB's CSV reader has
none to give (``file_row_number`` is Parquet's only). Rows are numbered in the
scan itself by a positional join with ``range`` (:func:`numbered_sql`), which
DuckDB runs on one thread: on an idle machine the load then took three times as
long as ``read_csv`` spread over both cores. So a large file is cut into parts,
each just after a line feed outside quoted fields; each part (the header and
its byte range, copied by the kernel) is numbered from its own first row, and
the union of the parts runs one pipeline per part, in parallel. There is
:data:`PARTS_PER_THREAD` part for each of DuckDB's threads: with more, DuckDB
started all parts but one at once and the last one later, and in half the loads
that last part ran alone for up to 0.85 s at the end (docs/benchmarks.md).

A part's row count is taken to be its line feeds. That is wrong for a part with
a blank line (DuckDB skips it), a line feed inside a quoted field, or CR-only
line ends, so the count is not trusted: a part with more or fewer rows than
counted stops the scan with :data:`MISCOUNTED`, and the loader reads the file
whole instead (:meth:`SourceTable.serial`). A count can be wrong; a row number
never is.
"""

from __future__ import annotations

import codecs
import functools
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb
import numpy as np

from cxbench.ingestion.readers.encoding import CHUNK_BYTES
from cxbench.ingestion.recoding import ROW_NUMBER
from cxcore.sql_text import quote_literal

log = logging.getLogger(__name__)

#: A file smaller than this per part is read whole: cutting would cost more than it saves.
MIN_PART_BYTES = 16 << 20
#: Parts per DuckDB thread. On 2 threads and 1.85M evaluations (4 series of
#: 8-10 alternating loads), 1 per thread loaded in 4.55-4.82 s; 2 per thread in
#: 4.56-4.66 s or, when a part was left to run alone at the end, 4.92-5.16 s;
#: 4 per thread in 4.60-4.97 s; 8 per thread in 5.00-5.25 s.
PARTS_PER_THREAD = 1
#: The error a part with another number of rows than counted stops its scan with.
MISCOUNTED = "cxbench: a part of the CSV holds another number of rows than line feeds"
#: The column that tells a part's rows from the padding of the positional join.
IN_FILE = "_cxbench_in_file"


def duckdb_threads(con: duckdb.DuckDBPyConnection) -> int:
    """How many threads DuckDB runs on ``con`` (see :func:`parts_for`)."""
    return int(con.execute("select current_setting('threads')").fetchall()[0][0])


def parts_for(threads: int) -> int:
    """How many parts a large CSV is cut into for a load on ``threads`` DuckDB threads.

    One thread has no other to balance with: it reads the file whole, uncopied.
    """
    return threads * PARTS_PER_THREAD if threads > 1 else 1


@dataclass(frozen=True)
class CsvPart:
    """Rows ``first_row`` … of the file, in ``path``: ``rows`` of them if ``exact``, or fewer."""

    path: Path
    first_row: int
    rows: int
    exact: bool


def numbered_sql(relation: str, part: CsvPart) -> str:
    """``relation`` (one part's scan) with :data:`ROW_NUMBER` from its rows' positions.

    A positional join pairs the n-th row of the scan with n from ``range``, in
    file order, with no sort or second pass. For an inexact part, ``range`` runs
    to its bound and the rows it has beyond the part's are dropped; an exact part
    with a row too many or too few fails with :data:`MISCOUNTED`.
    """
    numbers = (
        f"select range as {ROW_NUMBER} from range({part.first_row}, {part.first_row + part.rows})"
    )
    keep = IN_FILE
    if part.exact:
        keep = (
            f"case when {IN_FILE} and {ROW_NUMBER} is not null then true "
            f"else error({quote_literal(MISCOUNTED)}) end"
        )
    return (
        f"select * exclude ({IN_FILE}) from (select *, true as {IN_FILE} from {relation}) "
        f"positional join ({numbers}) where {keep}"
    )


def numbered_parts_sql(parts: list[CsvPart], scan: Callable[[Path], str]) -> str:
    """A subquery: every part's numbered scan (``scan``: a part's path → its ``read_csv``)."""
    scans = " union all ".join(f"({numbered_sql(scan(part.path), part)})" for part in parts)
    return f"({scans})"


def whole_file(path: Path) -> CsvPart:
    """The file as one part, bounded by its line breaks (LF or CR) + 1.

    Every record but the last ends in a line break, whichever convention the
    file uses (CRLF counts twice, a quoted line break once more: only a bound is
    needed).
    """
    breaks = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            breaks += _occurrences(chunk, b"\n") + _occurrences(chunk, b"\r")
    return CsvPart(path, 1, breaks + 1, exact=False)


def cut_into_parts(path: Path, wanted: int, scratch: Path) -> list[CsvPart] | None:
    """``path`` as ``wanted`` parts copied into ``scratch``; None if too small or not cut.

    A cut is placed just after the first line feed at or past each even share
    of the file that has an even number of double quotes before it: outside
    every quoted field (RFC 4180 doubles a quote inside one). The rows of each
    part but the last are its line feeds (checked by :func:`numbered_sql`); the
    last one's are bounded by its line feeds + 1.

    The copies take the file's size in ``scratch``; with less than twice that
    free there (a small ``/tmp`` in memory, say), the file is read whole.
    """
    cuts = find_cuts(path, wanted)
    if cuts is None:
        return None
    free = shutil.disk_usage(scratch).free
    if free < 2 * cuts[-1][0]:  # the copy may take half of what is free, no more
        log.info("%s: not cut into parts (%d bytes free in %s)", path, free, scratch)
        return None
    try:
        return _copy_parts(path, cuts, scratch)
    except OSError as error:  # a full scratch disk, say: the file is read whole instead
        log.info("%s: not cut into parts (%s)", path, error)
        remove_parts(scratch)
        return None


def remove_parts(scratch: Path) -> None:
    """Remove the parts cut into ``scratch`` (a failed copy, or parts of another file)."""
    for part in scratch.glob("part-*.csv"):
        part.unlink(missing_ok=True)


def _copy_parts(path: Path, cuts: tuple[tuple[int, int], ...], scratch: Path) -> list[CsvPart]:
    """Each part's bytes, after the header for all but the first, in a file of ``scratch``.

    A part already there in full is kept: the loader's warm-up copies the parts
    of the file it then opens (:func:`cxbench.ingestion.readers.warm_up`), and the
    scratch directory is the load's own.
    """
    offsets = [offset for offset, _ in cuts]
    feeds = [feeds for _, feeds in cuts]
    parts: list[CsvPart] = []
    first_row = 1
    with path.open("rb") as source:
        header = source.read(offsets[0]).removeprefix(codecs.BOM_UTF8)
        ends = offsets[1:]
        for index, (start, end) in enumerate(zip([0, *offsets[1:-1]], ends, strict=True)):
            part_path = scratch / f"part-{index}.csv"
            size = (len(header) if index else 0) + end - start
            if not (part_path.is_file() and part_path.stat().st_size == size):
                with part_path.open("wb") as target:
                    if index:
                        target.write(header)
                        target.flush()
                    copy_range(source, target, start, end - start)
            last = index == len(ends) - 1
            rows = feeds[index + 1] - feeds[index] + (1 if last else 0)
            parts.append(CsvPart(part_path, first_row, rows, exact=not last))
            first_row += rows
    return parts


def find_cuts(path: Path, wanted: int) -> tuple[tuple[int, int], ...] | None:
    """Where to cut ``path`` into ``wanted`` parts; None if it is too small or cannot be cut.

    ``((where the header ends, its line feeds), (each cut, line feeds before it)…,
    (the file's size, all its line feeds))``. Remembered for the file as it is
    (path, size, modification time), so the loader can find the cuts in a thread
    while another computes the file's checksum (:func:`cxbench.ingestion.readers.warm_up`).
    """
    stat = path.stat()
    wanted = min(wanted, stat.st_size // MIN_PART_BYTES)
    if wanted < 2:
        return None
    return _cuts(path, stat.st_size, stat.st_mtime_ns, wanted)


@functools.lru_cache(maxsize=4)
def _cuts(
    path: Path, size: int, modified_ns: int, wanted: int
) -> tuple[tuple[int, int], ...] | None:
    """:func:`find_cuts` for the file of that size and modification time."""
    del modified_ns  # part of the cache key only
    cuts: list[tuple[int, int]] = []
    feeds = quotes = position = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            search_from = 0
            while len(cuts) < wanted:
                target = 0
                if cuts:
                    header_end = cuts[0][0]
                    target = header_end + (size - header_end) * len(cuts) // wanted
                found = _cut_in_chunk(chunk, max(target - position, search_from), quotes)
                if found is None:
                    break
                cuts.append((position + found, feeds + chunk.count(b"\n", 0, found)))
                search_from = found
            feeds += _occurrences(chunk, b"\n")
            if len(cuts) < wanted:  # only a cut still to place needs the quotes before it
                quotes += _occurrences(chunk, b'"')
            position += len(chunk)
    if len(cuts) < wanted or cuts[-1][0] >= size:
        return None
    return (*cuts, (size, feeds))


def _occurrences(chunk: bytes, byte: bytes) -> int:
    """How often ``byte`` occurs in ``chunk``, counted by numpy.

    ``bytes.count`` holds the GIL (the loader finds the cuts beside a thread
    computing the checksum) and is four times slower on a whole chunk.
    """
    return int(np.count_nonzero(np.frombuffer(chunk, dtype=np.uint8) == ord(byte)))


def _cut_in_chunk(chunk: bytes, start: int, quotes_before: int) -> int | None:
    """The offset just after the first LF at or past ``start`` outside quoted fields, if any."""
    while (line_feed := chunk.find(b"\n", start)) != -1:
        if (quotes_before + chunk.count(b'"', 0, line_feed)) % 2 == 0:
            return line_feed + 1
        start = line_feed + 1
    return None


def copy_range(source: BinaryIO, target: BinaryIO, offset: int, length: int) -> None:
    """Append ``length`` bytes from ``offset`` of ``source`` to ``target``, in the kernel."""
    try:
        while length > 0:
            copied = os.copy_file_range(source.fileno(), target.fileno(), length, offset)
            if copied == 0:
                break
            offset += copied
            length -= copied
    except (AttributeError, OSError):
        pass  # no copy_file_range here (or not between these file systems): copy in Python
    source.seek(offset)
    target.seek(0, os.SEEK_END)
    while length > 0 and (data := source.read(min(CHUNK_BYTES, length))):
        target.write(data)
        length -= len(data)
