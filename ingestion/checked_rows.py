"""The one scan of a file: every target value and the first failing check of each row.

The scan's result is a temporary table ``checked_rows`` in file order, so its
``rowid`` is the row's position and no window over the whole file is needed to
number rows (a ``row_number() over ()`` serialises the scan and doubled its cost).
Rejected rows also carry their source record, pseudonymised columns left out.
"""

from __future__ import annotations

from ingestion.contracts import TargetColumn
from ingestion.plan import LoadPlan
from ingestion.readers import SourceTable
from ingestion.recoding import ROW_NUMBER
from ingestion.sql_text import quote_identifier, quote_literal

CHECKED_TABLE = "checked_rows"


def scan_sql(plan: LoadPlan, source: SourceTable, columns: list[TargetColumn]) -> str:
    """``create temp table checked_rows as …`` for one file.

    The first failing check is found once, as its position in the list; field and
    reason are then looked up by that position, so each condition runs once a row.
    """
    checks = [check for column in columns for check in column.checks]
    first_failed = " ".join(
        f"when {check.failed_sql} then {position}" for position, check in enumerate(checks, 1)
    )
    reasons = " ".join(
        f"when {position} then {check.reason_sql}" for position, check in enumerate(checks, 1)
    )
    fields = ", ".join(quote_literal(check.field) for check in checks)
    prepared = _aliased(alias for column in columns for alias in column.prepared)
    derived = _aliased(alias for column in columns for alias in column.derived)
    values = ", ".join(f"{column.value_sql} as {column.name}" for column in columns)
    row_number = f"{ROW_NUMBER}, " if numbered_in_scan(source, columns) else ""
    return f"""
        create or replace temp table {CHECKED_TABLE} as
        with source as (
            select {_row_number_select(source, columns)}* from {source.relation}
        ),
        prepared as (select *{prepared} from source),
        derived as (select *{derived} from prepared),
        located as (
            select *, case {first_failed or "when false then null"} end as failed_check
            from derived
        )
        select
            {row_number}{values},
            [{fields}][failed_check] as reject_field,
            case failed_check {reasons or "when 0 then null"} end as reject_reason,
            case when failed_check is not null then {record_sql(plan, source)} end
                as reject_record
        from located
    """


def numbered_in_scan(source: SourceTable, columns: list[TargetColumn]) -> bool:
    """Whether the scan carries ``source_row_number`` (else rowid order numbers rows)."""
    return source.row_number_column is not None or any(
        ROW_NUMBER in column.value_sql for column in columns
    )


def _row_number_select(source: SourceTable, columns: list[TargetColumn]) -> str:
    if source.row_number_column is not None:
        if source.row_number_column == ROW_NUMBER:
            return ""
        return f"{quote_identifier(source.row_number_column)} as {ROW_NUMBER}, "
    if numbered_in_scan(source, columns):
        return f"row_number() over () as {ROW_NUMBER}, "
    return ""


def record_sql(plan: LoadPlan, source: SourceTable) -> str:
    """A rejected row's source record as a struct, private columns left out."""
    kept = [
        name
        for name in (plan.record_columns or source.columns)
        if name in source.columns and name not in plan.private_columns
    ]
    if not kept:
        return "{'_': null}"
    return (
        "{" + ", ".join(f"{quote_literal(name)}: {quote_identifier(name)}" for name in kept) + "}"
    )


def numbered_source_sql(source: SourceTable) -> str:
    """The source with its row number, for fetching records of rows rejected after the scan."""
    if source.row_number_column is not None:
        return (
            f"(select {quote_identifier(source.row_number_column)} as {ROW_NUMBER}, * "
            f"from {source.relation})"
        )
    return f"(select row_number() over () as {ROW_NUMBER}, * from {source.relation})"


def _aliased(pairs: object) -> str:
    rendered = ", ".join(f"{sql} as {alias}" for alias, sql in pairs)  # type: ignore[attr-defined]
    return ", " + rendered if rendered else ""
