"""Checks that need more than one row: duplicate keys (in the file, against raw) and group sums.

They run on the batch's rows in raw, inside its transaction, after every row
was inserted, and add rows to ``batch_rejects`` with field and reason. Each
starts with an aggregate that is cheap when nothing is wrong (a ``group by …
having``, an ``exists`` against raw on the key's partition), so a clean file pays
for one aggregation instead of a window over every row.
"""

from __future__ import annotations

import duckdb

from cxbench.ingestion.passes import REJECTS, batch_rows
from cxbench.ingestion.plan import GroupSum, LoadPlan
from cxcore.active_batches import ACTIVE_BATCH_ROWS
from cxcore.sql_text import number_literal, quote_literal


def _matches(left: str, right: str, names: tuple[str, ...], nullable: tuple[str, ...] = ()) -> str:
    return (
        " and ".join(
            f"{left}.{name} {'is not distinct from' if name in nullable else '='} {right}.{name}"
            for name in names
        )
        or "true"
    )


def passed_rows(plan: LoadPlan, batch_id: str, alias: str = "fresh") -> str:
    """The batch's rows that passed so far, as a subquery aliased ``alias``."""
    return (
        f"(select * from raw.{plan.table} where {batch_rows(batch_id, include_failed=False)} "
        f"and row_number not in (select row_number from {REJECTS})) as {alias}"
    )


def reject_duplicates_in_file(
    con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str
) -> None:
    """Every row whose key an earlier row of the file already has is rejected."""
    key = ", ".join(plan.key)
    # A 64-bit hash of the key is far cheaper to compare than the key's strings (a
    # 64-character respondent hash among them); only rows with a repeated hash are
    # then grouped by the key itself, so a hash collision cannot reject a row. The
    # repeated hashes are found by sorting and comparing neighbours: for 1.85M
    # evaluations half the time of grouping by the hash, which needs a hash table
    # with a slot per row.
    con.execute(
        "create or replace temp table duplicate_hashes as select distinct key_hash from ("
        "select key_hash, lead(key_hash) over (order by key_hash) as next_hash "
        f"from (select hash({key}) as key_hash from {passed_rows(plan, batch_id)})) "
        "where key_hash = next_hash"
    )
    if not _has_rows(con, "duplicate_hashes"):
        return
    con.execute(
        "create or replace temp table duplicate_keys as "
        f"select {key}, min(row_number) as first_row from {passed_rows(plan, batch_id)} "
        f"where hash({key}) in (select key_hash from duplicate_hashes) "
        "group by all having count(*) > 1"
    )
    if not _has_rows(con, "duplicate_keys"):
        return
    con.execute(
        f"insert into {REJECTS} select fresh.row_number, null, {quote_literal(key)}, "
        f"'duplicate key: same ({key}) as row ' || dup.first_row"
        f" || {quote_literal(plan.duplicate_hint)} "
        f"from {passed_rows(plan, batch_id)} inner join duplicate_keys as dup "
        f"on {_matches('fresh', 'dup', plan.key, plan.nullable_key)} "
        "where fresh.row_number > dup.first_row"
    )


def reject_duplicates_of_raw(con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str) -> None:
    """Rows whose key an earlier active batch already loaded are rejected, naming that batch.

    Rows of superseded or retracted batches stay in raw for the audit trail but
    no longer count: their corrected file loads in their place.

    The join against raw only runs when raw holds rows of the same partition
    (survey: wave × country), which a new wave's file usually does not.
    """
    if plan.dedupe_partition is None:
        return
    partition = ", ".join(plan.dedupe_partition) or "1"
    # The batch being loaded is not in raw.load_batches yet, so it is not "active".
    earlier = f"(select * from raw.{plan.table} where {ACTIVE_BATCH_ROWS})"
    con.execute(
        "create or replace temp table fresh_partitions as "
        f"select distinct {partition} from {passed_rows(plan, batch_id)}"
    )
    overlap = con.execute(
        f"select exists (select 1 from {earlier} as loaded semi join fresh_partitions as part "
        f"on {_matches('loaded', 'part', plan.dedupe_partition)})"
    ).fetchall()[0][0]
    if not overlap:
        return
    key = ", ".join(plan.key)
    con.execute(
        f"insert into {REJECTS} select fresh.row_number, null, {quote_literal(key)}, "
        f"'duplicate key: ({key}) already loaded by batch ' || loaded.batch_id"
        f" || {quote_literal(plan.duplicate_hint)} "
        f"from {passed_rows(plan, batch_id)} inner join (select {key}, min(batch_id) as batch_id "
        f"from {earlier} as candidate semi join fresh_partitions as part "
        f"on {_matches('candidate', 'part', plan.dedupe_partition)} group by all) as loaded "
        f"on {_matches('fresh', 'loaded', plan.key, plan.nullable_key)}"
    )


#: Why the rest of a group that lost a row is rejected.
INCOMPLETE_GROUP = ") was rejected, so the rest cannot be taken for the whole"


def reject_bad_group_sums(
    con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str, rule: GroupSum | None
) -> None:
    """All rows of a group whose values do not add up to the total are rejected.

    So are the rows of a group that lost a row to another check (an empty share):
    what is left of it may still add up (female missing, male 1.0) and would
    load as a different population.
    """
    if rule is None:
        return
    group = ", ".join(rule.group)
    shown_group = " || ', ' || ".join(f"cast(bad.{name} as varchar)" for name in rule.group)
    con.execute(
        "create or replace temp table broken_groups as "
        f"select {group}, min(row_number) as first_rejected from raw.{plan.table} "
        f"where {batch_rows(batch_id)} and row_number in (select row_number from {REJECTS}) "
        "group by all"
    )
    if _has_rows(con, "broken_groups"):
        con.execute(
            f"insert into {REJECTS} select fresh.row_number, null, {quote_literal(rule.value)}, "
            f"{quote_literal(rule.value + ': row ')} || bad.first_rejected || ' of (' || "
            f"{shown_group} || {quote_literal(INCOMPLETE_GROUP)} "
            f"from {passed_rows(plan, batch_id)} inner join broken_groups as bad "
            f"on {_matches('fresh', 'bad', rule.group)}"
        )
    con.execute(
        "create or replace temp table bad_groups as "
        f"select {group}, sum({rule.value}) as total from {passed_rows(plan, batch_id)} "
        f"group by all having abs(sum({rule.value}) - {number_literal(rule.total)}) > "
        f"{number_literal(rule.tolerance)}"
    )
    if not _has_rows(con, "bad_groups"):
        return
    con.execute(
        f"insert into {REJECTS} select fresh.row_number, null, {quote_literal(rule.value)}, "
        f"{quote_literal(rule.value + ': the values of (')} || {shown_group} || "
        f"') add up to ' || round(bad.total, 4) || {quote_literal(f', not {rule.total:g}')} "
        f"from {passed_rows(plan, batch_id)} inner join bad_groups as bad "
        f"on {_matches('fresh', 'bad', rule.group)}"
    )


def _has_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(f"select exists (select 1 from {table})").fetchall()[0][0])
