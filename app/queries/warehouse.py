"""The warehouse file the app reads: its identity, the read-only connection, running SQL,
and the check that the file holds every mart and column the app reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from cxcore.mart_contracts import mart_columns
from cxcore.settings import load_settings

#: Marts every page reads; a warehouse lacking any of them, or any column their dbt
#: contract declares, is reported, not queried.
CORE_MARTS = (
    "dim_pillar",
    "dim_company",
    "dim_study",
    "fct_company_pillar_scores",
    "fct_company_scores",
)

#: Columns required of each core mart: its enforced dbt contract (the schema is declared
#: once, there); tests/app/test_query_columns.py holds the app's SQL to the contracts.
REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    mart: frozenset(columns) for mart, columns in mart_columns(CORE_MARTS).items()
}


@dataclass(frozen=True)
class WarehouseFile:
    """Identity of one version of the warehouse file: a swap changes inode and mtime."""

    path: str
    inode: int
    mtime_ns: int


class WarehouseUnavailable(Exception):
    """The warehouse cannot serve the app; views turn this into a hint, not a trace.

    ``reason`` is ``missing_file``, ``missing_marts`` or ``unreadable`` (an i18n key).
    """

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail


def open_warehouse(db_path: Path | None = None, tables: Iterable[str] = ()) -> WarehouseFile:
    """Check that the warehouse can serve the marts and return the key of its current file.

    Raises :class:`WarehouseUnavailable` when the file is missing, cannot be opened or
    lacks a mart or column the app reads, or one of ``tables`` (``schema.table``, the
    tables a page's descriptor says it reads beyond those; reason ``missing_tables``).
    """
    path = db_path or load_settings().db_path
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise WarehouseUnavailable("missing_file", path) from exc
    key = WarehouseFile(str(path), stat.st_ino, stat.st_mtime_ns)
    try:
        missing = _missing_marts(key)
        absent = sorted(set(tables) - table_names(key))
    except duckdb.Error as exc:
        raise WarehouseUnavailable("unreadable", path, str(exc).splitlines()[0]) from exc
    if missing:
        raise WarehouseUnavailable("missing_marts", path, ", ".join(missing))
    if absent:
        raise WarehouseUnavailable("missing_tables", path, ", ".join(absent))
    return key


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(key: WarehouseFile) -> duckdb.DuckDBPyConnection:
    """One in-memory connection per file version, with the file attached read-only as ``wh``.

    Two entries: the current file, and the one a running session may still be reading
    while a swap happens. An evicted connection closes when its last cursor is gone.
    """
    connection = duckdb.connect(":memory:")
    try:
        connection.execute("attach ? as wh (read_only)", [key.path])
    except duckdb.Error:
        connection.close()
        raise
    return connection


def fetch_rows(key: WarehouseFile, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run ``sql`` on its own cursor (connections are not thread-safe) and fetch all rows."""
    with _connection(key).cursor() as cursor:
        result = cursor.execute(sql, params)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def fetch_frame(key: WarehouseFile, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run ``sql`` on its own cursor and return the whole result as a DataFrame."""
    with _connection(key).cursor() as cursor:
        return cursor.execute(sql, params).df()


@st.cache_data(show_spinner=False)
def table_names(key: WarehouseFile) -> set[str]:
    """``schema.table`` of every table and view in the attached file."""
    sql = """
        select distinct table_schema || '.' || table_name as name,
        from information_schema.tables
        where table_catalog = 'wh'
    """
    return {row["name"] for row in fetch_rows(key, sql, [])}


@st.cache_data(show_spinner=False)
def _missing_marts(key: WarehouseFile) -> list[str]:
    """Marts (or ``mart.column``) the app needs that the attached file lacks."""
    found = fetch_rows(
        key,
        """
        select
            table_name,
            column_name,
        from information_schema.columns
        where table_catalog = 'wh' and table_schema = 'marts'
        """,
        [],
    )
    columns_by_table: dict[str, set[str]] = {}
    for row in found:
        columns_by_table.setdefault(row["table_name"], set()).add(row["column_name"])
    missing: list[str] = []
    for table, needed in REQUIRED_COLUMNS.items():
        if table not in columns_by_table:
            missing.append(f"marts.{table}")
            continue
        absent = sorted(needed - columns_by_table[table])
        missing.extend(f"marts.{table}.{column}" for column in absent)
    return missing
