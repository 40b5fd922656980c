"""The published rankings: schema ``published`` inside the warehouse file, append-only.

Why inside the warehouse and not a file of its own: the app and analysts read
published rankings next to the marts with one read-only connection, and a
refresh or publish never writes the served file anyway — each works on a
staged copy that carries the ``published`` schema over and is swapped in whole
(:mod:`cxbench.publication.swap`). Nothing in cxbench updates or deletes a published row:
``cxbench sql`` is read-only, dbt owns no relation in ``published``, and
publish only inserts. Each publication stores a hash of its rows, checked
before every publish and refresh, so a change made behind cxbench's back is
found and refused rather than carried forward silently.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

SCHEMA_SQL = (
    "create schema if not exists published",
    """
    create table if not exists published.refreshes (
        refresh_id varchar primary key,
        wave integer not null,
        build_id varchar not null,
        quality_run_id varchar not null,
        started_at timestamp not null,
        finished_at timestamp not null
    )
    """,
    """
    create table if not exists published.publications (
        publication_id varchar primary key,
        wave integer not null,
        methodology_version varchar not null,
        parameters_hash varchar not null,
        parameters varchar not null,
        source_batch_ids varchar[] not null,
        inputs_hash varchar not null,
        build_id varchar not null,
        quality_run_id varchar not null,
        n_rows integer not null,
        rows_hash varchar not null,
        published_at timestamp not null,
        unique (wave, methodology_version)
    )
    """,
    """
    create table if not exists published.rankings (
        publication_id varchar not null,
        wave integer not null,
        country varchar not null,
        company_id varchar not null,
        company_name varchar,
        sector_code varchar,
        rank_in_country integer not null,
        rank_in_sector integer,
        is_sector_leader boolean not null,
        cx_index double not null,
        nps_score double,
        n_evaluations integer not null,
        effective_n double,
        previous_published_wave integer,
        previous_methodology_version varchar,
        previous_cx_index double,
        cx_index_change double,
        previous_rank_in_country integer,
        rank_in_country_change integer,
        methodology_version varchar not null,
        parameters_hash varchar not null,
        source_batch_ids varchar[] not null,
        published_at timestamp not null,
        primary key (publication_id, country, company_id)
    )
    """,
    # the newest publication of each wave, and year-over-year against the
    # previous published wave, for analysts and the app
    """
    create or replace view published.latest_rankings as
    select rankings.*
    from published.rankings as rankings
    inner join (
        select wave, arg_max(publication_id, published_at) as publication_id
        from published.publications
        group by all
    ) as latest
        on rankings.publication_id = latest.publication_id
    """,
    """
    create or replace view published.company_trends as
    select
        company_id,
        country,
        wave,
        methodology_version,
        rank_in_country,
        cx_index,
        previous_published_wave,
        previous_cx_index,
        cx_index_change,
        rank_in_country_change
    from published.latest_rankings
    """,
)

#: Ranking columns compared between versions and hashed per publication.
ROW_COLUMNS = (
    "wave", "country", "company_id", "company_name", "sector_code", "rank_in_country",
    "rank_in_sector", "is_sector_leader", "cx_index", "nps_score", "n_evaluations",
    "effective_n", "previous_published_wave", "previous_methodology_version",
    "previous_cx_index", "cx_index_change", "previous_rank_in_country",
    "rank_in_country_change",
)  # fmt: skip


#: Columns published since moves carry their significance. Added by :func:`ensure_move_columns`
#: at publish time only (a refresh must leave every published row exactly as it was), and
#: hashed only in publications that hold them, so earlier publications keep their hash.
MOVE_COLUMNS = (
    ("cx_index_std_error", "double"),
    ("cx_index_change_std_error", "double"),
    ("is_cx_index_change_significant", "boolean"),
)


def ensure_schema(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the ``published`` tables and views if missing (never alters existing rows)."""
    for statement in SCHEMA_SQL:
        connection.execute(statement)


def ensure_move_columns(connection: duckdb.DuckDBPyConnection) -> None:
    """Add the move-significance columns to ``published.rankings`` (NULL in older rows)."""
    for column, data_type in MOVE_COLUMNS:
        connection.execute(
            f"alter table published.rankings add column if not exists {column} {data_type}"
        )


