"""The app's SQL reads only what the dbt contracts declare.

Every query function of ``cxbench.app.queries`` runs against a warehouse whose marts are
created from the enforced contracts alone (:mod:`cxcore.mart_contracts`), empty:
DuckDB binds every column name before it reads a row, so a query naming a column
or mart no contract declares fails here, whatever rows a fixture happens to hold.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import fixture_audit
import pytest

import cxbench.app.queries as queries
from cxbench.app.queries.warehouse import ANALYST, REQUIRED_COLUMNS, fetch_frame, open_warehouse
from cxcore.mart_contracts import contracts, create_tables_sql

#: A value for each parameter name the query functions take (after the warehouse key).
ARGUMENTS: dict[str, Any] = {
    "study_id": "cxbench",
    "country": "NL",
    "wave": 2024,
    "sector_code": "BANK",
    "company_id": "nl_alfa",
    "language": "en",
    "top_n": 5,
    "limit": 5,
    "run_id": "run-1",
    "failures_only": True,
}


def _query_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Every exported function whose first parameter is the warehouse key."""
    found = []
    for name in queries.__all__:
        function = getattr(queries, name)
        if not callable(function) or inspect.isclass(function):
            continue
        parameters = list(inspect.signature(function).parameters)
        if parameters[:1] == ["key"] and name != "open_warehouse":
            found.append((name, function))
    return found


@pytest.fixture
def contract_warehouse(tmp_path: Path) -> Path:
    """Every contracted mart, empty, plus the raw and audit tables the quality page reads."""
    path = tmp_path / "contracts.duckdb"
    marts = [name for name in contracts() if name != "dim_methodology"]
    with duckdb.connect(str(path)) as connection:
        connection.execute(create_tables_sql(marts))
        fixture_audit.write(connection)  # raw/audit tables and dim_methodology
    return path


def test_every_query_function_is_found() -> None:
    names = {name for name, _ in _query_functions()}
    assert {"benchmark_pillars", "cx_index_trend", "sector_profiles", "movers"} <= names
    assert len(names) >= 25


@pytest.mark.parametrize("name", [name for name, _ in _query_functions()])
def test_query_binds_to_the_contracted_columns(contract_warehouse: Path, name: str) -> None:
    function = getattr(queries, name)
    key = open_warehouse(ANALYST, contract_warehouse)
    parameters = list(inspect.signature(function).parameters)[1:]
    function(key, *(ARGUMENTS[parameter] for parameter in parameters))


def test_a_column_no_contract_declares_fails_to_bind(contract_warehouse: Path) -> None:
    key = open_warehouse(ANALYST, contract_warehouse)
    with pytest.raises(duckdb.BinderException):
        fetch_frame(key, "select avg_nps from wh.marts.fct_benchmark_scores", [])


def test_the_warehouse_check_requires_each_core_mart_contract_whole() -> None:
    declared = contracts()
    for mart, columns in REQUIRED_COLUMNS.items():
        assert columns == set(declared[mart].column_names), mart
