"""Checks that need more than one row: duplicate keys (in the file, against raw) and group sums.

They run on ``checked_rows`` after the scan and mark rows that passed the
row-level checks. Each starts with an aggregate that is cheap when nothing is
wrong (a ``group by … having``, an ``exists`` against raw on the key's partition),
so a clean file pays for one aggregation instead of a window over every row.
"""

from __future__ import annotations

import duckdb

from ingestion.checked_rows import CHECKED_TABLE, numbered_source_sql, record_sql
from ingestion.plan import GroupSum, LoadPlan
from ingestion.readers import SourceTable
from ingestion.recoding import ROW_NUMBER
from ingestion.sql_text import number_literal, quote_literal

PASSED = f"{CHECKED_TABLE}.reject_field is null"


def _matches(left: str, right: str, names: tuple[str, ...]) -> str:
    return " and ".join(f"{left}.{name} = {right}.{name}" for name in names)


def reject_duplicates_in_file(con: duckdb.DuckDBPyConnection, plan: LoadPlan, row_sql: str) -> None:
    """Every row whose key an earlier row of the file already has is rejected."""
    key = ", ".join(plan.key)
    con.execute(
        f"create or replace temp table duplicate_keys as select {key}, min({row_sql}) as first_row "
        f"from {CHECKED_TABLE} where reject_field is null group by all having count(*) > 1"
    )
    if not _has_rows(con, "duplicate_keys"):
        return
    con.execute(
        f"update {CHECKED_TABLE} set reject_field = {quote_literal(key)}, "
        f"reject_reason = 'duplicate key: same ({key}) as row ' || dup.first_row "
        f"from duplicate_keys as dup where {PASSED} "
        f"and {_matches(CHECKED_TABLE, 'dup', plan.key)} and {row_sql} > dup.first_row"
    )


def reject_duplicates_of_raw(con: duckdb.DuckDBPyConnection, plan: LoadPlan) -> None:
    """Rows whose key an earlier batch already loaded are rejected, naming that batch.

    The join against raw only runs when raw holds rows of the same partition
    (survey: wave × country), which a new wave's file usually does not.
    """
    if plan.dedupe_partition is None:
        return
    partition = ", ".join(plan.dedupe_partition) or "1"
    target = f"raw.{plan.table}"
    con.execute(
        f"create or replace temp table fresh_partitions as select distinct {partition} "
        f"from {CHECKED_TABLE} where reject_field is null"
    )
    overlap = con.execute(
        f"select exists (select 1 from {target} as loaded inner join fresh_partitions as fresh "
        f"on {_matches('loaded', 'fresh', plan.dedupe_partition) or 'true'})"
    ).fetchall()[0][0]
    if not overlap:
        return
    key = ", ".join(plan.key)
    con.execute(
        f"update {CHECKED_TABLE} set reject_field = {quote_literal(key)}, "
        f"reject_reason = 'duplicate key: ({key}) already loaded by batch ' || loaded.batch_id "
        f"from (select {key}, min(batch_id) as batch_id from {target} as candidate "
        f"semi join fresh_partitions as fresh "
        f"on {_matches('candidate', 'fresh', plan.dedupe_partition) or 'true'} "
        "group by all) as loaded "
        f"where {PASSED} and {_matches(CHECKED_TABLE, 'loaded', plan.key)}"
    )


def reject_bad_group_sums(con: duckdb.DuckDBPyConnection, rule: GroupSum | None) -> None:
    """All rows of a group whose values do not add up to the total are rejected."""
    if rule is None:
        return
    group = ", ".join(rule.group)
    con.execute(
        f"create or replace temp table bad_groups as select {group}, sum({rule.value}) as total "
        f"from {CHECKED_TABLE} where reject_field is null group by all "
        f"having abs(sum({rule.value}) - {number_literal(rule.total)}) > "
        f"{number_literal(rule.tolerance)}"
    )
    if not _has_rows(con, "bad_groups"):
        return
    shown_group = " || ', ' || ".join(f"cast(bad.{name} as varchar)" for name in rule.group)
    con.execute(
        f"update {CHECKED_TABLE} set reject_field = {quote_literal(rule.value)}, "
        f"reject_reason = {quote_literal(rule.value + ': the values of (')} || {shown_group} || "
        f"') add up to ' || round(bad.total, 4) || "
        f"{quote_literal(f', not {rule.total:g}')} "
        f"from bad_groups as bad where {PASSED} and {_matches(CHECKED_TABLE, 'bad', rule.group)}"
    )


def fill_missing_records(
    con: duckdb.DuckDBPyConnection, plan: LoadPlan, source: SourceTable, row_sql: str
) -> None:
    """Source records for rows rejected after the scan (the scan kept only its own rejects).

    Rare, so paying a second scan of the source here keeps the first one lean.
    """
    missing = con.execute(
        f"select count(*) from {CHECKED_TABLE} "
        "where reject_field is not null and reject_record is null"
    ).fetchall()[0][0]
    if not missing:
        return
    con.execute(
        f"create or replace temp table late_records as select {ROW_NUMBER}, "
        f"{record_sql(plan, source)} as record from {numbered_source_sql(source)} "
        f"where {ROW_NUMBER} in (select {row_sql} from {CHECKED_TABLE} "
        "where reject_field is not null and reject_record is null)"
    )
    con.execute(
        f"update {CHECKED_TABLE} set reject_record = late.record from late_records as late "
        f"where {CHECKED_TABLE}.reject_record is null and {CHECKED_TABLE}.reject_field is not null "
        f"and {row_sql} = late.{ROW_NUMBER}"
    )


def _has_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(f"select exists (select 1 from {table})").fetchall()[0][0])
