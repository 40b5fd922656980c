"""Phone numbers in comments, scrubbed while the rows are read, before they reach raw.

SQL selects the comments with seven or more digits (the few where a number can
be) and hands only those to libphonenumber's matcher (:func:`cxcore.phones.scrub_phones`)
through the SQL function :data:`FUNCTION`, inside the scan that inserts the rows.

Scrubbing in the scan rather than updating the rows afterwards matters for more
than the update: DuckDB writes a big insert's rows to the database file while the
transaction runs, and any update of those rows makes the commit write the whole
batch again, to the WAL (690 MB for 1.85M evaluations). The matcher is Python:
while one DuckDB thread runs it (holding the GIL), the other goes on reading.
"""

from __future__ import annotations

import duckdb

from cxcore.phones import CANDIDATE_PATTERN, scrub_phones
from cxcore.sql_text import quote_literal

FUNCTION = "cxbench_scrub_phones"


def register_phone_scrub(con: duckdb.DuckDBPyConnection) -> None:
    """Make :data:`FUNCTION` (text, region → text) available on ``con``."""
    # An empty region (no country; a rejected row's placeholder) means international only.
    con.create_function(FUNCTION, scrub_phones, ["VARCHAR", "VARCHAR"], "VARCHAR")


def phone_scrubbed_sql(text_sql: str, region_sql: str) -> str:
    """SQL: ``text_sql`` (a column or alias) with phone numbers masked for ``region_sql``.

    The region is coalesced to ``''``: DuckDB passes no NULL to a Python function
    (it returns NULL instead), and the comment must never become NULL.
    """
    return (
        f"case when regexp_matches({text_sql}, {quote_literal(CANDIDATE_PATTERN)}) "
        f"then {FUNCTION}({text_sql}, coalesce({region_sql}, '')) else {text_sql} end"
    )
