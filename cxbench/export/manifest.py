"""``manifest.json``: what an export holds, from which build and method, with checksums.

A recipient checks a file against its sha256 and row count, and traces every
number to the build (``audit.dbt_builds`` invocation id, the ``build_id`` the
quality runs and publications name) and the methodology version it was made with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import duckdb

from cxbench.export.tables import ExportTable
from cxcore.checksums import file_sha256
from cxcore.dbt_builds import DATA_COMMANDS, LAST_BUILD_SQL, DbtBuild

MANIFEST_VERSION = 1


@dataclass(frozen=True)
class WrittenTable:
    """One exported relation: the file (and sheet) holding it and the rows written."""

    relation: str
    file: str
    sheet: str | None
    n_rows: int
    #: True when only the requested waves' rows were exported (the table has a wave column).
    filtered_by_wave: bool = False


@dataclass(frozen=True)
class Provenance:
    """Which build and method the exported rows come from (read on the export's connection)."""

    build: DbtBuild | None
    #: The method the marts were built with (marts.dim_methodology).
    methodology_version: str | None
    #: Every version found in the exported rows (a published export may span several).
    methodology_versions: tuple[str, ...]


def read_provenance(connection: duckdb.DuckDBPyConnection, tables: list[ExportTable]) -> Provenance:
    """Build and methodology of the warehouse, on the connection the rows are read from.

    The same connection, not :func:`cxcore.dbt_builds.last_build`: a refresh may swap
    the served file meanwhile, and the manifest must describe the file actually read.
    """
    present = {
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_catalog = current_database()"
        ).fetchall()
    }
    build = None
    if "audit.dbt_builds" in present:
        rows = connection.execute(LAST_BUILD_SQL, list(DATA_COMMANDS)).fetchall()
        build = DbtBuild(*rows[0]) if rows else None
    method = None
    if "marts.dim_methodology" in present:
        versions = connection.execute(
            "select distinct methodology_version from marts.dim_methodology order by 1"
        ).fetchall()
        method = versions[-1][0] if versions else None
    found: set[str] = set()
    for table in tables:
        if not any(column.name == "methodology_version" for column in table.columns):
            continue
        found |= {
            row[0]
            for row in connection.execute(
                f"select distinct methodology_version from ({table.select_sql}) "
                "where methodology_version is not null",
                table.parameters,
            ).fetchall()
        }
    return Provenance(build, method or (build.methodology_version if build else None),
                      tuple(sorted(found)))  # fmt: skip


def cxbench_version() -> str:
    """The installed cxbench distribution's version."""
    try:
        return metadata.version("cxbench")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_manifest(
    *,
    scope: str,
    file_format: str,
    warehouse: Path,
    provenance: Provenance,
    dictionary_source: str,
    tables: list[WrittenTable],
    folder: Path,
    waves: tuple[int, ...] = (),
    created_at: datetime | None = None,
) -> dict[str, Any]:
    """The manifest of the files in ``folder`` (every file there but the manifest itself)."""
    build = provenance.build
    rows = {table.file: table for table in tables if table.sheet is None}
    files = []
    for path in sorted(folder.iterdir()):
        entry: dict[str, Any] = {"file": path.name}
        if path.name in rows:
            entry |= {"table": rows[path.name].relation, "rows": rows[path.name].n_rows}
        entry |= {"sha256": file_sha256(path), "size_bytes": path.stat().st_size}
        sheets = [table for table in tables if table.file == path.name and table.sheet]
        if sheets:
            entry["sheets"] = [
                {"sheet": table.sheet, "table": table.relation, "rows": table.n_rows}
                for table in sheets
            ]
        files.append(entry)
    return {
        "manifest_version": MANIFEST_VERSION,
        "created_at": (created_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        "cxbench_version": cxbench_version(),
        "format": file_format,
        "scope": scope,
        "waves": list(waves) or None,
        "warehouse": warehouse.name,
        "build_id": build.invocation_id if build else None,
        "build_status": build.status if build else None,
        "build_finished_at": (
            build.finished_at.isoformat(timespec="seconds") if build and build.finished_at else None
        ),
        "methodology_version": provenance.methodology_version,
        "methodology_versions_in_rows": list(provenance.methodology_versions),
        "dictionary_source": dictionary_source,
        "tables": [
            {
                "table": table.relation,
                "file": table.file,
                "sheet": table.sheet,
                "rows": table.n_rows,
                "filtered_by_wave": table.filtered_by_wave,
            }
            for table in tables
        ],
        "files": files,
    }


def write_manifest(document: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
