"""What ``cxbench sql`` runs: one read-only query, checked before it reaches DuckDB.

The first line of defence, for a clear message; the second, which holds even when
this one misses something, is the connection itself (:mod:`cxcore.sandbox`: no
file but the warehouse, no extension, configuration locked). A query passes when it
is exactly one statement of DuckDB's ``SELECT`` type (``select``, ``with``,
``from``, ``values``, ``table``, ``describe``, ``show``, ``summarize``) that calls no
function reading files, URLs, secrets or other SQL, and names no file as a table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

#: Why each refused statement type is refused, and what to do instead.
_REFUSED_TYPES: dict[str, str] = {
    "COPY": "COPY writes or reads files; write files with `cxbench export`",
    "EXPORT": "EXPORT DATABASE writes files; write files with `cxbench export`",
    "COPY_DATABASE": "COPY FROM DATABASE writes another database; use `cxbench export`",
    "ATTACH": "ATTACH opens another database; cxbench sql reads the warehouse only",
    "DETACH": "DETACH changes which databases the session sees",
    "SET": "SET, RESET and USE change the session's settings, which are locked",
    "VARIABLE_SET": "SET VARIABLE changes the session; put the value in the query",
    "PRAGMA": "PRAGMA can change settings; use SHOW TABLES, DESCRIBE <table> or "
    "select * from pragma_table_info('<table>')",
    "LOAD": "INSTALL and LOAD add extensions, which the sandbox does not allow",
    "EXTENSION": "extension statements are not allowed",
    "CALL": "CALL runs a procedure (CHECKPOINT, …); query with SELECT",
    "EXPLAIN": "EXPLAIN ANALYZE runs the statement it explains; run the SELECT itself",
    "MULTI": "a PIVOT over values it must look up first runs several statements; "
    "name the values: pivot … on <column> in (<value>, …)",
}
_CHANGES_DATA = "the warehouse is read-only: cxbench sql creates, changes and deletes nothing"
#: Functions that read files, URLs, secrets or run SQL given as text (exact names).
_REFUSED_FUNCTIONS = frozenset(
    {
        "glob",
        "query",
        "query_table",
        "getvariable",
        "getenv",
        "duckdb_secrets",
        "which_secret",
        "duckdb_extensions",
        "json_execute_serialized_sql",
        "csv_scan",
        "load_aws_credentials",
        # Run a table function named as text on a connection of their own (DuckDB 2.x).
        "create_external_resource",
        "destroy_external_resource",
        "register_external_resource",
        "register_external_resource_type",
        # Table macros that read a table named as text through query_table().
        "histogram_values",
    }
)
#: Table functions whose first argument names a table to read (as query_table does).
_TABLE_NAMED_AS_TEXT = frozenset({"histogram"})
#: Schemas cxbench sql does not read: ``access`` holds the pseudonym key (which turns
#: a client's competitor letters back into names) and the users' addresses.
_REFUSED_SCHEMAS = {"access": "it holds the pseudonym key and the users' addresses"}
#: Families of file readers (read_csv, read_text, read_blob, parquet_metadata, …).
_REFUSED_PREFIXES = ("read_", "parquet_", "sniff_", "iceberg_", "delta_", "sqlite_", "postgres_")
_FILE_NAME_MARKS = ("/", "\\", ".", ":")
_HINT = (
    "cxbench sql runs one read-only query on the warehouse; it reads no file and "
    "changes nothing (docs/analyst-guide.md, 'What cxbench sql allows')"
)


class RefusedQuery(ValueError):
    """The query is not a single read-only query; the message says what and why."""


def check_query(connection: duckdb.DuckDBPyConnection, query: str) -> None:
    """Raise :class:`RefusedQuery` unless ``query`` is one read-only SELECT-type statement.

    Syntax errors surface as ``duckdb.ParserException`` from the parse.
    """
    statements = connection.extract_statements(query)
    if not statements:
        raise RefusedQuery(f"refused: no statement given.\n{_HINT}")
    if len(statements) > 1:
        raise RefusedQuery(
            f"refused: {len(statements)} statements; cxbench sql runs one query at a time "
            f"(run each separately).\n{_HINT}"
        )
    kind = statements[0].type.name
    if kind != "SELECT":
        reason = _REFUSED_TYPES.get(kind, _CHANGES_DATA)
        raise RefusedQuery(f"refused: a {kind} statement: {reason}.\n{_HINT}")
    for what in _refused_references(connection, query):
        raise RefusedQuery(f"refused: {what}.\n{_HINT}")


def _refused_references(connection: duckdb.DuckDBPyConnection, query: str) -> Iterator[str]:
    """Functions and file-named tables in the parsed query that the sandbox does not allow."""
    (serialised,) = connection.execute("select json_serialize_sql(?)", [query]).fetchone() or ("",)
    tree = json.loads(serialised or "{}")
    for node in _nodes(tree):
        name = node.get("function_name")
        if isinstance(name, str) and _is_refused_function(name.lower()):
            yield (
                f"{name}() reaches outside the warehouse's tables "
                "(files, URLs, secrets, session variables or SQL given as text)"
            )
        if node.get("type") == "TABLE_FUNCTION":
            function = node.get("function") or {}
            if str(function.get("function_name", "")).lower() in _TABLE_NAMED_AS_TEXT:
                yield f"{function['function_name']}() reads a table named as text"
        if node.get("type") == "BASE_TABLE":
            table = str(node.get("table_name", ""))
            schema = str(node.get("schema_name", "")).lower()
            if any(mark in table for mark in _FILE_NAME_MARKS):
                yield f"'{table}' names a file; cxbench sql reads warehouse tables only"
            if schema in _REFUSED_SCHEMAS:
                yield f"schema {schema} is not for cxbench sql: {_REFUSED_SCHEMAS[schema]}"


def _is_refused_function(name: str) -> bool:
    return name in _REFUSED_FUNCTIONS or name.startswith(_REFUSED_PREFIXES)


def _nodes(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the serialised statement, depth first."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
