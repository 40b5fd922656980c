"""The writes of one file: every row into raw at once, then the rejected ones moved aside.

Row numbers are the crux of speed. DuckDB cannot number a CSV's rows in a
parallel scan: a ``row_number() over ()`` window serialises it, and
materialising the checked file in a temporary table first costs as much as
writing raw itself. So one scan computes every value and the first failing
check, and inserts every row straight into the raw table inside the batch's
transaction: a failing row is marked by its batch id (``<batch>!<check
number>``) and gets placeholders where raw needs a value. CSV, Excel and SPSS
readers number their rows themselves (a CSV in parts read in parallel:
:mod:`cxbench.ingestion.readers.csv_parts`), so no row of the batch is changed
afterwards and DuckDB keeps the rows it wrote to the database file during the
insert (any update or delete of them makes the commit log the whole batch to the
WAL). Parquet keeps file order in the insert and is numbered by its positions
afterwards (one update). Cross-row checks then run on the batch's rows, rejected
rows are written to ``raw.rejected_rows`` with their source record (a second,
numbered scan, only when there are any) and deleted from raw, all before the
commit: nothing of this is ever visible outside the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import duckdb

from cxbench.ingestion.contracts import Check, TargetColumn
from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.readers import SourceTable
from cxbench.ingestion.recoding import ROW_NUMBER
from cxcore.sql_text import number_literal, quote_identifier, quote_literal

REJECTS = "batch_rejects"
#: Placeholder per type for a failing row's NOT NULL columns (deleted before commit).
PLACEHOLDERS = {"varchar": "''", "integer": "0", "double": "0", "date": "date '1970-01-01'"}


def numbered_in_scan(source: SourceTable, columns: list[TargetColumn]) -> bool:
    """Whether the scan itself carries ``source_row_number`` (else position numbers rows)."""
    return source.row_number_column is not None or any(
        ROW_NUMBER in column.value_sql for column in columns
    )


def batch_rows(batch_id: str, include_failed: bool = True) -> str:
    """SQL condition selecting this batch's rows in a raw table."""
    passed = f"batch_id = {quote_literal(batch_id)}"
    if not include_failed:
        return passed
    return f"({passed} or starts_with(batch_id, {quote_literal(batch_id + '!')}))"


def insert_all_sql(
    plan: LoadPlan,
    source: SourceTable,
    columns: list[TargetColumn],
    batch_id: str,
    not_null: Sequence[str],
) -> str:
    """Every row of the file into raw, failing ones marked (params: file name, loaded at)."""
    checks = [check for column in columns for check in column.checks]
    names = ", ".join(column.name for column in columns)
    values = ", ".join(_insert_value(column, not_null) for column in columns)
    marker = (
        f"case when failed_check is null then {quote_literal(batch_id)} "
        f"else {quote_literal(batch_id + '!')} || failed_check end"
    )
    row_number = ROW_NUMBER if numbered_in_scan(source, columns) else "0"
    return f"""
        insert into raw.{plan.table} (batch_id, source_file, row_number, loaded_at, {names})
        {computed_sql(source, columns)},
        located as (select *, {first_failed_sql(checks)} as failed_check from derived)
        select {marker}, ?, {row_number}, ?, {values}
        from located
    """


def first_failed_sql(checks: Sequence[Check]) -> str:
    """SQL for the position (1-based) of a row's first failing check, NULL if none fails.

    Range checks of parsed numbers are screened first: per scale, one ``greatest``
    and one ``least`` over the answers tell whether any lies outside (NULLs, the
    missing answers, are ignored; NaN is greatest). Only rows the screen or another
    check flags go through the full list, which names the first failure.
    """
    if not checks:
        return "cast(null as integer)"
    chain = " ".join(
        f"when {check.failed_sql} then {position}" for position, check in enumerate(checks, 1)
    )
    scales: dict[tuple[float, float], list[str]] = {}
    for check in checks:
        if check.screen:
            value, low, high = check.screen
            scales.setdefault((low, high), []).append(value)
    if not scales:
        return f"case {chain} end"
    screens = [
        f"greatest({', '.join(values)}) > {number_literal(high)} "
        f"or least({', '.join(values)}) < {number_literal(low)}"
        for (low, high), values in scales.items()
    ]
    others = [f"({check.failed_sql})" for check in checks if not check.screen]
    gate = " or ".join([f"({screen})" for screen in screens] + others)
    return f"case when {gate} then case {chain} end end"


def _insert_value(column: TargetColumn, not_null: Sequence[str]) -> str:
    value = column.stored(column.held_sql)
    if column.name in not_null:
        value = f"coalesce({value}, {PLACEHOLDERS[column.sql_type]})"
    return value


