"""Who may see what: schema ``access`` inside the warehouse file.

Why in the warehouse and not a config file: the app scopes every query by the
viewer's entitlement *in SQL*, so the grants must sit next to the marts under
the same read-only connection; and every writer of a served warehouse (a
refresh, a publication, ``cxbench access``) works on a staged copy that is
swapped in whole, so grants travel with the file and are never half-written.

Two tables:

- ``access.grants``: one row per analyst, one row per (client, entitled
  company). A principal is the lower-cased e-mail the identity provider
  returns. Anyone without a row has no access.
- ``access.settings``: exactly one row holding the pseudonym key, the secret
  from which each client's letters for its peers ("Competitor A", …) are
  derived. It is created once, with 32 random bytes, and only ever replaced on
  purpose (``cxbench access rotate-key``): a silent new key would reshuffle
  every client's letters between two visits.

This module imports nothing of ours: the app reads the constants, the CLI
writes the rows.
"""

from __future__ import annotations

import secrets

import duckdb

SCHEMA = "access"
GRANTS_TABLE = f"{SCHEMA}.grants"
SETTINGS_TABLE = f"{SCHEMA}.settings"

ROLE_ANALYST = "analyst"
ROLE_CLIENT = "client"
ROLES = (ROLE_ANALYST, ROLE_CLIENT)

#: Random bytes in a pseudonym key (hex-encoded: twice as many characters).
KEY_BYTES = 32

SCHEMA_SQL = (
    f"create schema if not exists {SCHEMA}",
    f"""
    create table if not exists {GRANTS_TABLE} (
        principal varchar not null,  -- lower-cased e-mail
        role varchar not null,  -- 'analyst' | 'client'
        company_id varchar,  -- NULL for analysts; one row per entitled company for clients
        granted_at timestamp not null,  -- naive UTC
        granted_by varchar not null,
        check (principal = lower(trim(principal))),
        check (role in ('{ROLE_ANALYST}', '{ROLE_CLIENT}')),
        check ((role = '{ROLE_ANALYST}') = (company_id is null))
    )
    """,
    f"""
    create table if not exists {SETTINGS_TABLE} (
        pseudonym_key varchar not null,
        check (length(pseudonym_key) >= {2 * KEY_BYTES})
    )
    """,
)


class PseudonymKeyError(RuntimeError):
    """``access.settings`` does not hold exactly one key: fix it by hand or rotate on purpose."""


def new_pseudonym_key() -> str:
    """A fresh key: :data:`KEY_BYTES` bytes from the OS's secure generator, as hex."""
    return secrets.token_hex(KEY_BYTES)


def ensure_access_schema(connection: duckdb.DuckDBPyConnection) -> bool:
    """Create schema ``access`` and its tables if missing; True when a key was created.

    Idempotent. The pseudonym key is written only when the settings table has
    no row at all: an existing key is never replaced here, and a table with
    more than one row is left for :func:`pseudonym_key` to refuse rather than
    "repaired" by dropping a key clients' letters may depend on.
    """
    for statement in SCHEMA_SQL:
        connection.execute(statement)
    [(n_keys,)] = connection.execute(f"select count(*) from {SETTINGS_TABLE}").fetchall()
    if n_keys:
        return False
    connection.execute(f"insert into {SETTINGS_TABLE} values (?)", [new_pseudonym_key()])
    return True


def has_access_schema(connection: duckdb.DuckDBPyConnection) -> bool:
    """True when the file holds both access tables (a read-only connection can ask)."""
    [(n_tables,)] = connection.execute(
        "select count(distinct table_name) from information_schema.tables "
        "where table_schema = ? "
        "and table_name in ('grants', 'settings')",
        [SCHEMA],
    ).fetchall()
    return n_tables == 2


def pseudonym_key(connection: duckdb.DuckDBPyConnection) -> str:
    """The warehouse's pseudonym key; :class:`PseudonymKeyError` unless exactly one is stored."""
    rows = connection.execute(f"select pseudonym_key from {SETTINGS_TABLE}").fetchall()
    if len(rows) != 1:
        raise PseudonymKeyError(
            f"{SETTINGS_TABLE} holds {len(rows)} pseudonym keys, not exactly one; "
            "`cxbench access rotate-key` writes a single new one"
        )
    return str(rows[0][0])


def replace_pseudonym_key(connection: duckdb.DuckDBPyConnection) -> str:
    """Replace every stored key by one new key (rotation, on purpose only); the new key."""
    for statement in SCHEMA_SQL:
        connection.execute(statement)
    key = new_pseudonym_key()
    connection.execute(f"delete from {SETTINGS_TABLE}")
    connection.execute(f"insert into {SETTINGS_TABLE} values (?)", [key])
    return key
