"""One export, start to end: tables, descriptions, files, dictionary, manifest.

Everything is read on one read-only connection, so the files, the row counts
and the build id in the manifest describe the same file even if a refresh swaps
the served warehouse meanwhile. Everything that can refuse (an empty schema, a
table too large for Excel, dbt docs that cannot be read) is checked before the
folder is touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from cxbench.export import formats
from cxbench.export.dbt_docs import descriptions_for
from cxbench.export.dictionary import (
    CSV_NAME,
    HEADER,
    MARKDOWN_NAME,
    DictionaryTable,
    build_dictionary,
    dictionary_csv,
    dictionary_markdown,
    dictionary_rows,
)
from cxbench.export.folder import MANIFEST_NAME, ExportFolder
from cxbench.export.manifest import (
    WrittenTable,
    build_manifest,
    read_provenance,
    write_manifest,
)
from cxbench.export.request import FORMATS, ExportRefused, ExportRequest
from cxbench.export.tables import ExportTable, connect, export_tables

#: Rows per Arrow batch read from DuckDB: bounded memory, a lively progress bar.
BATCH_ROWS = 100_000


@dataclass(frozen=True)
class ExportResult:
    target: Path
    files: list[str]
    tables: list[WrittenTable]
    manifest: dict
    seconds: float
    #: ``schema.table[.column]`` the dbt docs do not describe (listed, not fatal).
    undescribed: list[str] = field(default_factory=list)


@dataclass
class Progress:
    """Callbacks for the CLI's progress bar (all optional)."""

    on_start: Callable[[int], None] = lambda _total: None
    on_table: Callable[[str], None] = lambda _relation: None
    on_rows: Callable[[int], None] = lambda _rows: None
    #: Called before a ``dbt parse`` for the descriptions (a few seconds of silence otherwise).
    on_parse: Callable[[], None] = lambda: None


def run_export(request: ExportRequest, progress: Progress | None = None) -> ExportResult:
    """Export the request's tables into ``request.target``; raise ExportRefused on bad input."""
    if request.file_format not in FORMATS:
        raise ExportRefused(f"--format {request.file_format!r} is not one of {', '.join(FORMATS)}")
    progress = progress or Progress()
    started = time.perf_counter()
    with connect(request.db_path) as connection:
        tables = export_tables(connection, request.scope, request.waves)
        if request.file_format == "xlsx":
            for table in tables:
                formats.check_fits_excel(table.relation, table.n_rows, len(table.columns))
        descriptions = descriptions_for(request.db_path, tables, progress.on_parse)
        provenance = read_provenance(connection, tables)
        created_at = datetime.now(UTC)
        with ExportFolder(request.target, request.force) as folder:
            places = _places(tables, request.file_format)
            located = {relation: place.described_as for relation, place in places.items()}
            entries = build_dictionary(tables, located, descriptions)
            textual = request.file_format != "parquet"
            progress.on_start(sum(table.n_rows for table in tables))
            written = _write_tables(connection, tables, places, request.file_format,
                                    folder.staging, entries, progress)  # fmt: skip
            build_id = provenance.build.invocation_id if provenance.build else "unrecorded"
            heading = (
                f"cxbench {request.scope.value} export of {request.db_path.name}"
                + (f" (waves {', '.join(map(str, request.waves))})" if request.waves else "")
                + ", "
                f"build {build_id}, methodology {provenance.methodology_version}, "
                f"{created_at.isoformat(timespec='seconds')}"
            )
            (folder.staging / MARKDOWN_NAME).write_text(
                dictionary_markdown(entries, heading, textual), encoding="utf-8"
            )
            (folder.staging / CSV_NAME).write_text(
                dictionary_csv(entries, textual), encoding="utf-8"
            )
            manifest = build_manifest(
                scope=request.scope.value,
                file_format=request.file_format,
                warehouse=request.db_path,
                provenance=provenance,
                dictionary_source=descriptions.source,
                tables=written,
                waves=request.waves,
                folder=folder.staging,
                created_at=created_at,
            )
            write_manifest(manifest, folder.staging / MANIFEST_NAME)
            files = folder.commit()
    return ExportResult(
        request.target, files, written, manifest, time.perf_counter() - started,
        descriptions.missing(tables),
    )  # fmt: skip


@dataclass(frozen=True)
class Place:
    """Where a table goes: its file, and its sheet in a workbook."""

    file: str
    sheet: str | None = None

    @property
    def described_as(self) -> str:
        """How the dictionary points at it."""
        return f"{self.file}, sheet {self.sheet}" if self.sheet else self.file


def _places(tables: list[ExportTable], file_format: str) -> dict[str, Place]:
    """Per relation: a file of its own, or a sheet of the workbook."""
    if file_format == "xlsx":
        sheets = formats.sheet_names(table.relation for table in tables)
        return {relation: Place(formats.WORKBOOK_NAME, sheet) for relation, sheet in sheets.items()}
    return {table.relation: Place(f"{table.relation}.{file_format}") for table in tables}


def _write_tables(
    connection: duckdb.DuckDBPyConnection,
    tables: list[ExportTable],
    places: dict[str, Place],
    file_format: str,
    staging: Path,
    entries: list[DictionaryTable],
    progress: Progress,
) -> list[WrittenTable]:
    """Write every table; the rows written per table (checked against the count)."""
    written: list[WrittenTable] = []
    workbook = None
    if file_format == "xlsx":
        workbook = formats.Workbook(staging / formats.WORKBOOK_NAME)
        workbook.add_rows(formats.DICTIONARY_SHEET, HEADER,
                          dictionary_rows(entries, textual=True))  # fmt: skip
    for table in tables:
        progress.on_table(table.relation)
        reader = connection.sql(table.select_sql, params=table.parameters).to_arrow_reader(
            BATCH_ROWS
        )
        place = places[table.relation]
        if workbook is not None and place.sheet:
            n_rows = workbook.add_table(place.sheet, reader, progress.on_rows)
        else:
            writer = formats.write_parquet if file_format == "parquet" else formats.write_csv
            n_rows = writer(reader, staging / place.file, progress.on_rows)
        if n_rows != table.n_rows:
            raise ExportRefused(
                f"{table.relation}: counted {table.n_rows:,} rows, wrote {n_rows:,}"
            )
        written.append(
            WrittenTable(table.relation, place.file, place.sheet, n_rows, bool(table.waves))
        )
    if workbook is not None:
        workbook.save()
    return written
