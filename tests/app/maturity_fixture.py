"""Maturity marts for the fixture warehouse, small enough to check by hand.

NL 2024 only: Alfa Bank (the BANK sector leader) rates itself 4 on every item but
``coordinated`` (3), so it is at stage 6; Beta Bank rates itself 3 on everything
but ``strategy`` (2) and ``consistent`` (3.5), so it has not reached the first step
(stage 0); Delta Telecom rates itself 2.5 throughout. Gamma Bank (NL) and Omega
Bank (PL) have no assessment. The links with the CX index are written, not
estimated: strategy goes with it most (r = 0.6), ``controlled`` not at all
(r = −0.1). Priorities follow the mart's rule, priority = (5 − score) × max(0, r),
so Beta's next step is strategy: (5 − 2) × 0.6 = 1.8.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from cxcore.settings import DBT_PROJECT_DIR
from tests.fixtures.mart_tables import create_marts

WAVE = 2024
METHODOLOGY = "1.0.0"
THRESHOLD = 3.5
N_LINK_COMPANIES = 12
SEED = DBT_PROJECT_DIR / "seeds" / "maturity_items.csv"
#: item_id, item_group, sort_order, label_en, label_nl, label_no, label_pl (the dbt seed).
ITEMS = [
    (row["item_id"], row["item_group"], int(row["sort_order"]), row["label_en"],
     row["label_nl"], row["label_no"], row["label_pl"])
    for row in csv.DictReader(SEED.open(encoding="utf-8"))
]  # fmt: skip
ITEM_IDS = [item[0] for item in ITEMS]
#: company -> (sector, managers, spread between them, item scores; default for the rest)
ASSESSED: dict[str, tuple[str, int, float, float, dict[str, float]]] = {
    "nl_alfa": ("BANK", 4, 0.5, 4.0, {"coordinated": 3.0}),
    "nl_beta": ("BANK", 3, 0.8, 3.0, {"strategy": 2.0, "consistent": 3.5}),
    "nl_delta": ("TEL", 2, 0.7, 2.5, {}),
}
LEADERS = {"BANK": "nl_alfa", "TEL": "nl_delta"}
#: Correlation of each item with the CX index (0.3 unless listed), and "overall".
CORRELATIONS = {"strategy": 0.6, "consistent": 0.5, "controlled": -0.1, "overall": 0.55}
DEFAULT_CORRELATION = 0.3
MIN_SECTOR_COMPANIES = 2


def score(company_id: str, item_id: str) -> float:
    """A company's mean score on one item."""
    _, _, _, default, exceptions = ASSESSED[company_id]
    return exceptions.get(item_id, default)


def correlation(item_id: str) -> float:
    """The fixture's correlation of an item (or ``overall``) with the CX index."""
    return CORRELATIONS.get(item_id, DEFAULT_CORRELATION)


def stage(company_id: str) -> int:
    """Consecutive steps from the first whose score reaches the threshold."""
    reached = 0
    for item_id, group, *_ in ITEMS:
        if group != "maturity_step":
            continue
        if score(company_id, item_id) < THRESHOLD:
            break
        reached += 1
    return reached


def priorities(company_id: str) -> list[tuple[str, float, int]]:
    """(item_id, priority, rank): priority desc, then the lower score, then item order."""
    rows = [
        (item_id, (5 - score(company_id, item_id)) * max(0.0, correlation(item_id)), group, order)
        for item_id, group, order, *_ in ITEMS
    ]
    ranked = sorted(rows, key=lambda row: (-row[1], score(company_id, row[0]), row[2], row[3]))
    return [(item_id, priority, rank) for rank, (item_id, priority, _, _) in enumerate(ranked, 1)]


def _step_id(position: int) -> str | None:
    steps = [item[0] for item in ITEMS if item[1] == "maturity_step"]
    return steps[position - 1] if 1 <= position <= len(steps) else None


