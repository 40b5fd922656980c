"""The dbt project's declared types are names both engines know (docs/spark.md).

Contracts (`data_type`) and seed `column_types` are written into SQL as they are,
on DuckDB and on Spark alike. Spark has no plain `varchar` (it wants a length) and
DuckDB knows `string` as its varchar, so text is declared `string`; `double`,
`integer`, `bigint`, `boolean` and `date` mean the same in both.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cxcore.settings import DBT_PROJECT_DIR

#: Type names that are the same type on DuckDB and on Spark.
PORTABLE = {"string", "double", "integer", "bigint", "boolean", "date"}


def declared_types(project_dir: Path = DBT_PROJECT_DIR) -> dict[str, str]:
    """Every declared type in the project's YAML, by `file: model.column`."""
    found: dict[str, str] = {}
    for path in sorted(project_dir.glob("[ms][oe]*/**/*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for node in document.get("models", []) + document.get("seeds", []):
            for column in node.get("columns", []) or []:
                if "data_type" in column:
                    found[f"{path.name}: {node['name']}.{column['name']}"] = column["data_type"]
            types = (node.get("config") or {}).get("column_types") or {}
            for column, data_type in types.items():
                found[f"{path.name}: {node['name']}.{column}"] = data_type
    return found


def test_every_declared_type_means_the_same_on_duckdb_and_spark() -> None:
    types = declared_types()
    assert len(types) > 300
    odd = {where: kind for where, kind in types.items() if str(kind).lower() not in PORTABLE}
    assert not odd, f"declare types both engines know ({sorted(PORTABLE)}): {odd}"
