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


def scrub_phones_in_table(
    con: duckdb.DuckDBPyConnection, table: str, text_column: str, region_column: str
) -> int:
    """Mask phone numbers in ``table.text_column`` in place; return how many rows changed."""
    candidates = con.execute(
        f"select rowid as row_id, {region_column} as region, {text_column} as text "
        f"from {table} where regexp_matches({text_column}, ?)",
        [CANDIDATE_PATTERN],
    ).fetchall()
    changed_ids: list[int] = []
    changed_texts: list[str] = []
    for row_id, region, text in candidates:
        scrubbed = scrub_phones(text, region)
        if scrubbed != text:
            changed_ids.append(row_id)
            changed_texts.append(scrubbed)
    log.info("phone scrub: %d candidates, %d changed", len(candidates), len(changed_ids))
    if not changed_ids:
        return 0
    con.register("scrubbed_phones", pa.table({"row_id": changed_ids, "text": changed_texts}))
    try:
        con.execute(
            f"update {table} set {text_column} = scrubbed_phones.text from scrubbed_phones "
            f"where {table}.rowid = scrubbed_phones.row_id"
        )
    finally:
        con.unregister("scrubbed_phones")
    return len(changed_ids)