def _move_columns(connection: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The move-significance columns this file's ``published.rankings`` already has."""
    present = {
        row[0]
        for row in connection.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'published' and table_name = 'rankings'"
        ).fetchall()
    }
    return tuple(column for column, _ in MOVE_COLUMNS if column in present)


def has_schema(connection: duckdb.DuckDBPyConnection) -> bool:
    """True when the file already holds the publications table."""
    return bool(
        connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'published' and table_name = 'publications'"
        ).fetchall()[0][0]
    )


#: The fingerprint of a warehouse without publications, schema or not.
NO_PUBLICATIONS = "none"


def published_fingerprint(db_path: Path) -> str:
    """A digest of every published row and publication (read-only).

    A file without the ``published`` schema and one with empty tables both give
    NO_PUBLICATIONS: a refresh creating the empty schema changes nothing published.
    """
    with duckdb.connect(str(db_path), read_only=True) as connection:
        if not has_schema(connection):
            return NO_PUBLICATIONS
        counts = connection.execute(
            "select (select count(*) from published.publications), "
            "(select count(*) from published.rankings)"
        ).fetchall()[0]
        if counts == (0, 0):
            return NO_PUBLICATIONS
        rows = connection.execute(
            """
            select
                (select md5(coalesce(string_agg(publications::varchar, chr(10)
                    order by publication_id), '')) from published.publications as publications),
                (select md5(coalesce(string_agg(rankings::varchar, chr(10)
                    order by publication_id, country, company_id), ''))
                    from published.rankings as rankings)
            """
        ).fetchall()
    return "/".join(str(part) for part in rows[0])


def rows_hash(rows: list[dict[str, Any]]) -> str:
    """sha256 of a publication's ranking rows in key order, as canonical JSON.

    The move columns count once any row of the publication has a value in them: a
    publication made before they existed (all NULL) keeps the hash it was given.
    """
    ordered = sorted(rows, key=lambda row: (row["country"], row["company_id"]))
    moves = [column for column, _ in MOVE_COLUMNS]
    if any(row.get(column) is not None for row in ordered for column in moves):
        columns = [*ROW_COLUMNS, *moves]
    else:
        columns = list(ROW_COLUMNS)
    text = json.dumps([[row.get(column) for column in columns] for row in ordered], default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def stored_rows(connection: duckdb.DuckDBPyConnection, publication_id: str) -> list[dict[str, Any]]:
    """The ranking rows of one publication: ROW_COLUMNS and the move columns the file has."""
    columns = (*ROW_COLUMNS, *_move_columns(connection))
    cursor = connection.execute(
        f"select {', '.join(columns)} from published.rankings "
        "where publication_id = ? order by country, company_id",
        [publication_id],
    )
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def tampered_publications(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Publications whose stored rows no longer match the hash taken when they were published."""
    if not has_schema(connection):
        return []
    publications = connection.execute(
        "select publication_id, rows_hash, n_rows from published.publications order by 1"
    ).fetchall()
    changed = []
    for publication_id, expected, n_rows in publications:
        rows = stored_rows(connection, publication_id)
        if len(rows) != n_rows or rows_hash(rows) != expected:
            changed.append(publication_id)
    return changed


def record_refresh(
    connection: duckdb.DuckDBPyConnection,
    wave: int,
    build_id: str,
    quality_run_id: str,
    started_at: datetime,
) -> None:
    """One row per refresh that passed its gate, written into the staged copy before the swap."""
    connection.execute(
        "insert into published.refreshes values (?, ?, ?, ?, ?, ?)",
        [
            str(uuid.uuid4()),
            wave,
            build_id,
            quality_run_id,
            _utc_naive(started_at),
            _utc_naive(datetime.now(UTC)),
        ],
    )


def _utc_naive(moment: datetime) -> datetime:
    """Timestamps are stored as naive UTC (``timestamp``), documented as such."""
    return moment.astimezone(UTC).replace(tzinfo=None)
