"""Warnings recorded with a survey batch: declared pillars or outcomes that can never score.

The rows of such a file are fine one by one, so they load; but a pillar whose
statements nobody answered (or never enough of them in one evaluation), or an
outcome never answered, would be missing from the marts without a word. The
judgement is :mod:`cxcore.never_scoring`'s (``cxbench check`` applies the same
one to every batch); here it runs on the batch's own rows inside its
transaction, and each warning is stored in ``raw.load_warnings`` beside the
batch, so it is on record, not only printed.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from cxcore.dbt_vars import min_answered_share
from cxcore.never_scoring import Verdict, batch_verdicts, every_subject_can_score

LOAD_WARNINGS_DDL = (
    "create table if not exists raw.load_warnings (batch_id varchar not null, "
    "subject varchar not null, subject_id varchar not null, reason varchar not null)"
)


def ensure_load_warnings(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``raw.load_warnings`` if it does not exist yet (idempotent)."""
    con.execute(LOAD_WARNINGS_DDL)


def record_never_scoring(con: duckdb.DuckDBPyConnection, batch_id: str) -> tuple[Verdict, ...]:
    """Judge the batch's loaded rows, store each never-scoring pillar or outcome, return them.

    Runs after the batch's row of ``raw.load_batches`` is written (it reads what
    the batch declares from there), in the batch's transaction.
    """
    share = min_answered_share()
    if every_subject_can_score(con, share, batch_id):
        return ()
    warnings = tuple(
        verdict for verdict in batch_verdicts(con, share, batch_id) if not verdict.can_score
    )
    if warnings:
        con.executemany(
            "insert into raw.load_warnings (batch_id, subject, subject_id, reason) "
            "values (?, ?, ?, ?)",
            [[batch_id, item.subject, item.subject_id, item.reason] for item in warnings],
        )
    return warnings


#: ``raw.load_warnings.subject`` of a batch's count of Unicode-normalised ids.
NORMALISED_IDS = "normalised_ids"


def record_normalised_ids(
    con: duckdb.DuckDBPyConnection, batch_id: str, changed: Mapping[str, tuple[int, str, str]]
) -> tuple[str, ...]:
    """Store per id field how many ids were normalised (ingestion.id_text); notes for the CLI.

    The reason starts with the count. A brand id example is shown with its
    invisible characters spelt out; respondent ids are never shown (they are
    stored only hashed).
    """
    rows, notes = [], []
    for field, (count, found, stored) in sorted(changed.items()):
        example = f", e.g. {found!a} stored as {stored!a}" if field == "brand_id" else ""
        reason = (
            f"{count} distinct {field} value(s) Unicode-normalised (NFKC; zero-width, BOM, "
            f"soft-hyphen and tab characters removed){example}"
        )
        rows.append([batch_id, NORMALISED_IDS, field, reason])
        notes.append(f"{reason} (raw.load_warnings)")
    if rows:
        con.executemany(
            "insert into raw.load_warnings (batch_id, subject, subject_id, reason) "
            "values (?, ?, ?, ?)",
            rows,
        )
    return tuple(notes)
