"""What one viewer may see, in SQL: the only place the app's queries name warehouse tables.

The macros' SQL is in one module per subject (``viewer``: who looks and which samples
they may see; ``companies``; ``comparisons``; ``aggregates``; ``maturity``;
``channels``; ``audit``; ``access``; ``labels``: names in the reader's language that
are data); this module defines them on a connection. Every other query module reads the warehouse
through these table macros (``company_scores()``, ``benchmark_scores()``, …), never
through ``wh.<schema>.<table>`` (tests/app/test_scope.py holds them to it). Each macro
reads the viewer of the cursor it runs on — ``getvariable('viewer')``, a struct that
:func:`cxbench.app.queries.warehouse.fetch_rows` sets from the :class:`~cxbench.app.queries.Viewer`
before every query — and returns only what that viewer may see:

- an **analyst** sees every row of every wave, every company by its id and name;
- a **client** sees the published waves of the canonical study only (those in
  ``published.latest_rankings``); its entitled companies by id and name; the
  eligible peers of its own sectors only where the sector's peer set is disclosed,
  each as a pseudonym ("Competitor C", the leader as "Sector leader") whose letter is
  drawn from a keyed hash, so the letters are stable for that client within a
  country × wave × sector and differ between clients; every disclosed aggregate,
  with the reason for a suppression reduced to "withheld"; nothing of the data
  quality tables (file paths, respondent-level reject reasons).
- a cursor without a viewer (or with the ``nobody`` viewer that decides who is
  looking) sees nothing: the macros fail closed.

A peer's real id and name never leave SQL: the macros put the pseudonym in the
``company_id`` and ``company_name`` columns, so a query written for an analyst is
safe for a client without knowing it.
"""

from __future__ import annotations

import secrets

import duckdb

from cxbench.app.queries.scope import (
    access,
    aggregates,
    audit,
    channels,
    companies,
    comparisons,
    labels,
    maturity,
    viewer,
)
from cxcore.sandbox import connect_read_only


def connect(path: str) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the warehouse file attached read-only as ``wh`` and
    the scope macros defined over it; a cursor of it sees what the viewer set on it
    (``set variable viewer = ?``) may see.

    The connection is :func:`cxcore.sandbox.connect_read_only`'s: no file but the
    warehouse is reachable and no setting can change, whatever SQL runs on it. The
    scope tables and macros live in the in-memory catalog, made the default again.
    """
    connection = connect_read_only(path)
    try:
        connection.execute("use memory")
        install_scope(connection, attached_tables(connection))
    except duckdb.Error:
        connection.close()
        raise
    return connection


def attached_tables(connection: duckdb.DuckDBPyConnection) -> set[str]:
    """``schema.table`` of every table and view in the attached file."""
    rows = connection.execute(
        """
        select distinct table_schema || '.' || table_name
        from information_schema.tables
        where table_catalog = 'wh'
        """
    ).fetchall()
    return {name for (name,) in rows}


def install_scope(connection: duckdb.DuckDBPyConnection, tables: set[str]) -> None:
    """Define the viewer-scoped macros on a connection with the warehouse attached as ``wh``.

    ``tables`` are the ``schema.table`` names the file holds: the published waves and
    the pseudonym key are copied into the in-memory catalog (empty, resp. a random
    key for this connection, when the file has none). A macro over a table the file
    lacks (maturity, audit, a mart of a half-built file) is left undefined, so an
    older warehouse still serves the pages it can and the others explain what is
    missing (the router checks each page's tables before drawing it).
    """
    if "published.latest_rankings" in tables:
        connection.execute(
            "create or replace table scope_published_waves as "
            "select distinct country, wave from wh.published.latest_rankings"
        )
    else:
        connection.execute(
            "create or replace table scope_published_waves (country varchar, wave integer)"
        )
    if "access.settings" in tables:
        connection.execute(
            "create or replace table scope_key as "
            "select pseudonym_key from wh.access.settings limit 1"
        )
    else:
        connection.execute(
            "create or replace table scope_key as select ? as pseudonym_key",
            [secrets.token_hex(32)],
        )
    blocks = (
        viewer.VIEWER,
        viewer.SAMPLES,
        companies.LABELS,
        companies.COMPANY_MARTS,
        comparisons.COMPARISONS,
        aggregates.AGGREGATES,
        aggregates.DIMENSIONS,
        audit.AUDIT,
        maturity.MATURITY,
        channels.CHANNELS,
        access.ACCESS if "access.grants" in tables else access.NO_ACCESS,
        access.KNOWN_COMPANY,
        labels.SECTOR_LABELS
        if "marts.dim_sector_label" in tables
        else labels.ENGLISH_SECTOR_LABELS,
    )
    for block in blocks:
        for statement in filter(str.strip, block.split(";")):
            try:
                connection.execute(statement)
            except duckdb.CatalogException:
                continue  # a table (or a macro over one) this file lacks: its pages say so
