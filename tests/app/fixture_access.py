"""The fixture warehouse as a client portal serves it: published waves and access tables.

Kept apart from ``warehouse_fixture`` (the marts) because only the client-view tests
need them; the marts fixture stays the analyst's warehouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from cxcore.access_schema import GRANTS_TABLE, ensure_access_schema

#: The fixture's published waves: NL and PL 2024. NL 2023 stays unpublished, so a
#: client must not see it (an analyst does).
PUBLISHED_WAVES = (("NL", 2024), ("PL", 2024))


def add_publication_and_access(
    path: Path,
    published: Sequence[tuple[str, int]] = PUBLISHED_WAVES,
    grants: Sequence[tuple[str, str, str | None]] = (),
) -> Path:
    """Give the fixture file the published waves and the access tables a client view reads.

    ``grants`` are ``(principal, role, company_id)`` rows of ``access.grants``; the
    access schema (with its random pseudonym key) is the one every build creates.
    """
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema if not exists published")
        connection.execute(
            "create or replace table published.latest_rankings (country varchar, wave integer)"
        )
        for row in published:
            connection.execute("insert into published.latest_rankings values (?, ?)", row)
        ensure_access_schema(connection)
        for row in grants:
            connection.execute(
                f"insert into {GRANTS_TABLE} values (?, ?, ?, now(), 'fixture')", row
            )
    return path
