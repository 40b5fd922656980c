"""The scope macros: every app query reads the warehouse through them, as its viewer.

Query-level checks on the fixture warehouse (Beta Bank as the client): the macros fail
closed without a viewer, show a client only published waves, its own companies by
name and its disclosed sector's eligible peers by pseudonym, reduce suppression
reasons to "withheld", and return nothing of the data-quality tables.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fixture_access import add_publication_and_access

from cxbench.app import queries
from cxbench.app.queries import scope
from cxbench.app.queries.warehouse import fetch_rows

QUERIES_DIR = Path(queries.__file__).parent
CLIENT = queries.Viewer(role="client", company_ids=("nl_beta",))


@pytest.fixture
def key(warehouse: Path) -> queries.WarehouseFile:
    add_publication_and_access(warehouse)
    return queries.open_warehouse(CLIENT, warehouse)


def as_viewer(key: queries.WarehouseFile, viewer: queries.Viewer) -> queries.WarehouseFile:
    return queries.WarehouseFile(key.path, key.inode, key.mtime_ns, viewer)


def test_only_the_scope_module_names_warehouse_tables() -> None:
    """A query that reads ``wh.<schema>.<table>`` itself would bypass the viewer's scope."""
    offenders = {
        path.name: re.findall(r"\bwh\.\w+\.\w+", path.read_text())
        for path in QUERIES_DIR.glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_every_query_runs_through_the_viewer_cursor() -> None:
    """No query module opens its own connection: only warehouse.py's fetches set the viewer."""
    for path in QUERIES_DIR.glob("*.py"):
        if path.name == "warehouse.py":
            continue
        names = {
            node.attr if isinstance(node, ast.Attribute) else node.id
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Attribute | ast.Name)
        }
        assert not names & {"connect", "_connection", "cursor", "duckdb"}, path.name


def test_a_cursor_without_a_viewer_sees_nothing(key: queries.WarehouseFile) -> None:
    connection = scope.connect(key.path)
    for macro in ("company_scores", "benchmark_scores", "visible_samples", "load_batches"):
        assert connection.execute(f"select count(*) from {macro}()").fetchall() == [(0,)], macro


def test_client_sees_published_waves_own_company_and_pseudonymised_peers(
    key: queries.WarehouseFile,
) -> None:
    rows = fetch_rows(
        key,
        "select country, wave, company_id, company_name, is_own from company_scores() "
        "where study_id = 'cxbench' order by country, wave, company_id",
        [],
    )
    assert rows == [
        {"country": "NL", "wave": 2024, "company_id": "nl_beta", "company_name": "Beta Bank",
         "is_own": True},
        {"country": "NL", "wave": 2024, "company_id": "sector-leader-1",
         "company_name": "Sector leader", "is_own": False},
    ]  # fmt: skip
    analyst = fetch_rows(as_viewer(key, queries.ANALYST), "select * from company_scores()", [])
    assert {(row["country"], row["wave"]) for row in analyst} >= {("NL", 2023), ("NL", 2024)}


def test_leader_gaps_are_the_clients_own_with_the_leader_pseudonymised(
    key: queries.WarehouseFile,
) -> None:
    rows = fetch_rows(
        key, "select distinct company_id, leader_company_id, wave from leader_gaps()", []
    )
    assert rows == [{"company_id": "nl_beta", "leader_company_id": "sector-leader-1", "wave": 2024}]


def test_client_gets_suppression_without_its_reason(key: queries.WarehouseFile) -> None:
    rows = fetch_rows(
        key,
        "select distinct is_suppressed, suppression_reason, top_company_share "
        "from benchmark_scores() order by all",
        [],
    )
    assert rows == [
        {"is_suppressed": False, "suppression_reason": None, "top_company_share": None},
        {"is_suppressed": True, "suppression_reason": "withheld", "top_company_share": None},
    ]
    analyst = fetch_rows(
        as_viewer(key, queries.ANALYST),
        "select suppression_reason from benchmark_scores() where is_suppressed",
        [],
    )
    assert all(row["suppression_reason"] not in (None, "withheld") for row in analyst)


@pytest.mark.parametrize(
    "macro", ["load_batches", "rejected_rows", "quality_runs", "quality_results"]
)
def test_data_quality_is_for_analysts_only(key: queries.WarehouseFile, macro: str) -> None:
    assert fetch_rows(key, f"select count(*) as n from {macro}()", []) == [{"n": 0}]
    assert (
        fetch_rows(as_viewer(key, queries.ANALYST), f"select count(*) as n from {macro}()", [])[0][
            "n"
        ]
        > 0
    )


def test_a_client_without_published_waves_sees_no_scores(warehouse: Path) -> None:
    add_publication_and_access(warehouse, published=())
    key = queries.open_warehouse(CLIENT, warehouse)

    assert fetch_rows(key, "select count(*) as n from company_scores()", []) == [{"n": 0}]
