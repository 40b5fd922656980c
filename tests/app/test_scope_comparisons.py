"""The pillar_comparisons() scope macro: a client sees its own companies' comparisons,
its sector leader only by pseudonym; an analyst sees every company by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_access import add_publication_and_access

from cxbench.app import queries
from cxbench.app.queries.warehouse import fetch_rows

CLIENT = queries.Viewer(role="client", company_ids=("nl_beta",))


@pytest.fixture
def key(warehouse: Path) -> queries.WarehouseFile:
    # the fixture warehouse holds fct_pillar_comparisons (fixture_comparisons)
    add_publication_and_access(warehouse)
    return queries.open_warehouse(CLIENT, warehouse)


def test_client_sees_its_own_comparisons_and_the_leader_pseudonymised(
    key: queries.WarehouseFile,
) -> None:
    rows = fetch_rows(
        key,
        "select distinct company_id, comparator, comparator_company_id, wave "
        "from pillar_comparisons() order by comparator",
        [],
    )
    assert rows == [
        {"company_id": "nl_beta", "comparator": "country", "comparator_company_id": None,
         "wave": 2024},
        {"company_id": "nl_beta", "comparator": "leader",
         "comparator_company_id": "sector-leader-1", "wave": 2024},
        {"company_id": "nl_beta", "comparator": "sector", "comparator_company_id": None,
         "wave": 2024},
    ]  # fmt: skip


def test_analyst_sees_every_company_by_id(key: queries.WarehouseFile) -> None:
    analyst = queries.WarehouseFile(key.path, key.inode, key.mtime_ns, queries.ANALYST)
    companies = fetch_rows(
        analyst, "select distinct company_id from pillar_comparisons() order by 1", []
    )
    assert len(companies) > 1 and {"company_id": "nl_beta"} in companies
    leaders = fetch_rows(
        analyst,
        "select count(*) as n from pillar_comparisons() "
        "where comparator = 'leader' and comparator_company_id like 'sector-leader%'",
        [],
    )
    assert leaders == [{"n": 0}]
