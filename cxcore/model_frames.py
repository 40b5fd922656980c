"""DataFrames in and out of the dbt Python models, whichever engine runs them.

``dbt.ref()`` in a Python model gives the engine's own relation: a DuckDB
relation on DuckDB (``.df()`` makes it pandas), a Spark DataFrame on Spark
(``.toPandas()``). The models compute on small aggregate tables in pandas and
numpy, then hand back a frame of the engine's kind: pandas for dbt-duckdb, a
Spark DataFrame for dbt-spark, built here with an explicit schema so that
missing values are NULL (pandas' NaN would otherwise land in Spark as a NaN
double, never NULL, where DuckDB reads it as NULL) and the column types are
the ones the model chose.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

#: Spark SQL type of each pandas dtype the models return (their ``astype`` maps).
SPARK_TYPES = {
    "int32": "int",
    "int64": "bigint",
    "float64": "double",
    "bool": "boolean",
    "boolean": "boolean",
    "string": "string",
    "str": "string",
}


def to_pandas(relation: Any) -> pd.DataFrame:
    """A ``dbt.ref()`` result as pandas: a Spark DataFrame or a DuckDB relation."""
    if hasattr(relation, "toPandas"):
        return relation.toPandas()
    return relation.df()


def engine_frame(session: Any, frame: pd.DataFrame) -> Any:
    """``frame`` as the engine's DataFrame: pandas for DuckDB, Spark's with NULLs for Spark."""
    if not hasattr(session, "createDataFrame"):
        return frame
    schema = ", ".join(f"`{name}` {spark_type(dtype)}" for name, dtype in frame.dtypes.items())
    columns = [
        [None if pd.isna(value) else value for value in frame[name].tolist()]
        for name in frame.columns
    ]
    return session.createDataFrame(list(zip(*columns, strict=True)), schema)


def spark_type(dtype: object) -> str:
    """The Spark SQL type of a pandas dtype (ValueError for one the models never return)."""
    try:
        return SPARK_TYPES[str(dtype)]
    except KeyError:
        raise ValueError(f"no Spark type for pandas dtype {dtype}") from None
