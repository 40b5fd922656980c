"""The pillar_comparisons() scope macro: a client sees its own companies' comparisons,
its sector leader only by pseudonym; an analyst sees every company by id."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fixture_access import add_publication_and_access

from app import queries
from app.queries.warehouse import fetch_rows
from tests.fixtures.mart_tables import create_marts

CLIENT = queries.Viewer(role="client", company_ids=("nl_beta",))

#: Leader and sector comparison rows derived from the fixture's leader gaps.
COMPARISONS_SQL = """
insert into marts.fct_pillar_comparisons
    (study_id, company_id, country, wave, sector_code, pillar_id, comparator,
     comparator_company_id, mean_score, comparator_mean_score, difference, direction,
     is_significant, confidence_level, methodology_version)
select
    study_id, company_id, country, wave, sector_code, pillar_id, comparator,
    case when comparator = 'leader' then leader_company_id end,
    mean_score, leader_mean_score, -gap_to_leader, direction,
    is_gap_significant, confidence_level, methodology_version
from marts.fct_leader_gaps, (values ('leader'), ('sector')) as comparators (comparator)
"""


@pytest.fixture
def key(warehouse: Path) -> queries.WarehouseFile:
    add_publication_and_access(warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        create_marts(connection, "fct_pillar_comparisons")
        connection.execute(COMPARISONS_SQL)
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
