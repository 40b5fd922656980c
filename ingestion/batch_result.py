"""What one load reports: its counts, its commonest rejects, and why it was refused."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb

from cxbench.ingestion.reject_limit import REASONS_SHOWN
from cxcore.never_scoring import Verdict


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
    #: What the reader detected rather than was told (encoding, delimiter, sheet).
    notes: tuple[str, ...] = ()
    #: The most frequent reject fields with their counts.
    top_rejects: tuple[tuple[str, int], ...] = ()
    #: The most frequent reject reasons with their counts (shown for a refused batch).
    top_reasons: tuple[tuple[str, int], ...] = ()
    #: Active batches this load superseded (``replace``), now marked ``superseded``.
    replaced: tuple[str, ...] = ()
    #: Declared pillars and outcomes of a survey file that can never score
    #: (also stored in ``raw.load_warnings``); the file loads all the same.
    warnings: tuple[Verdict, ...] = ()

    @property
    def reject_rate(self) -> float:
        return self.rows_rejected / self.rows_in if self.rows_in else 0.0


def refused(result: BatchResult, max_reject_rate: float) -> BatchResult:
    """The batch as refused: nothing was written, and the message says why."""
    if result.rows_loaded == 0:
        message = (
            f"all {result.rows_in} rows rejected: a batch that loads no row is never "
            "written, whatever --max-reject-rate; nothing written"
        )
    else:
        message = (
            f"{result.rows_rejected} of {result.rows_in} rows rejected "
            f"({result.reject_rate:.1%}) exceeds --max-reject-rate {max_reject_rate:.1%}; "
            "nothing written (a file with that many bad rows is loaded on purpose with "
            "a higher --max-reject-rate)"
        )
    return dataclasses.replace(result, status="refused", message=message, replaced=())


def commonest(
    con: duckdb.DuckDBPyConnection, batch_id: str, what: Literal["field", "reason"]
) -> tuple[tuple[str, int], ...]:
    """The batch's most frequent reject fields or reasons, with their counts.

    The fields go into the CLI's summary; the reasons are what a refused batch
    prints, since its rejected rows are not kept.
    """
    rows = con.execute(
        f"select {what}, count(*) from raw.rejected_rows where batch_id = ? "
        "group by all order by 2 desc, 1 limit ?",
        [batch_id, REASONS_SHOWN],
    ).fetchall()
    return tuple((str(value), int(count)) for value, count in rows)
