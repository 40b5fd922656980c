"""The raw layer's tables, created on first load (see docs/data-contracts.md §3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from cxbench.ingestion.maturity_mapping import MATURITY_SCORES
from cxcore.catalogue import DEFAULT_STUDY_ID, DEFAULT_STUDY_NAME, statement_ids

#: What a survey batch records about its study (NULL for other kinds of file):
#: the study and the statements its questionnaire asks, comma-separated in
#: catalogue order; pillar scores count answers against these (docs/methodology.md).
#: ``latent_statements``: those of them mapped to a provider's latent score ('' none).
#: ``design_weight_column``: the file's column of design weights, raking's starting
#: weights (NULL: the file has none, every respondent starts at 1).
BATCH_STUDY_COLUMNS = (
    ("study_id", "varchar"),
    ("study_name", "varchar"),
    ("study_instrument", "varchar"),
    ("measured_statements", "varchar"),
    ("latent_statements", "varchar"),
    ("design_weight_column", "varchar"),
)

#: How a batch ended up after it loaded (ingestion/batch_status.py): which batch
#: superseded it, when its status changed, and why (NULL while it is active).
BATCH_STATUS_COLUMNS = (
    ("superseded_by", "varchar"),
    ("status_changed_at", "timestamp"),
    ("status_reason", "varchar"),
)

LINEAGE_COLUMNS = (
    "batch_id varchar not null, source_file varchar not null, "
    "row_number bigint not null, loaded_at timestamp not null"
)


def survey_table_ddl() -> str:
    """DDL for ``raw.survey_evaluations``: wide, one column per catalogue statement."""
    statements = ", ".join(f"{statement_id} double" for statement_id in statement_ids())
    return (
        f"create table if not exists raw.survey_evaluations ({LINEAGE_COLUMNS}, "
        f"study_id varchar not null default '{DEFAULT_STUDY_ID}', wave integer not null, "
        "country varchar not null, respondent_id varchar not null, "
        "brand_id varchar not null, interaction_date date, channel varchar, age integer, "
        "gender varchar, region varchar, design_weight double, "
        f"{statements}, nps double, loyalty double, csat double, ces double, comment varchar)"
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
        "finished_at timestamp not null, status varchar not null, "
        f"{', '.join(f'{name} {sql_type}' for name, sql_type in BATCH_STUDY_COLUMNS)}, "
        f"{', '.join(f'{name} {sql_type}' for name, sql_type in BATCH_STATUS_COLUMNS)})"
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
        "employees integer, valid_from_wave integer, merged_into varchar)"
    ),
    "sectors": (
        f"create table if not exists raw.sectors ({LINEAGE_COLUMNS}, "
        "sector_code varchar not null, sector_name varchar not null, nace_division varchar, "
        "valid_from_wave integer)"
    ),
    "population_margins": (
        f"create table if not exists raw.population_margins ({LINEAGE_COLUMNS}, "
        "country varchar not null, wave integer not null, dimension varchar not null, "
        "category varchar not null, share double not null)"
    ),
}


@contextmanager
def numbers_compressed_with_alp(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Raw's numbers (answers, outcomes, weights) stored with ALP, the other schemes not tried.

    ALP is what DuckDB chooses for answers on a scale anyway; trying RLE and
    ALPRD on every row group first cost 0.3 s of CPU for 1.85M evaluations.
    Held until the batch's transaction has ended: a batch too small for DuckDB
    to write while inserting (185,000 evaluations) is compressed when it
    commits, and with every scheme tried there its load counted 2% more
    instructions and wrote a 6% larger file. Text, integer and date columns
    are compressed as always.
    """
    con.execute("set force_compression = 'alp'")
    try:
        yield
    finally:
        con.execute("reset force_compression")


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create schema ``raw`` and its tables if they do not exist yet (idempotent)."""
    con.execute("create schema if not exists raw")
    con.execute(survey_table_ddl())
    con.execute(maturity_table_ddl())
    for ddl in TABLES.values():
        con.execute(ddl)
    _add_new_columns(con)


@dataclass(frozen=True)
class AddedColumns:
    """Columns a later version added to a raw table, and what rows loaded before get.

    A warehouse loaded by an earlier version lacks them; they are added once, the
    first time a newer version opens it, and ``backfill`` (if any) then fills the
    rows already there with what they mean for those rows. Columns a newer
    version adds go at the end of this list, with the backfill their meaning
    needs; a new column whose old rows are simply unknown needs none (NULL).
    """

    table: str
    #: (name, type and default) in the order of the table's DDL.
    columns: tuple[tuple[str, str], ...]
    not_null: tuple[str, ...] = ()
    backfill: Callable[[duckdb.DuckDBPyConnection], None] | None = None


def _backfill_studies(con: duckdb.DuckDBPyConnection) -> None:
    """Batches loaded before studies existed: the canonical study, measured as answered.

    What each batch measured is read from its data: the statements with at least
    one answer.
    """
    answered = ", ".join(f"case when count({sid}) > 0 then '{sid}' end" for sid in statement_ids())
    con.execute(
        "update raw.load_batches set study_id = ?, study_name = ?, study_instrument = '', "
        "measured_statements = measured.statements from ("
        f"select batch_id, concat_ws(',', {answered}) as statements "
        "from raw.survey_evaluations group by batch_id) as measured "
        "where load_batches.batch_id = measured.batch_id and load_batches.kind = 'survey'",
        [DEFAULT_STUDY_ID, DEFAULT_STUDY_NAME],
    )


def _backfill_latent(con: duckdb.DuckDBPyConnection) -> None:
    """Survey batches loaded before latent scores existed mapped none ('' as for new ones)."""
    con.execute("update raw.load_batches set latent_statements = '' where kind = 'survey'")


def _batch_columns(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple(column for column in BATCH_STUDY_COLUMNS if column[0] in names)


#: Every column added after a table's first release, oldest first. Rows loaded
#: before ``region`` existed keep it NULL: their mappings could not name one.
ADDED_COLUMNS = (
    AddedColumns(
        "survey_evaluations",
        (("study_id", f"varchar default '{DEFAULT_STUDY_ID}'"),),
        not_null=("study_id",),
    ),
    AddedColumns(
        "load_batches",
        _batch_columns("study_id", "study_name", "study_instrument", "measured_statements"),
        backfill=_backfill_studies,
    ),
    AddedColumns("survey_evaluations", (("region", "varchar"),)),
    AddedColumns("load_batches", _batch_columns("latent_statements"), backfill=_backfill_latent),
    AddedColumns("survey_evaluations", (("design_weight", "double"),)),
    AddedColumns("load_batches", _batch_columns("design_weight_column")),
    # reference data with history: rows loaded before hold from the first wave (NULL)
    AddedColumns("companies", (("valid_from_wave", "integer"), ("merged_into", "varchar"))),
    AddedColumns("sectors", (("valid_from_wave", "integer"),)),
    # Batches loaded before batches could be superseded or retracted are all active.
    AddedColumns("load_batches", BATCH_STATUS_COLUMNS),
)


def upgrade_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Add the columns of ADDED_COLUMNS to the raw tables a warehouse has; create nothing.

    ``cxbench build`` calls it before dbt: the staging models read the new
    columns, and a warehouse loaded by an earlier version would otherwise fail
    its first build until a new file is ingested.
    """
    _add_new_columns(con)


def _add_new_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a warehouse loaded by an earlier version up to date, once (see ADDED_COLUMNS)."""
    present = set(
        con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'raw'"
        ).fetchall()
    )
    tables = {table for table, _ in present}
    for added in ADDED_COLUMNS:
        if added.table not in tables:
            continue
        missing = [column for column in added.columns if (added.table, column[0]) not in present]
        if not missing:
            continue
        for name, sql_type in missing:
            con.execute(f"alter table raw.{added.table} add column {name} {sql_type}")
            if name in added.not_null:
                con.execute(f"alter table raw.{added.table} alter column {name} set not null")
        if added.backfill is not None:
            added.backfill(con)
