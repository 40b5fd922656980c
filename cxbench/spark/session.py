"""The local Spark session that dbt's ``session`` method runs in.

dbt-spark's ``method: session`` (profiles.yml, target ``spark``) asks
``SparkSession.builder.getOrCreate()`` for its session, so the launcher
(cxbench.spark.dbt_session) starts it first, with the settings here, in the
same process: static settings (master, memory, warehouse folder, catalogue)
only take effect on a session's start, never from a profile afterwards.

The catalogue is Spark's in-memory one: a build creates every relation anew
(dbt's tables under ``tables/`` in the Spark folder, the raw views over the
exported Parquet), so no Hive metastore is kept between runs; the launcher
empties the tables folder first, as a fresh warehouse would be.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: Environment variables that override the defaults below (docs/spark.md).
MASTER_ENV = "CXBENCH_SPARK_MASTER"
DRIVER_MEMORY_ENV = "CXBENCH_SPARK_DRIVER_MEMORY"
#: Local mode on the two cores of the reference machine, memory left for DuckDB beside it.
DEFAULT_MASTER = "local[2]"
DEFAULT_DRIVER_MEMORY = "4g"


def session_settings(spark_dir: Path) -> dict[str, str]:
    """Spark settings of a local build whose tables live under ``spark_dir/tables``."""
    return {
        "spark.master": os.environ.get(MASTER_ENV, DEFAULT_MASTER),
        "spark.driver.memory": os.environ.get(DRIVER_MEMORY_ENV, DEFAULT_DRIVER_MEMORY),
        "spark.app.name": "cxbench-dbt",
        "spark.sql.catalogImplementation": "in-memory",
        "spark.sql.warehouse.dir": (spark_dir / "tables").resolve().as_uri(),
        # DuckDB's TIMESTAMP has no time zone: read and write wall-clock times as they are.
        "spark.sql.session.timeZone": "UTC",
        # Partition folders hold text (raw_export casts each column to its type).
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        # Small tables: a few partitions per shuffle instead of 200 near-empty tasks.
        "spark.sql.shuffle.partitions": "4",
        "spark.sql.adaptive.enabled": "true",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        # Timestamps as Parquet's TIMESTAMP_MICROS, which DuckDB reads back (not INT96).
        "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    }


def start_session(spark_dir: Path) -> SparkSession:
    """The process's Spark session with :func:`session_settings` (created once)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    for key, value in session_settings(spark_dir).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def stop_session(timeout_seconds: float = 60.0) -> None:
    """Stop the process's Spark session and wait until its JVM has exited.

    pyspark starts the JVM as a child process and leaves it to die when this
    process exits (it reads its stdin until end of file), unwaited: its CPU time
    and memory would then count for no process (``wait4`` in the benchmarks,
    ``/usr/bin/time``), and it would outlive the build for a moment. Closing
    its stdin and waiting makes it a finished child of this process.
    """
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    if session is not None:
        session.stop()
    gateway = SparkContext._gateway
    process = getattr(gateway, "proc", None)
    if process is None:
        return
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=timeout_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
