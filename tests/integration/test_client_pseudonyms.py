"""Pseudonyms on the default demo world, through the app's scope macros.

A client's letters for its peers must be stable (the same on every query and every
new connection to the same warehouse file), cover its disclosed peer set exactly
once, and differ between clients of one sector, so two clients cannot line up their
"Competitor B"s.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from cxbench.app.queries import scope
from cxbench.app.queries.warehouse import Viewer

pytestmark = pytest.mark.slow

LABELS_SQL = """
select study_id, country, wave, sector_code, company_id, shown_id, shown_name
from company_labels()
where not is_own
order by all
"""


def labels_of(db_path: Path, client: str) -> dict[tuple, str]:
    """(study, country, wave, real company id) -> the name ``client`` sees it under,
    from a connection of its own."""
    connection = scope.connect(str(db_path))
    connection.execute(
        "set variable viewer = ?", [Viewer(role="client", company_ids=(client,)).sql_value()]
    )
    rows = connection.execute(LABELS_SQL).fetchall()
    connection.close()
    return {
        (study, country, wave, company): name for study, country, wave, _, company, _, name in rows
    }


@pytest.fixture(scope="module")
def sector_clients(default_demo: Path) -> list[str]:
    """The ranked companies of the canonical study's largest disclosed sector, 2025."""
    with duckdb.connect(str(default_demo), read_only=True) as connection:
        rows = connection.execute(
            """
            with largest as (
                select country, sector_code
                from marts.fct_benchmark_scores
                where benchmark_level = 'sector' and study_id = 'cxbench' and wave = 2025
                    and is_peer_set_disclosed
                order by n_eligible_companies desc, country, sector_code
                limit 1
            )
            select scores.company_id
            from marts.fct_company_scores as scores
            inner join largest using (country, sector_code)
            where scores.study_id = 'cxbench' and scores.wave = 2025 and scores.is_eligible
            order by scores.company_id
            """
        ).fetchall()
    return [company for (company,) in rows]


def test_letters_are_stable_for_a_client(default_demo: Path, sector_clients: list[str]) -> None:
    client = sector_clients[0]
    assert labels_of(default_demo, client) == labels_of(default_demo, client)


def test_letters_name_each_peer_once(default_demo: Path, sector_clients: list[str]) -> None:
    labels = labels_of(default_demo, sector_clients[0])
    by_cell: dict[tuple, list[str]] = defaultdict(list)
    for (study, country, wave, _company), name in labels.items():
        by_cell[(study, country, wave)].append(name)
    for names in by_cell.values():
        assert len(names) == len(set(names))
    assert len(sector_clients) >= 5
    cell = next(key for key in by_cell if key[2] == 2025 and len(by_cell[key]) >= 4)
    assert sorted(name for name in by_cell[cell] if name.startswith("Competitor")) == [
        f"Competitor {letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[: len(by_cell[cell]) - 1]
    ]


def test_two_clients_of_one_sector_get_different_letters(
    default_demo: Path, sector_clients: list[str]
) -> None:
    """For most pairs of clients of one sector, the peers both see (bar the leader) get
    different letters: each client's letters are drawn with a key of its own."""
    views = {client: labels_of(default_demo, client) for client in sector_clients}
    pairs = [(a, b) for a in sector_clients for b in sector_clients if a < b]
    differing = 0
    for a, b in pairs:
        shared = sorted(
            key for key in set(views[a]) & set(views[b])
            if key[2] == 2025 and views[a][key].startswith("Competitor")
        )  # fmt: skip
        assert len(shared) >= 2
        differing += [views[a][key] for key in shared] != [views[b][key] for key in shared]
    assert differing > len(pairs) / 2
