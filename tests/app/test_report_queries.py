"""The report's own queries (``cxbench.app.queries.report``) read only what the dbt contracts
declare: each runs against every contracted mart created empty, as the app's queries do
in test_query_columns.py."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import duckdb
import fixture_audit
import pytest

from cxbench.app.queries import report as report_queries
from cxbench.app.queries.warehouse import ANALYST, open_warehouse
from cxcore.mart_contracts import contracts, create_tables_sql

ARGUMENTS = {
    "study_id": "cxbench",
    "country": "NL",
    "wave": 2024,
    "sector_code": "BANK",
    "company_id": "nl_alfa",
}
FUNCTIONS = ["organisation_samples", "organisation_row"]


@pytest.fixture
def contract_warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "contracts.duckdb"
    marts = [name for name in contracts() if name != "dim_methodology"]
    with duckdb.connect(str(path)) as connection:
        connection.execute(create_tables_sql(marts))
        fixture_audit.write(connection)
    return path


def test_every_report_query_is_listed() -> None:
    source = Path(report_queries.__file__).read_text()
    found = {node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    assert found == set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_report_query_binds_to_the_contracted_columns(contract_warehouse: Path, name: str) -> None:
    function = getattr(report_queries, name)
    key = open_warehouse(ANALYST, contract_warehouse)
    parameters = list(inspect.signature(function).parameters)[1:]
    function(key, *(ARGUMENTS[parameter] for parameter in parameters))
