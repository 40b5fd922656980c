"""Schema ``access``: created once, its pseudonym key kept, its rows constrained.

In-memory DuckDB only: the schema's rules do not need a warehouse file.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from cxbench.access_store import AccessInputError, normalise_email
from cxcore.access_schema import (
    GRANTS_TABLE,
    SETTINGS_TABLE,
    PseudonymKeyError,
    ensure_access_schema,
    has_access_schema,
    pseudonym_key,
    replace_pseudonym_key,
)

NOW = datetime(2026, 12, 3, 12, 0)


@pytest.fixture
def connection() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def test_ensure_creates_the_tables_and_one_key(connection: duckdb.DuckDBPyConnection) -> None:
    assert not has_access_schema(connection)
    assert ensure_access_schema(connection) is True
    assert has_access_schema(connection)
    key = pseudonym_key(connection)
    assert len(key) == 64 and int(key, 16) >= 0
    columns = connection.execute(
        "select column_name, data_type, is_nullable from information_schema.columns "
        "where table_schema = 'access' and table_name = 'grants' order by ordinal_position"
    ).fetchall()
    assert columns == [
        ("principal", "VARCHAR", "NO"),
        ("role", "VARCHAR", "NO"),
        ("company_id", "VARCHAR", "YES"),
        ("granted_at", "TIMESTAMP", "NO"),
        ("granted_by", "VARCHAR", "NO"),
    ]


def test_ensure_is_idempotent_and_never_rotates_the_key(
    connection: duckdb.DuckDBPyConnection,
) -> None:
    ensure_access_schema(connection)
    key = pseudonym_key(connection)
    connection.execute(
        f"insert into {GRANTS_TABLE} values ('ann@client.example', 'client', 'NL-1', ?, 'me')",
        [NOW],
    )
    for _ in range(3):
        assert ensure_access_schema(connection) is False
    assert pseudonym_key(connection) == key
    assert connection.execute(f"select count(*) from {GRANTS_TABLE}").fetchall() == [(1,)]


def test_two_warehouses_get_different_keys() -> None:
    keys = set()
    for _ in range(2):
        with duckdb.connect() as connection:
            ensure_access_schema(connection)
            keys.add(pseudonym_key(connection))
    assert len(keys) == 2


def test_more_than_one_key_is_refused_not_repaired(connection: duckdb.DuckDBPyConnection) -> None:
    ensure_access_schema(connection)
    connection.execute(f"insert into {SETTINGS_TABLE} values (?)", ["ab" * 32])
    assert ensure_access_schema(connection) is False
    assert connection.execute(f"select count(*) from {SETTINGS_TABLE}").fetchall() == [(2,)]
    with pytest.raises(PseudonymKeyError, match="2 pseudonym keys"):
        pseudonym_key(connection)
    new_key = replace_pseudonym_key(connection)
    assert pseudonym_key(connection) == new_key


@pytest.mark.parametrize(
    ("principal", "role", "company_id"),
    [
        ("ann@client.example", "client", None),  # a client needs a company
        ("ann@client.example", "analyst", "NL-1"),  # an analyst has none
        ("ann@client.example", "viewer", None),  # no such role
        ("Ann@Client.example", "analyst", None),  # principals are stored lower-cased
    ],
)
def test_rows_breaking_the_grant_rules_are_refused(
    connection: duckdb.DuckDBPyConnection, principal: str, role: str, company_id: str | None
) -> None:
    ensure_access_schema(connection)
    with pytest.raises(duckdb.ConstraintException):
        connection.execute(
            f"insert into {GRANTS_TABLE} values (?, ?, ?, ?, 'me')",
            [principal, role, company_id, NOW],
        )


def test_a_short_key_is_refused(connection: duckdb.DuckDBPyConnection) -> None:
    ensure_access_schema(connection)
    with pytest.raises(duckdb.ConstraintException):
        connection.execute(f"insert into {SETTINGS_TABLE} values ('abc')")


@pytest.mark.parametrize(
    ("text", "principal"),
    [
        ("  Ann.Smith@Client.Example ", "ann.smith@client.example"),
        ("ops+portal@sub.client.co.uk", "ops+portal@sub.client.co.uk"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
    ],
)
def test_addresses_are_stripped_and_lower_cased(text: str, principal: str) -> None:
    assert normalise_email(text) == principal


@pytest.mark.parametrize(
    "text",
    ["", "ann", "ann@client", "ann@-client.example", "ann@client.example,bob@x.example",
     '"ann"@client.example', "ann.@client.example", "a" * 250 + "@x.example"],
)  # fmt: skip
def test_implausible_addresses_are_refused(text: str) -> None:
    with pytest.raises(AccessInputError, match="not an e-mail address"):
        normalise_email(text)
