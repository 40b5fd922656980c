"""Movers of a publication: each company's change since the previous *published* wave.

A mover in a press release always refers to a number that was itself
published: the previous publication is the latest earlier wave's, of the same
methodology version when that wave has one. A company whose make-up changed in
between (a brand merged into it) has no move: the two numbers describe
different companies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import duckdb

from cxbench.publication.candidate import Candidate
from cxbench.publication.store import has_schema, stored_rows

PREVIOUS_SQL = """
select publication_id, wave, methodology_version
from published.publications
where wave < ?
order by wave desc, (methodology_version = ?) desc, published_at desc
limit 1
"""


@dataclass(frozen=True)
class Move:
    """One published company's move since the previous published wave."""

    country: str
    company_id: str
    company_name: str | None
    cx_index_change: float
    change_std_error: float | None
    #: None when the previous publication has no standard error (made before they were kept).
    is_significant: bool | None
    rank_in_country_change: int


def with_movers(
    connection: duckdb.DuckDBPyConnection, candidate: Candidate
) -> tuple[list[dict[str, Any]], int | None]:
    """Candidate rows with change in CX index and rank since the previous published wave."""
    previous = (
        connection.execute(PREVIOUS_SQL, [candidate.wave, candidate.methodology_version]).fetchall()
        if has_schema(connection)
        else []
    )
    before: dict[tuple[str, str], dict[str, Any]] = {}
    previous_wave = previous_version = None
    if previous:
        publication_id, previous_wave, previous_version = previous[0]
        before = {
            (row["country"], row["company_id"]): row
            for row in stored_rows(connection, publication_id)
        }
    critical = NormalDist().inv_cdf(0.5 + candidate.confidence_level / 2)
    rows = []
    for row in candidate.rows:
        earlier = before.get((row["country"], row["company_id"]))
        if previous_wave is not None and any(
            company_id == row["company_id"] and previous_wave < changed <= candidate.wave
            for company_id, changed in candidate.make_up_changes
        ):
            earlier = None  # absorbed a brand since: not the company published then
        rows.append(
            {
                **row,
                "previous_published_wave": previous_wave,
                "previous_methodology_version": previous_version,
                "previous_cx_index": earlier["cx_index"] if earlier else None,
                "cx_index_change": (
                    round(row["cx_index"] - earlier["cx_index"], 6) if earlier else None
                ),
                "previous_rank_in_country": earlier["rank_in_country"] if earlier else None,
                "rank_in_country_change": (
                    earlier["rank_in_country"] - row["rank_in_country"] if earlier else None
                ),
                **move_significance(row, earlier, critical),
            }
        )
    return rows, previous_wave


def move_significance(
    row: dict[str, Any], earlier: dict[str, Any] | None, critical: float
) -> dict[str, Any]:
    """The move's standard error and significance, as the marts judge a change.

    The two waves are independent samples: the change's standard error is
    sqrt(se_now² + se_then²), and the move is significant when it exceeds
    ``critical`` of them. Unknown (None) against a publication made before the
    index's standard error was published.
    """
    now = row.get("cx_index_std_error")
    then = earlier.get("cx_index_std_error") if earlier else None
    if earlier is None or now is None or then is None:
        return {"cx_index_change_std_error": None, "is_cx_index_change_significant": None}
    error = math.sqrt(now * now + then * then)
    change = row["cx_index"] - earlier["cx_index"]
    return {
        "cx_index_change_std_error": round(error, 6),
        "is_cx_index_change_significant": bool(abs(change) > critical * error),
    }


def moves_of(rows: list[dict[str, Any]]) -> tuple[Move, ...]:
    """The rows with a move, largest change (either way) first."""
    moved = [row for row in rows if row["cx_index_change"] is not None]
    moved.sort(key=lambda row: (-abs(row["cx_index_change"]), row["country"], row["company_id"]))
    return tuple(
        Move(
            country=row["country"],
            company_id=row["company_id"],
            company_name=row["company_name"],
            cx_index_change=row["cx_index_change"],
            change_std_error=row["cx_index_change_std_error"],
            is_significant=row["is_cx_index_change_significant"],
            rank_in_country_change=row["rank_in_country_change"],
        )
        for row in moved
    )
