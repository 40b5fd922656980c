"""What an export may hold, read from the warehouse itself: never a hard-coded list.

Two scopes. ``marts``: every relation of schema ``marts`` (the dims and facts
the analyst guide documents, as the last build left them), the analysts' own
material — they already read all of it in SQL. ``published``: every relation of
schema ``published``, the rankings as published, which is what may leave the
house. No other schema is ever exported: raw and staging hold respondent-level
rows (hashed ids, scrubbed comments that may still name people,
docs/privacy.md), ``access`` holds principals' addresses and the pseudonym key,
``audit`` and ``intermediate`` are internals. As a second line, a table with a
respondent-level column is refused whatever its schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from cxbench.export.request import ExportRefused, Scope
from cxcore.sandbox import SandboxError, connect_read_only
from cxcore.sql_text import quote_identifier

#: Columns that only respondent-level tables have (raw.survey_evaluations and what
#: is built on it row by row). Finding one in an exportable schema means a model
#: leaked respondent rows into it: the export refuses instead of shipping them.
RESPONDENT_COLUMNS = frozenset({"respondent_id", "comment"})

TABLES_SQL = """
select table_name, table_type
from information_schema.tables
where table_schema = ? and table_catalog = current_database()
order by table_type, table_name
"""
COLUMNS_SQL = """
select column_name, data_type
from information_schema.columns
where table_schema = ? and table_name = ? and table_catalog = current_database()
order by ordinal_position
"""


@dataclass(frozen=True)
class Column:
    """One column of an exported table, with the type the warehouse gives it."""

    name: str
    data_type: str


@dataclass(frozen=True)
class ExportTable:
    """One relation to export: schema, name, columns and row count."""

    schema: str
    name: str
    is_view: bool
    columns: tuple[Column, ...]
    n_rows: int
    #: The waves whose rows are exported; empty: every row (no --wave, or no wave column).
    waves: tuple[int, ...] = ()

    @property
    def relation(self) -> str:
        """``schema.name``, as an analyst writes it in SQL."""
        return f"{self.schema}.{self.name}"

    @property
    def select_sql(self) -> str:
        """The query reading the exported rows (names quoted; they come from the catalog).

        With waves, one ``?`` per wave: run it with :attr:`parameters`.
        """
        sql = f"select * from {quote_identifier(self.schema)}.{quote_identifier(self.name)}"
        if self.waves:
            sql += f" where wave in ({', '.join('?' for _ in self.waves)})"
        return sql

    @property
    def parameters(self) -> list[int]:
        return list(self.waves)


def connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    """The warehouse in the project's read-only sandbox (:mod:`cxcore.sandbox`).

    The export writes its files from Python, so the connection itself never needs to
    write anything, not even into the export folder.
    """
    if not db_path.is_file():
        raise ExportRefused(
            f"no warehouse at {db_path} (set --db or $CXBENCH_DB, or run cxbench demo)"
        )
    try:
        return connect_read_only(db_path)
    except (duckdb.Error, SandboxError) as error:
        raise ExportRefused(f"cannot open the warehouse {db_path}: {error}") from None


def export_tables(
    connection: duckdb.DuckDBPyConnection, scope: Scope, waves: tuple[int, ...] = ()
) -> list[ExportTable]:
    """Every relation of the scope's schema, base tables first, with columns and row counts.

    With ``waves``, a table with a ``wave`` column keeps only those waves' rows; one
    without (a dimension such as dim_company) is exported whole.
    """
    schema = scope.value
    found = connection.execute(TABLES_SQL, [schema]).fetchall()
    if not found:
        raise ExportRefused(f"schema {schema} is empty or missing ({_filled_by(scope)})")
    tables = []
    for name, table_type in found:
        columns = tuple(
            Column(column, data_type)
            for column, data_type in connection.execute(COLUMNS_SQL, [schema, name]).fetchall()
        )
        leaked = sorted(RESPONDENT_COLUMNS & {column.name for column in columns})
        if leaked:
            raise ExportRefused(
                f"{schema}.{name} has respondent-level column(s) {', '.join(leaked)}: "
                "respondent-level data is never exported"
            )
        by_wave = waves if any(column.name == "wave" for column in columns) else ()
        table = ExportTable(schema, name, table_type == "VIEW", columns, 0, by_wave)
        n_rows = connection.execute(
            f"select count(*) from ({table.select_sql})", table.parameters
        ).fetchall()[0][0]
        tables.append(ExportTable(schema, name, table.is_view, columns, int(n_rows), by_wave))
    if not any(table.n_rows for table in tables):
        raise ExportRefused(f"every table of schema {schema} is empty ({_filled_by(scope)})")
    if waves:
        _check_waves(connection, tables, waves)
    return tables


def _check_waves(
    connection: duckdb.DuckDBPyConnection, tables: list[ExportTable], waves: tuple[int, ...]
) -> None:
    """Refuse a --wave no table with a wave column has a row of, naming the waves there are."""
    by_wave = [table for table in tables if table.waves]
    if not by_wave:
        raise ExportRefused("--wave: no exported table has a wave column")
    union = " union ".join(
        f"select distinct wave from {quote_identifier(table.schema)}.{quote_identifier(table.name)}"
        for table in by_wave
    )
    present = {row[0] for row in connection.execute(union).fetchall()}
    missing = sorted(set(waves) - present)
    if missing:
        raise ExportRefused(
            f"--wave {', '.join(map(str, missing))}: no such wave in the exported tables "
            f"(waves there: {', '.join(map(str, sorted(present))) or 'none'})"
        )


def _filled_by(scope: Scope) -> str:
    """What fills the scope's schema, for a refusal."""
    if scope is Scope.MARTS:
        return "no marts: run cxbench build"
    return "nothing is published: run cxbench publish"
