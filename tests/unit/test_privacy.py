"""Pseudonymisation and scrubbing, checked on the SQL and Python pieces directly."""

from __future__ import annotations

import duckdb
import pytest

from cxbench.ingestion.privacy import hashed_id_sql, scrubbed_text_sql
from cxcore.countries import country_codes, is_country_code
from cxcore.phones import scrub_phones


def _sql(expression: str, value: str | None) -> object:
    with duckdb.connect() as con:
        return con.execute(f"select {expression} from (select ? as t)", [value]).fetchall()[0][0]


@pytest.mark.parametrize(
    ("region", "text"),
    [
        ("NL", "Bel mij op 06-12345678."),
        ("NL", "Mijn nummer is +31 6 1234 5678, graag terugbellen."),
        ("DE", "Rufen Sie mich an unter 0171/1234567."),
        ("DE", "Meine Nummer ist +49 151 12345678."),
        ("NO", "Ring meg på 412 34 567."),
        ("PL", "Proszę dzwonić pod numer 512-345-678."),
        ("GB", "Call me on 07700 900123."),
        ("GB", "Or on +44 7700 900123 (mobile)."),
        (None, "Any country: +48 512 345 678"),
    ],
)
def test_phone_numbers_in_the_country_s_formats_are_masked(region: str | None, text: str) -> None:
    scrubbed = scrub_phones(text, region)
    assert "[phone]" in scrubbed
    assert sum(char.isdigit() for char in scrubbed) < 4, scrubbed


def test_text_without_phone_numbers_is_unchanged() -> None:
    text = "Bestelling 2024 kwam na 3 dagen, 2 van de 5 artikelen ontbraken."
    assert scrub_phones(text, "NL") == text


def test_emails_ibans_and_ni_numbers_are_masked_in_sql() -> None:
    text = (
        "Mail jan.de.vries+cx@post.example.nl, IBAN NL91 ABNA 0417 1643 00 of "
        "DE89370400440532013000; NI number AB 12 34 56 C."
    )
    assert _sql(scrubbed_text_sql("t"), text) == (
        "Mail [email], IBAN [iban] of [iban]; NI number [id]."
    )


def test_text_without_identifiers_passes_unchanged_and_null_stays_null() -> None:
    assert _sql(scrubbed_text_sql("t"), "Prima service @ the store, 10/10") == (
        "Prima service @ the store, 10/10"
    )
    assert _sql(scrubbed_text_sql("t"), None) is None


def test_salted_hash_depends_on_the_salt_and_keeps_null() -> None:
    one = _sql(hashed_id_sql("t", "salt-one"), "R1")
    two = _sql(hashed_id_sql("t", "salt-two"), "R1")
    assert isinstance(one, str) and len(one) == 64 and one != two
    assert _sql(hashed_id_sql("t", "it's"), None) is None


def test_country_codes_are_the_249_iso_alpha_2_codes() -> None:
    codes = country_codes()
    assert len(codes) == 249
    assert {"NL", "NO", "PL", "GB", "DE", "AQ", "PN"} <= codes
    assert not {"UK", "EU", "XK", "AC", "TA", "ZZ"} & codes
    assert is_country_code(" nl ") and not is_country_code("Netherlands")
