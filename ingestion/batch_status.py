"""A batch's life after it loaded: active, superseded by a corrected load, or retracted.

A wrong load must be correctable without losing the audit trail, so a batch is
never deleted: its rows stay in raw and its row in ``raw.load_batches`` changes
``status`` from ``loaded`` (active) to ``superseded`` (a later batch replaces
it: ``cxbench ingest --replace``) or ``retracted`` (``cxbench retract``), with
``superseded_by``, ``status_changed_at`` and ``status_reason``. Everything
downstream reads active batches only: the dbt staging models, the quality
suites, the duplicate-key check of the next load (docs/data-contracts.md §3,
"Correcting a load").

Only survey and maturity batches can be superseded or retracted: their marts
filter on active batches. Reference data (companies, sectors, margins) is
delivered again per wave instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath

import duckdb

from cxbench.ingestion.plan import LoadPlan
from cxbench.ingestion.raw_schema import upgrade_raw_schema
from cxcore.active_batches import ACTIVE_STATUS
from cxcore.storage import connect_writable

ACTIVE = ACTIVE_STATUS
SUPERSEDED = "superseded"
RETRACTED = "retracted"
#: Kinds whose batches can be superseded or retracted (their marts read active batches only).
CORRECTABLE_KINDS = ("survey", "maturity")


class BatchStatusError(ValueError):
    """The batch cannot change status (unknown, already inactive, or not correctable)."""


@dataclass(frozen=True)
class RetractResult:
    """What ``cxbench retract`` did to one batch."""

    batch_id: str
    kind: str
    source_path: str
    rows_loaded: int
    reason: str


def new_batch_id(con: duckdb.DuckDBPyConnection, kind: str, sha: str) -> str:
    """``<kind>-<first 16 hex of sha256>``; a file loaded again gets ``-2``, ``-3`` … appended.

    A file is loaded again only with ``--replace`` after its earlier batch was
    superseded or retracted; the earlier batch keeps its id and its rows.
    """
    base = f"{kind}-{sha[:16]}"
    earlier = con.execute(
        "select count(*) from raw.load_batches where batch_id = ? or starts_with(batch_id, ?)",
        [base, base + "-"],
    ).fetchall()[0][0]
    return base if earlier == 0 else f"{base}-{earlier + 1}"


def active_batch_of(con: duckdb.DuckDBPyConnection, sha: str, kind: str) -> str | None:
    """The active batch that loaded this exact file (same sha256), if any."""
    rows = con.execute(
        "select batch_id from raw.load_batches where sha256 = ? and kind = ? and status = ? "
        "order by started_at limit 1",
        [sha, kind, ACTIVE],
    ).fetchall()
    return rows[0][0] if rows else None


def batches_replaced(
    con: duckdb.DuckDBPyConnection, plan: LoadPlan, path: Path, sha: str, fresh_rows: str
) -> list[str]:
    """The active batches a ``--replace`` load of ``path`` supersedes.

    An active batch of the same kind is replaced when it loaded the same bytes
    (same sha256), or when it came from a file of the same name (and, for a
    survey, the same study) and holds rows of a partition the new file's rows
    also hold (survey: study × wave × country; maturity: wave). ``fresh_rows``
    is a subquery of the new batch's rows that passed the row checks.
    """
    candidates = con.execute(
        "select batch_id, source_path, sha256, study_id from raw.load_batches "
        "where kind = ? and status = ? order by batch_id",
        [plan.kind, ACTIVE],
    ).fetchall()
    study_id = plan.study.study_id if plan.study else None
    replaced = []
    for batch_id, source_path, batch_sha, batch_study in candidates:
        if batch_sha == sha or (
            PurePath(source_path).name == path.name
            and batch_study == study_id
            and _shares_partition(con, plan, batch_id, fresh_rows)
        ):
            replaced.append(batch_id)
    return replaced


def _shares_partition(
    con: duckdb.DuckDBPyConnection, plan: LoadPlan, batch_id: str, fresh_rows: str
) -> bool:
    partition = plan.dedupe_partition or ()
    if not partition:
        return True
    match = " and ".join(f"earlier.{name} = fresh.{name}" for name in partition)
    return bool(
        con.execute(
            f"select exists (select 1 from raw.{plan.table} as earlier "
            f"semi join {fresh_rows} on {match} where earlier.batch_id = ?)",
            [batch_id],
        ).fetchall()[0][0]
    )


def mark_superseded(
    con: duckdb.DuckDBPyConnection, batch_ids: list[str], by: str, file_name: str
) -> None:
    """Mark ``batch_ids`` superseded by batch ``by`` (inside the new batch's transaction)."""
    for batch_id in batch_ids:
        con.execute(
            "update raw.load_batches set status = ?, superseded_by = ?, status_changed_at = ?, "
            "status_reason = ? where batch_id = ?",
            [SUPERSEDED, by, datetime.now(), f"replaced by ingest --replace of {file_name}",
             batch_id],
        )  # fmt: skip


def retract_batch(db_path: Path, batch_id: str, reason: str) -> RetractResult:
    """Mark one active survey or maturity batch retracted; its rows stay in raw.

    Raises :class:`BatchStatusError` for an unknown batch, one no longer active,
    or one of a kind whose marts cannot drop it.
    """
    if not db_path.is_file():
        raise BatchStatusError(f"no warehouse at {db_path}")
    with connect_writable(db_path) as con:
        upgrade_raw_schema(con)
        loaded_any = con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'raw' and table_name = 'load_batches'"
        ).fetchall()[0][0]
        if not loaded_any:
            raise BatchStatusError(f"{db_path}: nothing was ever loaded (no raw.load_batches)")
        rows = con.execute(
            "select kind, source_path, status, superseded_by, rows_loaded "
            "from raw.load_batches where batch_id = ?",
            [batch_id],
        ).fetchall()
        if not rows:
            raise BatchStatusError(
                f"{db_path}: no batch {batch_id!r} in raw.load_batches; list them with "
                'cxbench sql "select batch_id, source_path, status from raw.load_batches"'
            )
        kind, source_path, status, superseded_by, rows_loaded = rows[0]
        if status != ACTIVE:
            by = f" by {superseded_by}" if superseded_by else ""
            raise BatchStatusError(f"batch {batch_id} is already {status}{by}; nothing to do")
        if kind not in CORRECTABLE_KINDS:
            raise BatchStatusError(
                f"batch {batch_id} is {kind} reference data, which cannot be retracted: "
                "deliver a corrected file instead"
            )
        con.execute(
            "update raw.load_batches set status = ?, status_changed_at = ?, status_reason = ? "
            "where batch_id = ?",
            [RETRACTED, datetime.now(), reason, batch_id],
        )
    return RetractResult(batch_id, kind, str(source_path), int(rows_loaded), reason)
