"""The one way the project opens the warehouse for people's SQL: read-only and sandboxed.

Whoever writes the SQL (an analyst in ``cxbench sql``, an export, the app's
viewer-scoped macros), the connection can read the warehouse and nothing else:

- the file is attached read-only as ``wh`` into an in-memory database and made the
  default catalog (``use wh``), so ``marts.fct_company_scores`` and
  ``wh.marts.fct_company_scores`` both resolve; the in-memory catalog stays
  writable for session objects (``set variable``, temporary macros, the app's scope
  tables), which vanish with the connection;
- ``enable_external_access = false`` *after* the attach (set before, the attach
  itself is refused): no file other than the warehouse (and its WAL) can be read,
  globbed, copied to, exported to or attached; no URL is fetched; no extension is
  installed or loaded; the secret directory is unreachable;
- extensions are neither auto-installed nor auto-loaded (``read_json`` over
  ``http://`` does not pull in ``httpfs``), community extensions and persistent
  secrets are off;
- spilling to disk is off (``temp_directory = ''``): DuckDB otherwise allows the
  session to read and write its temporary folder (``.tmp`` in the working
  directory), a folder outside the warehouse;
- ``allowed_directories`` holds only ``export_dir`` when one is given (refused when
  it contains the warehouse file or the salt's key file);
- ``lock_configuration = true`` last, so no ``SET``, ``RESET`` or ``PRAGMA`` can
  undo any of it. ``set variable`` (not a setting), ``use`` and ``current_setting``
  keep working.

What it cannot stop is listed in docs/analyst-guide.md ("What cxbench sql allows").
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cxcore.salt_location import legacy_salt_file_path, salt_file_path

#: The catalog name the warehouse is attached under (the app's macros read ``wh.*``).
WAREHOUSE_CATALOG = "wh"
#: Set when the connection is created: nothing may be fetched or loaded on demand.
_STARTUP_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_persistent_secrets": False,
}


class SandboxError(ValueError):
    """The sandbox cannot be set up as asked (an export folder that holds the warehouse)."""


def connect_read_only(
    db_path: Path | str, *, export_dir: Path | str | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with ``db_path`` attached read-only as ``wh`` (the default
    catalog), external access disabled and the configuration locked.

    ``export_dir``, when given, is the only folder the session may write (and read)
    files in; it must exist. Raises :class:`SandboxError` for an export folder that
    holds the warehouse or its salt, ``FileNotFoundError`` for a missing warehouse.
    """
    warehouse = Path(db_path).expanduser().resolve()
    if not warehouse.is_file():
        raise FileNotFoundError(f"no warehouse at {warehouse}; build it first (cxbench build)")
    allowed = _allowed_directories(warehouse, export_dir)
    connection = duckdb.connect(":memory:", config=dict(_STARTUP_CONFIG))
    try:
        connection.execute(f"attach ? as {WAREHOUSE_CATALOG} (read_only)", [str(warehouse)])
        connection.execute(f"use {WAREHOUSE_CATALOG}")
        connection.execute("set temp_directory = ''")
        if allowed:
            connection.execute("set allowed_directories = ?", [allowed])
        connection.execute("set enable_external_access = false")
        connection.execute("set lock_configuration = true")
    except duckdb.Error:
        connection.close()
        raise
    return connection


def _allowed_directories(warehouse: Path, export_dir: Path | str | None) -> list[str]:
    """``[export_dir]`` (resolved, with a trailing slash so a sibling prefix does not match)."""
    if export_dir is None:
        return []
    folder = Path(export_dir).expanduser().resolve()
    if not folder.is_dir():
        raise SandboxError(f"export folder {folder} does not exist")
    warehouse_dir = warehouse.parent
    guarded = (warehouse, salt_file_path(warehouse_dir), legacy_salt_file_path(warehouse_dir))
    for path in guarded:
        if path.is_relative_to(folder):
            raise SandboxError(
                f"export folder {folder} holds {path}; export to a folder outside the "
                "warehouse folder and its parent"
            )
    return [f"{folder}/"]
