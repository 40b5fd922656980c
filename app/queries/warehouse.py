"""The warehouse file the app reads as one viewer: its identity, the read-only connection,
running SQL in the viewer's scope, and the check that the file holds every mart and
column the app reads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd
import streamlit as st

from cxbench.app.queries import scope
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
class Viewer:
    """Who is looking: what every query's scope macros (:mod:`cxbench.app.queries.scope`) read.

    An analyst sees everything by name; a client its ``company_ids`` by name and
    peers as ``peer_word`` + a letter (the leader as ``leader_word``), in the words of
    the page's language. ``nobody`` sees nothing: the viewer of the queries that
    find out who is looking.
    """

    role: Literal["analyst", "client", "nobody"]
    company_ids: tuple[str, ...] = ()
    peer_word: str = "Competitor"
    leader_word: str = "Sector leader"

    @property
    def is_analyst(self) -> bool:
        return self.role == "analyst"

    def sql_value(self) -> dict[str, Any]:
        """The struct the scope macros read as ``getvariable('viewer')``."""
        return {
            "role": self.role,
            "companies": list(self.company_ids),
            "peer": self.peer_word,
            "leader": self.leader_word,
        }


#: The viewer of a local session and of analysts' tools: everything, by name.
ANALYST = Viewer(role="analyst")


@dataclass(frozen=True)
class WarehouseFile:
    """One version of the warehouse file as one viewer sees it; the key of every query.

    A swap changes inode and mtime, so a new file version gets new cached results;
    the viewer is part of the key, so one viewer's cached results never reach another.
    """

    path: str
    inode: int
    mtime_ns: int
    viewer: Viewer


class WarehouseUnavailable(Exception):
    """The warehouse cannot serve the app; views turn this into a hint, not a trace.

    ``reason`` is ``missing_file``, ``missing_marts`` or ``unreadable`` (an i18n key).
    """

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path} {detail}".strip())
        self.reason = reason
        self.path = path
        self.detail = detail


def open_warehouse(
    viewer: Viewer, db_path: Path | None = None, tables: Iterable[str] = ()
) -> WarehouseFile:
    """Check that the warehouse can serve the marts and return ``viewer``'s key of its file.

    Raises :class:`WarehouseUnavailable` when the file is missing, cannot be opened or
    lacks a mart or column the app reads, or one of ``tables`` (``schema.table``, the
    tables a page's descriptor says it reads beyond those; reason ``missing_tables``).
    """
    path = db_path or load_settings().db_path
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise WarehouseUnavailable("missing_file", path) from exc
    key = WarehouseFile(str(path), stat.st_ino, stat.st_mtime_ns, viewer)
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
def _connection(path: str, inode: int, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    """One in-memory connection per file version (whoever looks), the file attached
    read-only as ``wh`` and the scope macros defined over it.

    Two entries: the current file, and the one a running session may still be reading
    while a swap happens. An evicted connection closes when its last cursor is gone.
    """
    return scope.connect(path)


@contextlib.contextmanager
def _viewer_cursor(key: WarehouseFile) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the file's connection whose scope macros see ``key.viewer``.

    Its own cursor per query (connections are not thread-safe); the viewer is a
    variable of that cursor only, so concurrent sessions never see each other's.
    """
    with _connection(key.path, key.inode, key.mtime_ns).cursor() as cursor:
        cursor.execute("set variable viewer = ?", [key.viewer.sql_value()])
        yield cursor


def fetch_rows(key: WarehouseFile, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Run ``sql`` as ``key.viewer`` and fetch all rows as dicts."""
    with _viewer_cursor(key) as cursor:
        result = cursor.execute(sql, params)
        names = [column[0] for column in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def fetch_frame(key: WarehouseFile, sql: str, params: list[Any]) -> pd.DataFrame:
    """Run ``sql`` as ``key.viewer`` and return the whole result as a DataFrame."""
    with _viewer_cursor(key) as cursor:
        return cursor.execute(sql, params).df()


@st.cache_data(show_spinner=False)
def table_names(key: WarehouseFile) -> set[str]:
    """``schema.table`` of every table and view in the attached file."""
    with _viewer_cursor(key) as cursor:
        return scope.attached_tables(cursor)


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
