"""The dbt project on Apache Spark gives the DuckDB build's numbers (docs/spark.md).

A 40k-evaluation world is ingested once and copied: one copy is built on DuckDB
(``pipeline.build``), the other on a local Spark (``pipeline.build(engine="spark")``:
raw exported to Parquet, dbt-spark in a session, marts brought back). Every mart
Spark wrote must equal DuckDB's column by column, rows ordered by their key
columns: numbers to 1e-9 (relative beyond 1), text, dates and flags exactly. The
marts brought back into the Spark copy's DuckDB file must hold the same rows, in
the types of the contracts, and its build must be recorded for the gate.

Needs Java and dbt-spark with pyspark (``pip install -e '.[spark]'``); without
them it skips with the reason, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from cxbench import pipeline
from cxbench.generator import generate_world
from cxbench.spark.build import mart_folders, spark_dir
from cxcore.dbt_builds import last_build

pytestmark = pytest.mark.slow

EVALUATIONS = 40_000
WAVES = (2024, 2025)
COUNTRIES = ("NL", "NO", "PL", "GB", "DE")
SEED = 19
#: Numbers agree to this, absolutely up to 1 and relatively beyond.
TOLERANCE = 1e-9


def missing_requirement() -> str | None:
    """Why the Spark build cannot run here, or None."""
    if shutil.which("java") is None:
        return "no Java runtime (apt-get install openjdk-17-jre-headless)"
    for module, package in (("pyspark", "pyspark"), ("dbt.adapters.spark", "dbt-spark")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed (pip install -e '.[spark]')"
    return None


def require_spark() -> None:
    reason = missing_requirement()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"the Spark build test must run in CI: {reason}")
    pytest.skip(reason)


@dataclass(frozen=True)
class Builds:
    duckdb_db: Path
    spark_db: Path


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    require_spark()
    root = tmp_path_factory.mktemp("spark_build")
    generate_world(root / "world", evaluations=EVALUATIONS, waves=WAVES, countries=COUNTRIES,
                   seed=SEED)  # fmt: skip
    duckdb_db = root / "duckdb" / "cxbench.duckdb"
    report = pipeline.ingest_world(duckdb_db, root / "world")
    assert report.ok, report.errors
    spark_db = root / "spark" / "cxbench.duckdb"
    spark_db.parent.mkdir()
    shutil.copy(duckdb_db, spark_db)
    for salt in duckdb_db.parent.glob("*salt*"):  # the same respondent hashes in both
        shutil.copy(salt, spark_db.parent / salt.name)
    pipeline.build(duckdb_db)
    pipeline.build(spark_db, engine="spark")
    return Builds(duckdb_db, spark_db)


def read(db_path: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db_path), read_only=True) as connection:
        return connection.execute(sql).df()


def duckdb_marts(db_path: Path) -> list[str]:
    sql = "select table_name from information_schema.tables where table_schema = 'marts'"
    return sorted(read(db_path, sql)["table_name"])


def spark_mart(db_path: Path, name: str) -> pd.DataFrame:
    folder = mart_folders(spark_dir(db_path) / "tables")[name]
    with duckdb.connect() as connection:
        return connection.execute("select * from read_parquet(?)", [str(folder / "*.parquet")]).df()


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in the order of their key columns (all but the floating-point ones), then the rest."""
    keys = [name for name in frame.columns if not pd.api.types.is_float_dtype(frame[name])]
    rest = [name for name in frame.columns if name not in keys]
    return frame.sort_values(keys + rest, na_position="first", kind="mergesort").reset_index(
        drop=True
    )


def differences(expected: pd.DataFrame, actual: pd.DataFrame) -> list[str]:
    """Column by column: what differs between two tables with the same rows in the same order."""
    if sorted(expected.columns) != sorted(actual.columns):
        return [f"columns {sorted(expected.columns)} != {sorted(actual.columns)}"]
    if len(expected) != len(actual):
        return [f"{len(expected)} rows != {len(actual)} rows"]
    expected, actual = ordered(expected), ordered(actual[list(expected.columns)])
    found = []
    for name in expected.columns:
        left, right = expected[name], actual[name]
        if pd.api.types.is_numeric_dtype(left) and pd.api.types.is_numeric_dtype(right):
            a, b = left.to_numpy(dtype=float), right.to_numpy(dtype=float)
            both_null = np.isnan(a) & np.isnan(b)
            scale = np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))
            close = both_null | (np.abs(a - b) <= TOLERANCE * np.nan_to_num(scale, nan=1.0))
        else:
            close = (left.isna() & right.isna()).to_numpy() | (
                left.astype(object) == right.astype(object)
            ).to_numpy(dtype=bool)
        if not close.all():
            row = int(np.argmin(close))
            found.append(
                f"{name}: {int((~close).sum())} rows, e.g. {left[row]!r} != {right[row]!r}"
            )
    return found


def test_spark_builds_every_mart(builds: Builds) -> None:
    assert set(mart_folders(spark_dir(builds.spark_db) / "tables")) == set(
        duckdb_marts(builds.duckdb_db)
    )


def test_every_mart_built_on_spark_equals_the_duckdb_build(builds: Builds) -> None:
    problems = {}
    for name in duckdb_marts(builds.duckdb_db):
        expected = read(builds.duckdb_db, f"select * from marts.{name}")
        assert len(expected) > 0, name
        found = differences(expected, spark_mart(builds.spark_db, name))
        if found:
            problems[name] = found
    assert not problems, problems


def test_the_marts_brought_back_to_duckdb_are_the_spark_marts(builds: Builds) -> None:
    for name in duckdb_marts(builds.duckdb_db):
        expected = read(builds.duckdb_db, f"describe marts.{name}")
        imported = read(builds.spark_db, f"describe marts.{name}")
        assert imported["column_name"].tolist() == expected["column_name"].tolist(), name
        assert imported["column_type"].tolist() == expected["column_type"].tolist(), name
        rows = read(builds.spark_db, f"select * from marts.{name}")
        assert not differences(spark_mart(builds.spark_db, name), rows), name


def test_the_spark_build_is_recorded_for_the_gate(builds: Builds) -> None:
    build = last_build(builds.spark_db)
    assert build is not None and build.succeeded
    assert build.command == "build" and build.selection == "--selector production"
    assert build.n_failed == 0 and build.n_nodes and build.n_nodes > 100
    duckdb_build = last_build(builds.duckdb_db)
    assert duckdb_build is not None and build.n_nodes == duckdb_build.n_nodes


JVM_PROBE = """
import resource, sys
from pathlib import Path
from pyspark import SparkContext
from cxbench.spark.session import start_session, stop_session

start_session(Path(sys.argv[1])).sql("select 1").collect()
jvm = SparkContext._gateway.proc
stop_session()
print(jvm.poll() is not None, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime)
"""


def test_the_launcher_waits_for_its_jvm(tmp_path: Path) -> None:
    """The JVM has exited when the session stops, and its CPU time counts for its parent.

    Otherwise it is reaped by no one we know of: the benchmarks' wait4 (and
    /usr/bin/time) would report the Python driver alone for a Spark build.
    """
    require_spark()
    probe = subprocess.run(
        [sys.executable, "-c", JVM_PROBE, str(tmp_path)],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    exited, children_cpu_seconds = probe.stdout.split()
    assert exited == "True"
    assert float(children_cpu_seconds) > 1.0, "the JVM's CPU time counted for nobody"
