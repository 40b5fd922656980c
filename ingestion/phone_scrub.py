"""Phone numbers in the comments of a freshly loaded batch, scrubbed in three steps.

SQL selects the rows whose comment has seven or more digits (the few where a
number can be), Python runs libphonenumber's matcher on them
(:func:`cxcore.phones.scrub_phones`), and the changed texts are written back by
rowid. The loader runs the matcher in a thread beside the duplicate-key checks.
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa

from cxcore.phones import CANDIDATE_PATTERN, scrub_phones

log = logging.getLogger(__name__)

Candidate = tuple[int, str | None, str]


def find_candidates(
    con: duckdb.DuckDBPyConnection, table: str, text_column: str, region_column: str, where: str
) -> list[Candidate]:
    """(rowid, region, text) of the rows whose text has seven or more digits."""
    return con.execute(
        f"select rowid, {region_column}, {text_column} from {table} "
        f"where {where} and regexp_matches({text_column}, ?)",
        [CANDIDATE_PATTERN],
    ).fetchall()


def scrub_candidates(candidates: list[Candidate]) -> pa.Table:
    """The candidates the matcher changed, as (row_id, text): pure Python, no database."""
    changed_ids: list[int] = []
    changed_texts: list[str] = []
    for row_id, region, text in candidates:
        scrubbed = scrub_phones(text, region)
        if scrubbed != text:
            changed_ids.append(row_id)
            changed_texts.append(scrubbed)
    log.info("phone scrub: %d candidates, %d changed", len(candidates), len(changed_ids))
    return pa.table({"row_id": pa.array(changed_ids, pa.int64()), "text": changed_texts})


def apply_scrubbed(
    con: duckdb.DuckDBPyConnection, table: str, text_column: str, scrubbed: pa.Table
) -> int:
    """Write scrubbed texts back by rowid; return how many rows changed."""
    if not scrubbed.num_rows:
        return 0
    con.register("scrubbed_phones", scrubbed)
    try:
        con.execute(
            f"update {table} set {text_column} = scrubbed_phones.text from scrubbed_phones "
            f"where {table}.rowid = scrubbed_phones.row_id"
        )
    finally:
        con.unregister("scrubbed_phones")
    return scrubbed.num_rows