def _sector_average(sector: str, item_id: str) -> float | None:
    scores = [score(company, item_id) for company, spec in ASSESSED.items() if spec[0] == sector]
    return sum(scores) / len(scores) if len(scores) >= MIN_SECTOR_COMPANIES else None


#: The maturity marts, created from their dbt contracts; rows fill every column in order.
MARTS = (
    "dim_maturity_item", "fct_maturity", "fct_maturity_stages", "fct_maturity_priorities",
    "fct_maturity_outcome_links",
)  # fmt: skip


def add_maturity(path: Path, with_rows: bool = True) -> Path:
    """Add the maturity marts to a built fixture warehouse (``with_rows=False``: empty)."""
    with duckdb.connect(str(path)) as connection:
        create_marts(connection, *MARTS)
        connection.executemany(f"insert into marts.dim_maturity_item values ({_q(7)})", ITEMS)
        if with_rows:
            _insert_rows(connection)
    return path


def _q(count: int) -> str:
    return ", ".join("?" * count)


def _item_keys(item_id: str) -> tuple[str, str, int]:
    """(item_group, item_id, sort_order), the column order of the maturity marts."""
    group, order = next((item[1], item[2]) for item in ITEMS if item[0] == item_id)
    return group, item_id, order


def _insert_rows(connection: duckdb.DuckDBPyConnection) -> None:
    groups = {item[0]: (item[1], item[2]) for item in ITEMS}
    for company_id, (sector, managers, spread, _, _) in ASSESSED.items():
        scores = [score(company_id, item_id) for item_id in ITEM_IDS]
        connection.executemany(
            f"insert into marts.fct_maturity values ({_q(14)})",
            [(company_id, "NL", sector, WAVE, *_item_keys(item_id), managers,
              score(company_id, item_id), spread, spread / managers**0.5, managers >= 2,
              None, METHODOLOGY) for item_id in ITEM_IDS],
        )  # fmt: skip
        reached = stage(company_id)
        connection.execute(
            f"insert into marts.fct_maturity_stages values ({_q(15)})",
            [company_id, "NL", sector, WAVE, managers, len(ITEM_IDS), sum(scores) / len(scores),
             None, None, reached, _step_id(reached), _step_id(reached + 1), THRESHOLD, True,
             METHODOLOGY],
        )  # fmt: skip
        leader = LEADERS[sector]
        for item_id, priority, rank in priorities(company_id):
            own, best = score(company_id, item_id), score(leader, item_id)
            average = _sector_average(sector, item_id)
            connection.execute(
                f"insert into marts.fct_maturity_priorities values ({_q(20)})",
                [company_id, "NL", sector, WAVE, *_item_keys(item_id), managers, own, average,
                 sum(spec[0] == sector for spec in ASSESSED.values()), average is None, leader,
                 best, best - own, correlation(item_id), correlation(item_id) >= 0.5, priority,
                 rank, METHODOLOGY],
            )  # fmt: skip
    for item_id in ["overall", *ITEM_IDS]:
        group, order = groups.get(item_id, ("overall", 0))
        r = correlation(item_id)
        connection.execute(
            f"insert into marts.fct_maturity_outcome_links values ({_q(18)})",
            [WAVE, group, item_id, order, "cx_index", "cee", N_LINK_COMPANIES, r, r - 0.3,
             r + 0.25, 2 * r, 0.2, 2 * r - 0.4, 2 * r + 0.4, True, r >= 0.5, 0.95, METHODOLOGY],
        )  # fmt: skip
        connection.execute(  # one pillar link per item: integrity, 0.1 below the CX index's
            f"insert into marts.fct_maturity_outcome_links values ({_q(18)})",
            [WAVE, group, item_id, order, "pillar", "integrity", N_LINK_COMPANIES, r - 0.1,
             None, None, None, None, None, None, True, False, 0.95, METHODOLOGY],
        )  # fmt: skip
