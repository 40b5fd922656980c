"""What an export is asked for, and how it refuses: the vocabulary every module shares.

Kept free of DuckDB and Arrow so that ``cxbench --help`` and every other command
start without loading them (the CLI imports the export itself only when it runs).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("parquet", "csv", "xlsx")


class Scope(enum.Enum):
    """Which schema an export takes its tables from (cxbench.export.tables says why)."""

    MARTS = "marts"
    PUBLISHED = "published"


class ExportRefused(Exception):
    """Bad input or a warehouse that cannot be exported: the message says what and why."""


@dataclass(frozen=True)
class ExportRequest:
    db_path: Path
    file_format: str
    target: Path
    scope: Scope = Scope.MARTS
    force: bool = False
    #: Only these waves' rows of tables with a ``wave`` column (others whole); empty: all.
    waves: tuple[int, ...] = ()
