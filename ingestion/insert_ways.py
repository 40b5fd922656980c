"""The batch's one insert: the first way of reading the file that reads all of it.

A file is read typed first (numbers and dates parsed by the reader), as text
last; a CSV read in parallel parts is read whole on one thread when its parts
cannot be numbered or its error would name a part's line. Each attempt begins
the batch's transaction and rolls it back if the read fails, so
:func:`insert_rows` returns with the transaction open and every row inserted
(:mod:`cxbench.ingestion.passes` says how), or raises with nothing written.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from cxbench.ingestion.contracts import Check, TargetColumn
from cxbench.ingestion.id_text import IdNormaliser
from cxbench.ingestion.passes import insert_all_sql
from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.readers import SourceReadError, SourceTable, reading
from cxbench.ingestion.readers.csv_parts import MISCOUNTED, duckdb_threads
from cxbench.ingestion.readers.csv_shape import SERIAL_NEEDED, SHAPE_FIELD

log = logging.getLogger(__name__)


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    opened: SourceTable,
    batch: tuple[str, str, datetime],
    normaliser: IdNormaliser,
) -> tuple[SourceTable, list[TargetColumn], tuple[str, ...]]:
    """Begin the batch's transaction and insert every row: typed reads first, text last.

    Returns with the transaction open. A typed read that meets "7.5" (whole
    numbers expected) or "n/a" aborts the transaction; it is rolled back and the
    file read the next way, finally as text, where that cell is one rejected row.
    """
    not_null = _not_null_columns(con, plan.table)
    notes = opened.notes
    tiers = [opened.with_types(types) for types in plan.typed_tiers]
    ways = [*(tier for tier in tiers if tier is not None), opened]
    return _insert_first_readable(con, path, plan, ways, batch, not_null, normaliser, notes)


@contextmanager
def _threads_for(con: duckdb.DuckDBPyConnection, source: SourceTable) -> Iterator[None]:
    """DuckDB on as many threads as the scan has pipelines, rows in any order, while inserting.

    A positionally numbered scan (a CSV part) runs on one thread: more DuckDB
    threads than parts only add CPU time (0.4 s of 11 for 1.85M evaluations on
    one part). The rows carry their numbers, so the parts need not arrive in
    file order. Restored after a failed insert was rolled back
    (:func:`_begin_and_insert`).
    """
    if source.pipelines is None:
        yield
        return
    threads = duckdb_threads(con)
    con.execute(f"set threads = {min(threads, source.pipelines)}")
    con.execute("set preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute(f"set threads = {threads}")
        con.execute("set preserve_insertion_order = true")


def _insert_first_readable(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    ways: list[SourceTable],
    batch: tuple[str, str, datetime],
    not_null: list[str],
    normaliser: IdNormaliser,
    notes: tuple[str, ...],
) -> tuple[SourceTable, list[TargetColumn], tuple[str, ...]]:
    """Insert through the first of ``ways`` that reads the whole file (see :func:`insert_rows`)."""
    sha, batch_id, started = batch
    position = 0
    while position < len(ways):
        source = ways[position]
        columns = _with_shape_check(plan.columns(source, sha), source)
        normaliser.reset()
        sql = insert_all_sql(plan, source, columns, batch_id, not_null)
        try:
            _begin_and_insert(con, path, source, sql, [path.name, started])
        except SourceReadError as error:
            serial = [way.serial() for way in ways]
            if _read_whole_again(error, source, position == len(ways) - 1) and all(
                way is not None for way in serial
            ):
                log.info("%s: %s; reading it whole on one thread", path, error)
                ways = [way for way in serial if way is not None]
                continue
            if position == len(ways) - 1:
                raise
            log.info("%s: typed read failed (%s); trying the next way", path, error)
            position += 1
            continue
        if position == len(ways) - 1 and len(ways) > 1:
            notes = (*notes, "read as text: some cells do not parse as numbers or dates")
        return source, columns, notes
    raise AssertionError("unreachable: the text read either returns or raises")


def _begin_and_insert(
    con: duckdb.DuckDBPyConnection, path: Path, source: SourceTable, sql: str, params: list
) -> None:
    """Begin the batch's transaction and insert; on failure, roll it back before raising."""
    with _threads_for(con, source):
        con.begin()
        try:
            with reading(path):
                con.execute(sql, params)
        except BaseException:
            con.rollback()
            raise


def _read_whole_again(error: SourceReadError, source: SourceTable, last: bool) -> bool:
    """Whether a failed read is tried again on the whole file, on one thread.

    Needed for quoted line breaks (which DuckDB's parallel reader cannot pad) and
    for parts whose rows the line breaks miscounted; and for the last way's error
    on parts, which names a part's line, so that the message names the file's.
    """
    text = str(error)
    return SERIAL_NEEDED in text or MISCOUNTED in text or (last and (source.pipelines or 1) > 1)


def _with_shape_check(columns: list[TargetColumn], source: SourceTable) -> list[TargetColumn]:
    """Reject a row whose field count differs from the header's before anything else is judged."""
    if source.shape_check is None or not columns:
        return columns
    failed, reason = source.shape_check
    first = columns[0]
    shaped = dataclasses.replace(first, checks=(Check(SHAPE_FIELD, failed, reason), *first.checks))
    return [shaped, *columns[1:]]


def _not_null_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_schema = 'raw' and table_name = ? and is_nullable = 'NO'",
        [table],
    ).fetchall()
    return [name for (name,) in rows]