def number_rows(con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str) -> None:
    """Set ``row_number`` from the rows' positions: the insert kept file order."""
    rows = batch_rows(batch_id)
    con.execute(
        f"update raw.{plan.table} set row_number = rowid - "
        f"(select min(rowid) from raw.{plan.table} where {rows}) + 1 where {rows}"
    )


def collect_scan_rejects(con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str) -> None:
    """``batch_rejects``: one row per failing row (row number, check number or field/reason)."""
    con.execute(
        f"create or replace temp table {REJECTS} as select row_number, "
        "cast(split_part(batch_id, '!', 2) as integer) as failed_check, "
        "cast(null as varchar) as field, cast(null as varchar) as reason "
        f"from raw.{plan.table} where starts_with(batch_id, {quote_literal(batch_id + '!')})"
    )


def computed_sql(source: SourceTable, columns: list[TargetColumn], numbered: bool = False) -> str:
    """CTEs over the source: the row number if needed, then every column's helpers."""
    prepared = _aliased(pair for column in columns for pair in column.prepared)
    derived = _aliased(pair for column in columns for pair in column.derived)
    numbered = numbered or numbered_in_scan(source, columns)
    scanned = f"select {_row_number_select(source, numbered)}* from {source.relation}"
    return f"""with source as ({scanned}),
        prepared as (select *{prepared} from source),
        derived as (select *{derived} from prepared)"""


def insert_rejected_sql(
    plan: LoadPlan, source: SourceTable, columns: list[TargetColumn], batch_id: str
) -> str:
    """Rejected rows with field, reason and pseudonymised source record (param: batch id).

    The source is scanned again, numbered, and only the rejected rows are kept
    before any reason is computed. Private columns (respondent id, comment) take
    the values the raw row got: hashed, and scrubbed of e-mails and phones.
    """
    checks = [check for column in columns for check in column.checks]
    fields = ", ".join(quote_literal(check.field) for check in checks) or "null"
    reasons = " ".join(
        f"when {position} then {check.reason_sql}" for position, check in enumerate(checks, 1)
    )
    private = ", ".join(
        f"{target} as _private_{target}" for target in dict.fromkeys(plan.private_columns.values())
    )
    return f"""
        insert into raw.rejected_rows (batch_id, row_number, field, reason, record)
        {computed_sql(source, columns, numbered=True)},
        rejects as (
            select row_number as _reject_row, failed_check as _reject_check,
                field as _reject_field, reason as _reject_reason
            from {REJECTS}
        ),
        loaded as (
            select row_number as _private_row{", " + private if private else ""}
            from raw.{plan.table}
            where {batch_rows(batch_id)} and row_number in (select _reject_row from rejects)
        ),
        picked as (
            select * from derived
            where {ROW_NUMBER} in (select _reject_row from rejects)
        )
        select
            ?,
            {ROW_NUMBER},
            coalesce(_reject_field, [{fields}][_reject_check]),
            coalesce(_reject_reason, case _reject_check {reasons or "when 0 then null"} end),
            to_json({_record(plan, source)})
        from picked
        inner join rejects on _reject_row = {ROW_NUMBER}
        left join loaded on _private_row = {ROW_NUMBER}
        order by {ROW_NUMBER}
    """


def _record(plan: LoadPlan, source: SourceTable) -> str:
    """A rejected row's source record; private columns hold their pseudonymised value."""
    entries = []
    for name in plan.record_columns or source.columns:
        if name not in source.columns:
            continue
        target = plan.private_columns.get(name)
        value = f"_private_{target}" if target else quote_identifier(name)
        entries.append(f"{quote_literal(name)}: {value}")
    return "{" + (", ".join(entries) or "'_': null") + "}"


def delete_rejected_sql(plan: LoadPlan, batch_id: str) -> str:
    """Remove the rejected rows (and their placeholders) from raw before the commit."""
    return (
        f"delete from raw.{plan.table} where {batch_rows(batch_id)} "
        f"and row_number in (select row_number from {REJECTS})"
    )


def _row_number_select(source: SourceTable, numbered: bool) -> str:
    if source.row_number_column is not None:
        if source.row_number_column == ROW_NUMBER:
            return ""
        return f"{quote_identifier(source.row_number_column)} as {ROW_NUMBER}, "
    if numbered:
        return f"row_number() over () as {ROW_NUMBER}, "
    return ""


def _aliased(pairs: Iterable[tuple[str, str]]) -> str:
    rendered = ", ".join(f"{sql} as {alias}" for alias, sql in pairs)
    return ", " + rendered if rendered else ""
