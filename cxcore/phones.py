"""Phone numbers in comments, found by ``phonenumbers``' matcher for the respondent's country.

libphonenumber knows every country's numbering plan (national formats such as
"06-12345678" in the Netherlands or "0171/1234567" in Germany, and international
"+47 412 34 567"), which a home-made pattern cannot. It is pure Python, so it
runs only where a number can be: SQL first selects the comments with at least
seven digits, Python scrubs that subset, and the result is written back by row.
"""

from __future__ import annotations

import logging

import duckdb
import phonenumbers
import pyarrow as pa

from ingestion.privacy import PHONE_PLACEHOLDER

log = logging.getLogger(__name__)

#: Seven digits, possibly separated: the shortest subscriber numbers in our markets.
CANDIDATE_PATTERN = r"([0-9][^0-9]*){7}"
#: "Possible" (length fits the country's plan) rather than "valid" (an assigned
#: range): a respondent's number must be masked even when its range is new to the
#: library, and a masked order number costs less than a published phone number.
LENIENCY = phonenumbers.Leniency.POSSIBLE
#: Region for rows whose country is not a phone region: international numbers only.
UNKNOWN_REGION = "ZZ"


def scrub_phones(text: str, region: str | None) -> str:
    """``text`` with every phone number the matcher finds replaced by ``[phone]``."""
    matches = list(
        phonenumbers.PhoneNumberMatcher(text, region or UNKNOWN_REGION, leniency=LENIENCY)
    )
    for match in reversed(matches):
        text = text[: match.start] + PHONE_PLACEHOLDER + text[match.end :]
    return text


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


def scrub_phones_in_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    text_column: str,
    region_column: str,
    where: str = "true",
) -> int:
    """Mask phone numbers in ``table.text_column`` (rows matching ``where``) in place.

    The loader runs the three steps itself, with the matcher in a thread beside
    the duplicate-key checks; this is the same in one call.
    """
    candidates = find_candidates(con, table, text_column, region_column, where)
    return apply_scrubbed(con, table, text_column, scrub_candidates(candidates))
