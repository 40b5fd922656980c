"""The Spark build records itself in audit.dbt_builds with the table dbt's hooks create."""

from __future__ import annotations

import re
from pathlib import Path

from cxbench.spark.build import CREATE_BUILDS_SQL

MACRO = Path(__file__).resolve().parents[2] / "dbt_project/macros/audit/dbt_builds.sql"


def _statements(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def test_the_spark_record_uses_the_hooks_table_definition() -> None:
    """Two copies of one DDL (Python cannot call a dbt macro without dbt): they must
    not drift, or a Spark build would write rows the gate reads differently."""
    text = MACRO.read_text(encoding="utf-8")
    body = re.search(r"{% macro create_dbt_builds\(\) %}(.*?){% endmacro %}", text, re.S)
    assert body is not None, "create_dbt_builds macro not found"
    assert _statements(body.group(1)) == _statements(CREATE_BUILDS_SQL)
