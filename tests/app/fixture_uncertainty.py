"""Intervals, rank ranges and significances of the fixture warehouse (methodology 0.4.0).

The Rankings and Drivers tests add these to the fixture warehouse after it is built,
by hand-checkable values rather than by recomputing the marts' statistics:

- NL 2024: Alfa Bank 7.85 (7.60–8.10) is certainly first; Delta Telecom 7.40
  (7.10–7.70) and Beta Bank 7.10 (6.82–7.38) overlap, so both rank 2–3 in the
  country (one tie group). In its sector Beta is certainly second behind Alfa.
- Movers: Alfa's +0.65 is significant (standard error 0.18); Beta's −0.20 is not (0.21).
- Importance NL 2024 with standard error 0.02: integrity 0.25 (0.2108–0.2892) and
  personalisation 0.20 (0.1608–0.2392) overlap, as do personalisation and resolution
  0.18 and empathy 0.15; expectations 0.12 and time & effort 0.10 overlap.

The columns are added when the contracts do not declare them yet, so these tests
describe the page before and after the marts gain them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

CRITICAL_VALUE = 1.96
IMPORTANCE_STD_ERROR = 0.02

#: (company_id, ci_low, ci_high, country best, worst, sector best, worst) in canonical NL 2024.
RANGES = [
    ("nl_alfa", 7.60, 8.10, 1, 1, 1, 1),
    ("nl_delta", 7.10, 7.70, 2, 3, 1, 1),
    ("nl_beta", 6.82, 7.38, 2, 3, 2, 2),
]
#: (company_id, change std error, significant) of the NL 2024 movers.
MOVES = [("nl_alfa", 0.18, True), ("nl_beta", 0.21, False)]

_COLUMNS = {
    "fct_company_scores": {
        "cx_index_ci_low": "double",
        "cx_index_ci_high": "double",
        "rank_in_country_best": "integer",
        "rank_in_country_worst": "integer",
        "rank_in_sector_best": "integer",
        "rank_in_sector_worst": "integer",
        "cx_index_change_std_error": "double",
        "is_cx_index_change_significant": "boolean",
    },
    "fct_pillar_importance": {
        "importance_std_error": "double",
        "importance_ci_low": "double",
        "importance_ci_high": "double",
    },
}


def fill(path: Path) -> Path:
    """Write the intervals, ranges and significances above into the warehouse at ``path``."""
    with duckdb.connect(str(path)) as connection:
        for table, columns in _COLUMNS.items():
            for column, kind in columns.items():
                connection.execute(
                    f"alter table marts.{table} add column if not exists {column} {kind}"
                )
        canonical = "study_id = 'cxbench' and country = 'NL' and wave = 2024 and company_id = ?"
        for company_id, low, high, *ranks in RANGES:
            connection.execute(
                "update marts.fct_company_scores set cx_index_ci_low = ?, cx_index_ci_high = ?, "
                "rank_in_country_best = ?, rank_in_country_worst = ?, "
                f"rank_in_sector_best = ?, rank_in_sector_worst = ? where {canonical}",
                [low, high, *ranks, company_id],
            )
        for company_id, std_error, significant in MOVES:
            connection.execute(
                "update marts.fct_company_scores set cx_index_change_std_error = ?, "
                f"is_cx_index_change_significant = ? where {canonical}",
                [std_error, significant, company_id],
            )
        connection.execute(
            """
            update marts.fct_pillar_importance set
                importance_std_error = ?,
                importance_ci_low = importance - ? * ?,
                importance_ci_high = importance + ? * ?
            where importance is not null
            """,
            [IMPORTANCE_STD_ERROR, *(CRITICAL_VALUE, IMPORTANCE_STD_ERROR) * 2],
        )
    return path
