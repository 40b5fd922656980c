"""Phone scrubbing inside the insert scan: the SQL around the matcher."""

from __future__ import annotations

import duckdb
import pytest

from cxbench.ingestion.phone_scrub import phone_scrubbed_sql, register_phone_scrub


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    register_phone_scrub(connection)
    return connection


def _scrubbed(con: duckdb.DuckDBPyConnection, text: str | None, region: str | None) -> str | None:
    sql = phone_scrubbed_sql("t", "r")
    return con.execute(
        f"select {sql} from (select ?::varchar as t, ?::varchar as r)", [text, region]
    ).fetchall()[0][0]


def test_a_national_number_is_masked_for_the_row_s_country(con: duckdb.DuckDBPyConnection) -> None:
    assert _scrubbed(con, "bel me op 06-12345678 aub", "NL") == "bel me op [phone] aub"


def test_a_missing_country_still_masks_international_numbers_and_never_blanks_the_text(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # DuckDB hands no NULL to a Python function (it returns NULL): the region is coalesced.
    assert _scrubbed(con, "call +44 20 7946 0958 now", None) == "call [phone] now"
    assert _scrubbed(con, "order 1234567 arrived", None) == "order 1234567 arrived"


def test_text_with_fewer_than_seven_digits_and_null_text_pass_untouched(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert _scrubbed(con, "room 12, floor 3", "NL") == "room 12, floor 3"
    assert _scrubbed(con, None, "NL") is None


@pytest.mark.parametrize(
    "number",
    [
        "０６-１２３４５６７８",  # full-width digits, as typed with an East Asian keyboard
        "٠٦-١٢٣٤٥٦٧٨",  # Arabic-Indic digits
        "06-１２３４５６７８",  # mixed
    ],
)
def test_numbers_in_other_digit_scripts_are_masked_too(
    con: duckdb.DuckDBPyConnection, number: str
) -> None:
    # The matcher reads any decimal digit; the SQL preselection must not stop at 0-9.
    assert _scrubbed(con, f"bel me op {number} aub", "NL") == "bel me op [phone] aub"
