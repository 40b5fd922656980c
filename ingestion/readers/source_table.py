"""What every reader returns: a file as SQL rows of text, in file order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceTable:
    """A file as SQL: ``relation`` after ``FROM`` gives its rows in file order, as text."""

    relation: str
    columns: tuple[str, ...]
    #: Column → {code as text → label}; only SPSS files carry them.
    value_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: What was detected rather than declared, for the batch summary.
    notes: tuple[str, ...] = ()
    #: A column of ``relation`` holding the 1-based data row, when the reader knows
    #: it better than scan order does (Excel skips empty rows). ``None``: scan order.
    row_number_column: str | None = None
