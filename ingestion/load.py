"""The only writer to the raw layer: one file, one batch, one transaction.

Every input row ends up either in its raw table or in ``raw.rejected_rows`` with
the field and reason, and ``raw.load_batches`` records the counts, so
``rows_in = rows_loaded + rows_rejected`` can be checked for every file ever
loaded. A file whose checksum is already loaded is skipped and says so. Any
error rolls the whole batch back: a batch is all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from cxbench.checksums import file_sha256
from ingestion.contracts import TargetColumn
from ingestion.industry_contract import INDUSTRY_KINDS
from ingestion.mapping import QuestionnaireMapping
from ingestion.raw_schema import ensure_raw_schema
from ingestion.readers import STAGED_TABLE, stage_source
from ingestion.sql_text import quote_identifier, quote_literal
from ingestion.survey_contract import SURVEY_KEY, survey_columns

CHECKED_TABLE = "checked_rows"


class FileContractError(ValueError):
    """The file as a whole cannot be loaded (missing columns, unreadable): nothing written."""


@dataclass(frozen=True)
class BatchResult:
    """What happened to one file."""

    source_path: Path
    kind: str
    sha256: str
    status: str  # loaded | skipped | refused
    batch_id: str
    rows_in: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    message: str = ""

    @property
    def reject_rate(self) -> float:
        return self.rows_rejected / self.rows_in if self.rows_in else 0.0


@dataclass(frozen=True)
class LoadPlan:
    """Everything the loader needs to know about one file, independent of its kind."""

    kind: str
    table: str
    required_columns: tuple[str, ...]
    columns: list[TargetColumn]
    key: tuple[str, ...]
    dedupe_against_raw: bool
    mapping_text: str | None = None
    delimiter: str | None = None
    encoding: str = "utf-8"


def load_survey_file(
    db_path: Path,
    path: Path,
    mapping: QuestionnaireMapping,
    salt: str,
    max_reject_rate: float = 1.0,
) -> BatchResult:
    """Load one survey export through its questionnaire mapping."""
    plan = LoadPlan(
        kind="survey",
        table="survey_evaluations",
        required_columns=tuple(mapping.source_columns()),
        columns=survey_columns(mapping, salt),
        key=SURVEY_KEY,
        dedupe_against_raw=True,
        mapping_text=mapping.raw_text,
        delimiter=mapping.source.delimiter,
        encoding=mapping.source.encoding,
    )
    return load_file(db_path, path, plan, max_reject_rate)


def load_industry_file(
    db_path: Path, path: Path, kind: str, max_reject_rate: float = 1.0
) -> BatchResult:
    """Load one companies, sectors or margins file."""
    spec = INDUSTRY_KINDS[kind]
    with duckdb.connect() as scratch:
        present = set(stage_source(scratch, path))
    plan = LoadPlan(
        kind=kind,
        table=spec.table,
        required_columns=spec.required_columns,
        columns=spec.columns(present),
        key=spec.key,
        dedupe_against_raw=False,
    )
    return load_file(db_path, path, plan, max_reject_rate)


def load_file(db_path: Path, path: Path, plan: LoadPlan, max_reject_rate: float) -> BatchResult:
    """Stage, check and write one file as a single batch."""
    if not path.is_file():
        raise FileContractError(f"{path}: no such file")
    sha = file_sha256(path)
    batch_id = f"{plan.kind}-{sha[:16]}"
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path)) as con:
        ensure_raw_schema(con)
        if _already_loaded(con, sha, plan.kind):
            return BatchResult(
                path, plan.kind, sha, "skipped", batch_id, message="already loaded (same sha256)"
            )
        con.begin()
        try:
            result = _load_in_transaction(con, path, plan, sha, batch_id, max_reject_rate)
        except BaseException:
            con.rollback()
            raise
        if result.status == "loaded":
            con.commit()
        else:
            con.rollback()
        return result


def _already_loaded(con: duckdb.DuckDBPyConnection, sha: str, kind: str) -> bool:
    rows = con.execute(
        "select count(*) from raw.load_batches where sha256 = ? and kind = ? and status = 'loaded'",
        [sha, kind],
    ).fetchall()
    return rows[0][0] > 0


def _load_in_transaction(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    sha: str,
    batch_id: str,
    max_reject_rate: float,
) -> BatchResult:
    started = con.execute("select cast(now() as timestamp)").fetchall()[0][0]
    source_columns = stage_source(con, path, plan.delimiter, plan.encoding)
    missing = [column for column in plan.required_columns if column not in source_columns]
    if missing:
        raise FileContractError(
            f"{path}: missing column(s) {', '.join(missing)}; "
            f"the file has {', '.join(source_columns)}"
        )
    con.execute(_checked_rows_sql(plan, source_columns))
    counts = con.execute(
        f"select count(*), count(*) filter (where reject_field is not null) from {CHECKED_TABLE}"
    ).fetchall()[0]
    rows_in, rows_rejected = int(counts[0]), int(counts[1])
    if rows_in == 0:
        raise FileContractError(f"{path}: the file has a header but no data rows")
    result = BatchResult(
        path, plan.kind, sha, "loaded", batch_id, rows_in, rows_in - rows_rejected, rows_rejected
    )
    if result.reject_rate > max_reject_rate:
        return replace(
            result,
            status="refused",
            message=f"{rows_rejected} of {rows_in} rows rejected ({result.reject_rate:.1%}) "
            f"exceeds --max-reject-rate {max_reject_rate:.1%}; nothing written",
        )
    _write_batch(con, path, plan, batch_id, source_columns)
    con.execute(
        "insert into raw.load_batches values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(now() as timestamp), "
        "'loaded')",
        [
            batch_id,
            str(path),
            sha,
            plan.kind,
            plan.mapping_text,
            rows_in,
            result.rows_loaded,
            rows_rejected,
            started,
        ],
    )
    return result


def _checked_rows_sql(plan: LoadPlan, source_columns: list[str]) -> str:
    """One scan computing every target value and the first failing check of each row.

    The first failing check is found once, as its position in the list; field and
    reason are then looked up by that position, so each condition runs once a row.
    """
    checks = [check for column in plan.columns for check in column.checks]
    first_failed = " ".join(
        f"when {check.failed_sql} then {position}" for position, check in enumerate(checks, 1)
    )
    reasons = " ".join(
        f"when {position} then {check.reason_sql}" for position, check in enumerate(checks, 1)
    )
    fields = ", ".join(quote_literal(check.field) for check in checks)
    helpers = ", ".join(
        f"{sql} as {alias}" for column in plan.columns for alias, sql in column.prepared
    )
    values = ", ".join(f"{column.value_sql} as {column.name}" for column in plan.columns)
    key = ", ".join(plan.key)
    duplicate_of_raw = (
        f"exists (select 1 from raw.{plan.table} as loaded where "
        + " and ".join(f"loaded.{name} = ranked.{name}" for name in plan.key)
        + ")"
        if plan.dedupe_against_raw
        else "false"
    )
    return f"""
        create or replace temp table {CHECKED_TABLE} as
        with prepared as (
            select *{", " + helpers if helpers else ""} from {STAGED_TABLE}
        ),
        located as (
            select
                source_row_number,
                {values},
                case {first_failed or "when false then null"} end as failed_check,
                case failed_check {reasons or "when 0 then null"} end as reject_reason
            from prepared
        ),
        typed as (
            select
                * exclude (failed_check),
                [{fields}][failed_check] as reject_field
            from located
        ),
        ranked as (
            select
                *,
                min(case when reject_field is null then source_row_number end)
                    over (partition by {key}) as first_row_of_key
            from typed
        )
        select
            * exclude (reject_field, reject_reason, first_row_of_key),
            case
                when reject_field is not null then reject_field
                when first_row_of_key < source_row_number then '{key}'
                when {duplicate_of_raw} then '{key}'
            end as reject_field,
            case
                when reject_field is not null then reject_reason
                when first_row_of_key < source_row_number
                    then 'duplicate key: same ({key}) as row ' || first_row_of_key
                when {duplicate_of_raw}
                    then 'duplicate key: ({key}) already loaded by an earlier batch'
            end as reject_reason
        from ranked
    """


def _write_batch(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    plan: LoadPlan,
    batch_id: str,
    source_columns: list[str],
) -> None:
    """Insert accepted rows into the raw table and rejected ones, as source JSON, aside."""
    record = ", ".join(
        f"{quote_literal(name)}: source.{quote_identifier(name)}" for name in source_columns
    )
    names = ", ".join(column.name for column in plan.columns)
    con.execute(
        f"insert into raw.{plan.table} (batch_id, source_file, row_number, loaded_at, {names}) "
        f"select ?, ?, source_row_number, cast(now() as timestamp), {names} "
        f"from {CHECKED_TABLE} where reject_field is null order by source_row_number",
        [batch_id, path.name],
    )
    con.execute(
        "insert into raw.rejected_rows "
        f"select ?, checked.source_row_number, reject_field, reject_reason, to_json({{{record}}}) "
        f"from {CHECKED_TABLE} as checked inner join {STAGED_TABLE} as source "
        "on checked.source_row_number = source.source_row_number "
        "where reject_field is not null order by checked.source_row_number",
        [batch_id],
    )
