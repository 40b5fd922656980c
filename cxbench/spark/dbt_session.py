"""Run dbt on the ``spark`` target inside a local Spark session (docs/spark.md).

``python -m cxbench.spark.dbt_session <dbt args>``, with ``CXBENCH_SPARK_DIR`` set.

What this adds to a plain ``dbt`` command, in its own process:

1. the Spark session (cxbench.spark.session), started before dbt asks for it;
2. schema ``raw`` as views over the exported Parquet (cxbench.spark.raw_export),
   the dbt sources, registered before any model runs;
3. Python models in that session. dbt-spark submits Python models only to
   Databricks clusters (``all_purpose_cluster``, ``job_cluster``); with
   ``method: session`` the session is right here, so a ``session`` submission
   method runs the compiled model in this process, where ``spark`` is the session
   and the project's own packages (cxcore.stats) import as on DuckDB.

The Spark folder comes from ``CXBENCH_SPARK_DIR`` (set by cxbench.spark.build).
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any

from cxbench.spark.raw_export import register_statements
from cxbench.spark.session import start_session, stop_session

#: Environment variable naming the Spark folder: ``raw/`` (exported) and ``tables/`` (built).
SPARK_DIR_ENV = "CXBENCH_SPARK_DIR"
#: The submission method this launcher adds to dbt-spark.
SESSION_SUBMISSION = "session"


def install_session_submission() -> None:
    """Teach dbt-spark to run Python models in this process's Spark session."""
    from dbt.adapters.base import PythonJobHelper
    from dbt.adapters.spark.impl import SparkAdapter

    class SessionPythonJobHelper(PythonJobHelper):
        """Executes a compiled Python model with ``spark`` bound to the live session."""

        def __init__(self, parsed_model: dict, credentials: Any) -> None:
            self.parsed_model = parsed_model
            self.credentials = credentials

        def submit(self, compiled_code: str) -> None:
            from pyspark.sql import SparkSession

            namespace = {"spark": SparkSession.builder.getOrCreate(), "__name__": "dbt_model"}
            exec(compile(compiled_code, self.parsed_model.get("name", "model"), "exec"), namespace)

    helpers = dict(SparkAdapter.python_submission_helpers.fget(None))  # type: ignore[union-attr]
    helpers[SESSION_SUBMISSION] = SessionPythonJobHelper
    SparkAdapter.python_submission_helpers = property(lambda self: helpers)  # type: ignore[method-assign]
    SparkAdapter.default_python_submission_method = property(  # type: ignore[method-assign]
        lambda self: SESSION_SUBMISSION
    )


def prepare(spark_dir: Path) -> None:
    """A fresh tables folder, the session started and schema ``raw`` registered."""
    shutil.rmtree(spark_dir / "tables", ignore_errors=True)
    session = start_session(spark_dir)
    for statement in register_statements(spark_dir / "raw"):
        session.sql(statement)


def main(argv: list[str]) -> int:
    """``dbt <argv>`` after :func:`prepare`; dbt's exit code."""
    from dbt.cli.main import dbtRunner

    # pyspark 4.3 warns on every pandas conversion under pandas 3; the two Python
    # models convert a few hundred rows, and the Spark build test holds their numbers.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    spark_dir = Path(os.environ[SPARK_DIR_ENV])
    prepare(spark_dir)
    install_session_submission()
    try:
        result = dbtRunner().invoke(argv)
    finally:
        stop_session()
    if result.success:
        return 0
    return 2 if result.exception else 1  # dbt's own codes: 1 failed nodes, 2 an error


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
