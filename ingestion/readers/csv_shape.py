"""Rows with more or fewer fields than the header: each one rejected, the others loaded.

DuckDB's strict CSV mode stops the whole file at a short row and, worse, takes
a row with extra *empty* fields (``R1,B1,1,5,2,9,8,`` under seven columns)
without a word, every value one column off. So the file is read with the
header's columns plus :data:`EXTRA_FIELDS` spare ones, short rows padded, and
an unmatchable null string: an empty field is then ``''`` and only a field the
row does not have is NULL. A row whose last header column is NULL ended early,
a row with a spare column set has extra fields; either is rejected with its
field count (the check comes first, so no shifted value speaks for it). Rows
with more than ``EXTRA_FIELDS`` extra fields still stop the file, naming the line.

The last header column is always read as text: a number column there could not
tell an empty answer from a missing field. DuckDB's parallel reader cannot pad
rows of a file with line breaks inside quoted fields; such a file is read again
on one thread (:meth:`SourceTable.serial`).
"""

from __future__ import annotations

from collections.abc import Sequence

from cxcore.sql_text import quote_identifier, quote_literal

EXTRA_FIELDS = 8
#: Never a whole CSV field in practice, so no field is read as NULL by accident.
NULL_TEXT = "\x01cxbench-no-null\x01"
#: DuckDB's error when its parallel scanner meets a quoted line break while padding.
SERIAL_NEEDED = "does not support null_padding in conjunction with quoted new lines"
#: The ``field`` of a rejected row whose field count differs from the header's.
SHAPE_FIELD = "row"


def spare_columns(columns: Sequence[str]) -> list[str]:
    """Names of the spare columns after the header's (never clashing with a header name)."""
    taken = set(columns)
    names = []
    for position in range(len(columns) + 1, len(columns) + EXTRA_FIELDS + 1):
        name = f"_cxbench_field_{position}"
        while name in taken:
            name = "_" + name
        names.append(name)
    return names


def shape_check_sql(columns: Sequence[str]) -> tuple[str, str]:
    """(SQL true for a row of the wrong length, SQL for its reason) over the padded read."""
    spares = spare_columns(columns)
    failed = (
        f"({quote_identifier(columns[-1])} is null or {quote_identifier(spares[0])} is not null)"
    )
    found = " + ".join(
        f"cast({quote_identifier(name)} is not null as integer)" for name in [*columns, *spares]
    )
    said = (
        f" fields where the header has {len(columns)}; its values would land in the wrong columns"
    )
    reason = f"'row has ' || ({found}) || {quote_literal(said)}"
    return failed, reason
