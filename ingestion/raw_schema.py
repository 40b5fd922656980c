"""The raw layer's tables, created on first load (see docs/data-contracts.md §3)."""

from __future__ import annotations

import duckdb

from cxcore.catalogue import statement_ids
from ingestion.maturity_mapping import MATURITY_SCORES

LINEAGE_COLUMNS = (
    "batch_id varchar not null, source_file varchar not null, "
    "row_number bigint not null, loaded_at timestamp not null"
)


def survey_table_ddl() -> str:
    """DDL for ``raw.survey_evaluations``: wide, one column per catalogue statement."""
    statements = ", ".join(f"{statement_id} double" for statement_id in statement_ids())
    return (
        f"create table if not exists raw.survey_evaluations ({LINEAGE_COLUMNS}, "
        "wave integer not null, country varchar not null, respondent_id varchar not null, "
        "brand_id varchar not null, interaction_date date, channel varchar, age integer, "
        f"gender varchar, {statements}, nps double, loyalty double, csat double, ces double, "
        "comment varchar)"
    )


def maturity_table_ddl() -> str:
    """DDL for ``raw.maturity_assessments``: one row per manager × organisation × wave.

    ``respondent_id`` is the manager's salted hash; the 13 item scores stay wide.
    """
    scores = ", ".join(f"{name} double" for name in MATURITY_SCORES)
    return (
        f"create table if not exists raw.maturity_assessments ({LINEAGE_COLUMNS}, "
        "brand_id varchar not null, wave integer not null, respondent_id varchar not null, "
        f"role varchar, assessed_on date, {scores})"
    )


TABLES = {
    "load_batches": (
        "create table if not exists raw.load_batches (batch_id varchar primary key, "
        "source_path varchar not null, sha256 varchar not null, kind varchar not null, "
        "mapping varchar, rows_in bigint not null, rows_loaded bigint not null, "
        "rows_rejected bigint not null, started_at timestamp not null, "
        "finished_at timestamp not null, status varchar not null)"
    ),
    "rejected_rows": (
        "create table if not exists raw.rejected_rows (batch_id varchar not null, "
        "row_number bigint not null, field varchar not null, reason varchar not null, "
        "record json)"
    ),
    "companies": (
        f"create table if not exists raw.companies ({LINEAGE_COLUMNS}, "
        "brand_id varchar not null, brand_name varchar not null, parent varchar, "
        "sector_code varchar not null, country varchar not null, revenue double, "
        "employees integer)"
    ),
    "sectors": (
        f"create table if not exists raw.sectors ({LINEAGE_COLUMNS}, "
        "sector_code varchar not null, sector_name varchar not null, nace_division varchar)"
    ),
    "population_margins": (
        f"create table if not exists raw.population_margins ({LINEAGE_COLUMNS}, "
        "country varchar not null, wave integer not null, dimension varchar not null, "
        "category varchar not null, share double not null)"
    ),
}


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create schema ``raw`` and its tables if they do not exist yet (idempotent)."""
    con.execute("create schema if not exists raw")
    con.execute(survey_table_ddl())
    con.execute(maturity_table_ddl())
    for ddl in TABLES.values():
        con.execute(ddl)
