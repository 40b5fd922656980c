"""``cxbench build --engine spark``: the dbt project built on Spark, its marts back in DuckDB.

1. The raw layer is exported from the DuckDB warehouse to Parquet
   (cxbench.spark.raw_export), into ``spark/raw/`` beside the warehouse file.
2. dbt builds every model and data test on the profile's ``spark`` target in a
   local Spark session (cxbench.spark.dbt_session); Spark's tables are Parquet
   folders under ``spark/tables/<schema>.db/<table>/``.
3. The marts are read back from those folders into the DuckDB file, all of them
   in one transaction (a reader sees the old marts or the new ones, never a
   mix), so the app, the quality suites and publication keep reading DuckDB.
   Contracted marts get their contract's table (types and not-nulls,
   cxcore.mart_contracts); the others the types the warehouse's existing table
   has, else Spark's.
4. The build is recorded in ``audit.dbt_builds`` as dbt's hooks record a DuckDB
   build (Spark's hooks write nothing: macros/audit/dbt_builds.sql), from
   dbt's run results, so the quality runner and the publish gate see it.

A failed dbt build raises :class:`cxbench.dbt_runner.DbtError` before step 3:
the warehouse keeps its previous marts and its previous latest build.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from cxbench.dbt_runner import DbtResult, Engine, run_dbt
from cxbench.spark.dbt_session import SPARK_DIR_ENV
from cxbench.spark.raw_export import export_raw
from cxcore.dbt_vars import project_vars
from cxcore.mart_contracts import contracts
from cxcore.storage import connect_writable

#: The folder beside the warehouse file that holds the Spark side of a build.
SPARK_FOLDER = "spark"
#: The profile target (profiles.yml).
SPARK_TARGET = "spark"
#: The schema dbt builds the marts in (dbt_project.yml), in both engines.
MARTS_SCHEMA = "marts"


def spark_dir(db_path: Path) -> Path:
    """The Spark folder of a warehouse: ``raw/`` exported, ``tables/`` built, ``dbt/`` artefacts."""
    return db_path.resolve().parent / SPARK_FOLDER


def spark_engine(db_path: Path) -> Engine:
    """dbt's ``spark`` target, run through the session launcher for this warehouse."""
    return Engine(
        target=SPARK_TARGET,
        launcher=(sys.executable, "-m", "cxbench.spark.dbt_session"),
        env={SPARK_DIR_ENV: str(spark_dir(db_path))},
    )


def build_on_spark(
    db_path: Path,
    command: Sequence[str],
    on_line: Callable[[str], None] | None = None,
) -> DbtResult:
    """Export raw, run ``dbt <command>`` on Spark, bring the marts back, record the build."""
    folder = spark_dir(db_path)
    export_raw(db_path, folder / "raw")
    result = run_dbt(
        list(command), db_path, on_line, artefacts=folder / "dbt", engine=spark_engine(db_path)
    )
    import_marts(db_path, folder / "tables")
    record_build(db_path, folder / "dbt" / "target" / "run_results.json", command)
    return result


def mart_folders(tables_dir: Path) -> dict[str, Path]:
    """Spark's mart tables by name: the Parquet folder of each."""
    schema_dir = tables_dir / f"{MARTS_SCHEMA}.db"
    if not schema_dir.is_dir():
        return {}
    return {path.name: path for path in sorted(schema_dir.iterdir()) if path.is_dir()}


def import_marts(db_path: Path, tables_dir: Path) -> list[str]:
    """Replace the warehouse's marts with Spark's, in one transaction; their names."""
    folders = mart_folders(tables_dir)
    contracted = contracts()
    with connect_writable(db_path) as connection:
        existing = _existing_types(connection)
        connection.execute("begin transaction")
        connection.execute(f"create schema if not exists {MARTS_SCHEMA}")
        for name, folder in folders.items():
            source = f"read_parquet('{_literal(folder / '*.parquet')}')"
            relation = f"{MARTS_SCHEMA}.{name}"
            if name in contracted:
                contract = contracted[name]
                connection.execute(f"drop table if exists {relation}")
                connection.execute(contract.create_table_sql())
                columns = ", ".join(contract.column_names)
                connection.execute(
                    f"insert into {relation} ({columns}) select {columns} from {source}"
                )
            else:
                connection.execute(
                    f"create or replace table {relation} as "
                    f"select {_typed_columns(connection, source, existing.get(name, {}))} "
                    f"from {source}"
                )
        connection.execute("commit")
    return list(folders)


def _existing_types(connection: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    rows = connection.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = ? order by table_name, ordinal_position",
        [MARTS_SCHEMA],
    ).fetchall()
    types: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        types.setdefault(table, {})[column] = data_type
    return types


def _typed_columns(
    connection: duckdb.DuckDBPyConnection, source: str, types: Mapping[str, str]
) -> str:
    """Spark's columns, each cast to the type the warehouse's table had (if it had it)."""
    names = [row[0] for row in connection.execute(f"describe select * from {source}").fetchall()]
    return ", ".join(
        f'cast("{name}" as {types[name]}) as "{name}"' if name in types else f'"{name}"'
        for name in names
    )


def record_build(db_path: Path, run_results: Path, command: Sequence[str]) -> None:
    """One ``audit.dbt_builds`` row for the Spark build, as the DuckDB hooks write one."""
    document = json.loads(run_results.read_text())
    args = document.get("args", {})
    # the nodes on-run-end is given: hooks (operation.*) are in run_results but not in it
    statuses = [
        result.get("status")
        for result in document.get("results", [])
        if not str(result.get("unique_id", "")).startswith("operation.")
    ]
    counts = {
        "failed": sum(status in ("error", "fail", "runtime error") for status in statuses),
        "warned": statuses.count("warn"),
        "skipped": statuses.count("skipped"),
    }
    finished = datetime.now(UTC).replace(tzinfo=None)
    started = finished - timedelta(seconds=float(document.get("elapsed_time", 0.0)))
    version = (args.get("vars") or {}).get("methodology_version") or project_vars().get(
        "methodology_version"
    )
    with connect_writable(db_path) as connection:
        connection.execute(CREATE_BUILDS_SQL)
        connection.execute(
            "insert into audit.dbt_builds values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document.get("metadata", {}).get("invocation_id"),
                args.get("which") or (command[0] if command else "build"),
                _selection(args),
                None if version is None else str(version),
                "failed" if counts["failed"] or counts["skipped"] else "success",
                started,
                finished,
                len(statuses),
                len(statuses) - sum(counts.values()),
                counts["failed"],
                counts["warned"],
                counts["skipped"],
            ],
        )


def _selection(args: Mapping[str, object]) -> str | None:
    """``--select a b --exclude c --selector d`` as dbt_build_selection() writes it."""
    parts = []
    for option in ("select", "exclude", "selector"):
        value = args.get(option)
        if value:
            words = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
            parts.append(f"--{option} " + " ".join(str(word) for word in words))
    return " ".join(parts) or None


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")


#: audit.dbt_builds as macros/audit/dbt_builds.sql creates it (create_dbt_builds).
CREATE_BUILDS_SQL = """
create schema if not exists audit;
create table if not exists audit.dbt_builds (
    invocation_id varchar primary key,
    command varchar not null,
    selection varchar,
    methodology_version varchar,
    status varchar not null,
    started_at timestamp not null,
    finished_at timestamp,
    n_nodes integer,
    n_succeeded integer,
    n_failed integer,
    n_warned integer,
    n_skipped integer
);
"""
