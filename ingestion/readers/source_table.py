"""What every reader returns: a file as SQL rows of text, in file order."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace


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
    #: Columns this relation reads as numbers or dates rather than text (``with_types``).
    typed_columns: Mapping[str, str] = field(default_factory=dict)
    #: Names the file's header holds more than once (the relation shows the repeats as
    #: ``name_1`` …): a mapping naming one of them cannot say which column it means.
    duplicated: tuple[str, ...] = ()
    #: Builds the relation with some columns typed by the reader; ``None``: cannot.
    typed_relation: Callable[[Mapping[str, str]], str] | None = field(default=None, repr=False)
    #: The same on one thread, for a file the parallel reader cannot pad (:meth:`serial`).
    serial_relation: Callable[[Mapping[str, str]], str] | None = field(default=None, repr=False)
    #: (SQL true for a row whose field count differs from the header's, SQL for the
    #: reason), when the reader can tell; the loader rejects such rows first.
    shape_check: tuple[str, str] | None = None
    #: Columns the reader always reads as text (never typed by :meth:`with_types`).
    text_only: tuple[str, ...] = ()
    #: How many pipelines the scan runs, when the reader's numbering fixes it (a CSV:
    #: one per part, each numbered by a positional join); the loader gives DuckDB
    #: that many threads and lets the parts' rows arrive in any order.
    pipelines: int | None = None
    #: The file writes numbers with a decimal comma (a CSV's sample shows one): its
    #: reader never parses numbers itself (DuckDB's DOUBLE takes a point only), and
    #: ``decimal: auto`` reads it as ``","`` (``contracts.effective_decimal``).
    decimal_comma: bool = False
    #: The file joins digits by an underscore where a number may stand (``1_0``),
    #: which DuckDB's number parser would read as 10: its reader never parses
    #: numbers itself (:mod:`cxbench.ingestion.readers.digit_separators`).
    digit_separators: bool = False

    def with_types(self, types: Mapping[str, str]) -> SourceTable | None:
        """The same file with some columns parsed by DuckDB's reader (DOUBLE, DATE), if it can.

        Parsing "7" into a double while reading costs a fraction of reading text and
        casting it in SQL; a file where some cell does not parse fails to read this
        way, and the loader then falls back to text, where that cell is a rejected row.
        """
        wanted = {
            column: kind
            for column, kind in types.items()
            if column in self.columns
            and column not in self.text_only
            and not (kind == "DOUBLE" and (self.decimal_comma or self.digit_separators))
        }
        if self.typed_relation is None or not wanted:
            return None
        return replace(self, relation=self.typed_relation(wanted), typed_columns=wanted)

    def serial(self) -> SourceTable | None:
        """The same read on one thread (same types), if the reader has one."""
        if self.serial_relation is None:
            return None
        return replace(
            self,
            relation=self.serial_relation(self.typed_columns),
            typed_relation=None,
            serial_relation=None,
            pipelines=1,
        )

    def is_typed(self, column: str | None, kind: str) -> bool:
        """Whether ``column`` arrives already parsed as ``kind`` (``NUMBER``: any number)."""
        if column is None:
            return False
        parsed = self.typed_columns.get(column)
        if kind == "NUMBER":
            return parsed in {"SMALLINT", "INTEGER", "BIGINT", "DOUBLE"}
        return parsed == kind
