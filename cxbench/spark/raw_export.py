"""Export the DuckDB warehouse's raw layer to Parquet folders that Spark reads as sources.

The dbt project reads ``source('survey', …)`` and ``source('industry', …)`` from
schema ``raw``. On Spark that schema is a set of views over these folders
(:func:`register_statements`), so the same models run on the same rows. Tables
with both ``country`` and ``wave`` (evaluations, margins) are partitioned by
them, ``wave`` alone (maturity) by wave: a Spark cluster reads one country ×
wave without listing the rest, and a new wave is a new folder.

Exact values and types: DuckDB's hive partitioning takes the partition columns
out of the files and into the folder names, where Spark would guess their type
again. The views therefore read every column, partition ones included, with a
cast to the Spark type of the DuckDB column (:data:`SPARK_TYPES`), in the
table's own column order; Spark's partition type inference is switched off
(cxbench.spark.session) so a value such as ``wave=2024`` is text until cast.
DuckDB ``TIMESTAMP`` (no time zone) is Spark's ``timestamp_ntz``; ``JSON`` is
text on Spark.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

#: Schema of the raw layer in both engines (the dbt sources' ``schema: raw``).
RAW_SCHEMA = "raw"
#: Columns a table is partitioned by, in this order, when it has them all.
PARTITION_CHOICES = (("country", "wave"), ("wave",))
#: Spark SQL type of each DuckDB type the raw layer uses.
SPARK_TYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "BIGINT": "bigint",
    "INTEGER": "int",
    "SMALLINT": "smallint",
    "DOUBLE": "double",
    "FLOAT": "float",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp_ntz",
}
#: The file beside the folders describing them (read by :func:`register_statements`).
MANIFEST = "raw_tables.json"


@dataclass(frozen=True)
class ExportedTable:
    """One raw table as written: its folder, columns (name, Spark type) and partitioning."""

    name: str
    folder: str
    columns: tuple[tuple[str, str], ...]
    partition_by: tuple[str, ...]
    rows: int


#: Rows a partition of a COPY collects before they are written (DuckDB's default: 524,288).
FLUSH_ROWS = 65_536


def export_raw(db_path: Path, out_dir: Path) -> list[ExportedTable]:
    """Write every table of schema ``raw`` in ``db_path`` under ``out_dir`` (replaced).

    Reads the warehouse read-only, so it runs beside the app. Returns what was
    written, which is also kept in ``out_dir / MANIFEST``.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    exported = []
    with duckdb.connect(str(db_path), read_only=True) as connection:
        connection.execute("set enable_progress_bar = false")
        # A partitioned COPY buffers rows per partition before writing them; at
        # DuckDB's default that held 10 GB for 20M evaluations, at this 2 GB
        # (and it ran faster: docs/benchmarks.md, "Scaling envelope").
        connection.execute(f"set partitioned_write_flush_threshold = {FLUSH_ROWS}")
        for name in _raw_tables(connection):
            exported.append(_export_table(connection, name, out_dir / name))
    manifest = [
        {**table.__dict__, "columns": [list(column) for column in table.columns]}
        for table in exported
    ]
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1))
    return exported


def _raw_tables(connection: duckdb.DuckDBPyConnection) -> list[str]:
    rows = connection.execute(
        "select table_name from information_schema.tables "
        "where table_schema = ? and table_type = 'BASE TABLE' order by table_name",
        [RAW_SCHEMA],
    ).fetchall()
    return [row[0] for row in rows]


def _export_table(connection: duckdb.DuckDBPyConnection, name: str, folder: Path) -> ExportedTable:
    """One table to Parquet: partitioned when it has rows and the partition columns."""
    described = connection.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [RAW_SCHEMA, name],
    ).fetchall()
    columns = tuple((column, spark_type(data_type)) for column, data_type in described)
    rows = connection.execute(f'select count(*) from {RAW_SCHEMA}."{name}"').fetchall()[0][0]
    names = [column for column, _ in columns]
    partition_by = next((choice for choice in PARTITION_CHOICES if set(choice) <= set(names)), ())
    if not rows:  # an empty table has no partitions to write: one file keeps its schema
        partition_by = ()
    folder.mkdir(parents=True)
    query = f'select * from {RAW_SCHEMA}."{name}"'
    if partition_by:
        connection.execute(
            f"copy ({query}) to '{_literal(folder)}' "
            f"(format parquet, partition_by ({', '.join(partition_by)}))"
        )
    else:
        connection.execute(
            f"copy ({query}) to '{_literal(folder / 'data.parquet')}' (format parquet)"
        )
    return ExportedTable(name, name, columns, partition_by, int(rows))


def spark_type(duckdb_type: str) -> str:
    """The Spark SQL type of a DuckDB column type (ValueError for one the raw layer lacks)."""
    if duckdb_type.startswith("DECIMAL"):
        return duckdb_type.lower()
    try:
        return SPARK_TYPES[duckdb_type]
    except KeyError:
        raise ValueError(f"no Spark type for DuckDB type {duckdb_type}") from None


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


def read_manifest(out_dir: Path) -> list[ExportedTable]:
    """The tables :func:`export_raw` wrote into ``out_dir``."""
    document = json.loads((out_dir / MANIFEST).read_text())
    return [
        ExportedTable(
            name=entry["name"],
            folder=entry["folder"],
            columns=tuple((column, kind) for column, kind in entry["columns"]),
            partition_by=tuple(entry["partition_by"]),
            rows=entry["rows"],
        )
        for entry in document
    ]


def register_statements(out_dir: Path) -> list[str]:
    """Spark SQL that makes schema ``raw`` views over the exported folders.

    Each view casts every column to its recorded type in the table's order, so
    the sources keep DuckDB's values, types and column order whichever columns
    the folder names carry.
    """
    statements = [f"create database if not exists {RAW_SCHEMA}"]
    for table in read_manifest(out_dir):
        location = (out_dir.resolve() / table.folder).as_posix().replace("`", "``")
        selected = ",\n    ".join(
            f"cast(`{column}` as {kind}) as `{column}`" for column, kind in table.columns
        )
        statements.append(
            f"create or replace view {RAW_SCHEMA}.`{table.name}` as\n"
            f"select\n    {selected}\nfrom parquet.`{location}`"
        )
    return statements
