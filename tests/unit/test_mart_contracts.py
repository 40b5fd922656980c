"""cxcore.mart_contracts: the mart schema read from the dbt contracts, as dbt places it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cxcore.mart_contracts import (
    DBT_PROJECT_DIR,
    contracts,
    create_tables_sql,
    mart_columns,
)

PROJECT = """
name: shop
models:
  shop:
    staging:
      +schema: staging
    marts:
      +schema: marts
      finance:
        +schema: finance
"""

ORDERS = """
version: 2
models:
  - name: fct_orders
    config:
      contract: {enforced: true}
    columns:
      - name: order_id
        data_type: varchar
        constraints:
          - type: not_null
      - name: amount
        data_type: double
  - name: fct_drafts
    columns:
      - name: draft_id
"""

LEDGER = """
version: 2
models:
  - name: fct_ledger
    config:
      contract: {enforced: true}
    columns:
      - name: entry_id
        data_type: bigint
  - name: fct_audit_trail
    config:
      contract: {enforced: true}
      schema: audit
    columns:
      - name: event_at
        data_type: timestamp
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "dbt_project.yml").write_text(PROJECT)
    marts = tmp_path / "models" / "marts"
    (marts / "finance").mkdir(parents=True)
    (marts / "fct_orders.yml").write_text(ORDERS)
    (marts / "finance" / "ledger.yml").write_text(LEDGER)
    return tmp_path


def test_only_enforced_contracts_are_read_with_columns_in_order(project: Path) -> None:
    found = contracts(project)
    assert set(found) == {"fct_orders", "fct_ledger", "fct_audit_trail"}
    orders = found["fct_orders"]
    assert orders.column_names == ("order_id", "amount")
    assert [column.not_null for column in orders.columns] == [True, False]


def test_schema_comes_from_the_innermost_folder_or_the_model_config(project: Path) -> None:
    found = contracts(project)
    assert found["fct_orders"].relation == "marts.fct_orders"
    assert found["fct_ledger"].relation == "finance.fct_ledger"
    assert found["fct_audit_trail"].relation == "audit.fct_audit_trail"


def test_create_table_keeps_types_and_not_null(project: Path) -> None:
    sql = contracts(project)["fct_orders"].create_table_sql()
    with duckdb.connect() as connection:
        connection.execute("create schema marts")
        connection.execute(sql)
        described = connection.sql("describe marts.fct_orders").fetchall()
        assert [(row[0], row[1], row[2]) for row in described] == [
            ("order_id", "VARCHAR", "NO"),
            ("amount", "DOUBLE", "YES"),
        ]
        with pytest.raises(duckdb.ConstraintException):
            connection.execute("insert into marts.fct_orders (amount) values (1.0)")


def test_a_contracted_column_without_a_type_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dbt_project.yml").write_text(PROJECT)
    (tmp_path / "models" / "marts").mkdir(parents=True)
    (tmp_path / "models" / "marts" / "bad.yml").write_text(
        "models:\n  - name: fct_bad\n    config: {contract: {enforced: true}}\n"
        "    columns:\n      - name: untyped\n"
    )
    with pytest.raises(ValueError, match=r"fct_bad\.untyped"):
        contracts(tmp_path)


def test_the_project_marts_are_found_and_build_in_duckdb() -> None:
    assert DBT_PROJECT_DIR.joinpath("dbt_project.yml").is_file()
    columns = mart_columns()
    assert {"fct_company_scores", "fct_benchmark_scores", "dim_pillar"} <= set(columns)
    assert columns["fct_benchmark_scores"][:5] == (
        "benchmark_level",
        "study_id",
        "country",
        "sector_code",
        "wave",
    )
    with duckdb.connect() as connection:
        connection.execute(create_tables_sql(columns))
        tables = connection.sql(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    assert {row[0] for row in tables} == set(columns)


def test_an_unknown_mart_is_an_error() -> None:
    with pytest.raises(KeyError, match="fct_sector_scores"):
        mart_columns(["fct_sector_scores"])
