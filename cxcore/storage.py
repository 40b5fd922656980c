"""The on-disk format of every DuckDB file the project writes for others to open.

A DuckDB file's storage version is fixed when the file is created, by the
``storage_compatibility_version`` of the connection that creates it; later
connections (of any setting) keep writing it in that format. duckdb 2.x creates
files in its own format by default, which no DuckDB 1.x client reads
("version number 69, but we can only read versions between 64 and 68") — the
1.x CLI, the JDBC/ODBC drivers and the BI tools built on them. So every file an
analyst may open (the served warehouse, its staged copies, exports) is created
through :func:`connect_writable` or attached with :func:`attach_options`.

``v1.0.0`` is DuckDB 1.0's format, which every 1.x and 2.x release reads
(older settings would only add pre-1.0 readers). A full demo build checked
that everything we store (every type and constraint of raw, marts, audit,
published and access) is written under it. What it costs: the newer
compressions (DICT_FSST for text, Roaring for validity masks) are not used, so
the file is larger (+18% on the 20k demo).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

#: The storage compatibility version every project DuckDB file is created with.
STORAGE_VERSION = "v1.0.0"
#: The DuckDB setting that chooses it at connect time.
STORAGE_SETTING = "storage_compatibility_version"


def writable_config() -> dict[str, str]:
    """The ``config`` for ``duckdb.connect`` of a file the project may create."""
    return {STORAGE_SETTING: STORAGE_VERSION}


def connect_writable(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-write connection that creates a missing file in :data:`STORAGE_VERSION`.

    An existing file keeps the format it was created in (DuckDB never rewrites
    it), so using this for every writable connection costs nothing and makes
    whichever writer happens to come first create a file old clients read.
    """
    return duckdb.connect(str(path), config=writable_config())


def attach_options() -> str:
    """The ``ATTACH … (…)`` option that creates an attached file in :data:`STORAGE_VERSION`.

    A literal (validated here), since ATTACH options cannot be parameters:
    ``f"attach ? as out ({attach_options()})"``.
    """
    if not STORAGE_VERSION.replace(".", "").removeprefix("v").isdigit():
        raise ValueError(f"not a storage version: {STORAGE_VERSION!r}")
    return f"storage_version '{STORAGE_VERSION}'"


def is_compatible(path: Path | str) -> bool:
    """Whether a DuckDB file was created in :data:`STORAGE_VERSION` (its tag adds a ``+``)."""
    return storage_version_of(path) == f"{STORAGE_VERSION}+"


def copy_compatible(source: Path | str, target: Path | str) -> None:
    """Copy every schema, table, view and row of ``source`` into a new ``target`` file
    created in :data:`STORAGE_VERSION`; ``source`` is only read.

    How a file created in a newer format (by duckdb 2 before this module) becomes
    readable by 1.x: a byte copy would keep its format. DuckDB's ``COPY FROM
    DATABASE`` keeps tables, columns, constraints, views and row order.
    """
    with duckdb.connect(":memory:") as connection:
        connection.execute("attach ? as source (read_only)", [str(source)])
        connection.execute(f"attach ? as target ({attach_options()})", [str(target)])
        connection.execute("copy from database source to target")


def storage_version_of(path: Path | str) -> str:
    """The storage version a DuckDB file was created with, e.g. ``v1.0.0+``.

    Read by attaching the file read-only to an in-memory database and asking
    ``duckdb_databases()``; the file is not changed.
    """
    with duckdb.connect(":memory:") as connection:
        connection.execute("attach ? as inspected (read_only)", [str(path)])
        rows = connection.execute(
            "select tags['storage_version'] from duckdb_databases() "
            "where database_name = 'inspected'"
        ).fetchall()
    return str(rows[0][0])
