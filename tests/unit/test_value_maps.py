"""Value maps: codes match their text first, then numeric codes by number.

(A mapping whose map holds one number twice, "1" and "01", is refused when parsed.)
"""

from __future__ import annotations

import duckdb
import pytest

from cxbench.ingestion.recoding import value_map_sql

MAP = {"1": "one", "2": "two", "x": "ex", "+3": "three"}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1", "one"),
        ("01", "one"),
        ("+3", "three"),
        ("3", "three"),
        ("1.0", "one"),
        ("2.0", "two"),
        ("02", "two"),
        (" 2e0", "two"),
        ("x", "ex"),
        ("X", None),
        ("2.5", None),
        ("4", None),
        (None, None),
    ],
)
def test_a_cell_takes_its_codes_value(cell: str | None, expected: str | None) -> None:
    sql = value_map_sql("cell", MAP)
    [(value,)] = duckdb.sql(
        f"select {sql} from (select ?::varchar as cell)", params=[cell]
    ).fetchall()
    assert value == expected
