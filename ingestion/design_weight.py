"""A provider's design weight per respondent: the starting weight raking adjusts.

Fieldwork agencies and national indices often deliver a weight column (a design
or base weight for unequal selection chances, sometimes their own calibration).
cxbench stores it as given and rakes *from* it to the population margins
(docs/methodology.md, "Weighting"), instead of starting every respondent at 1.

A weight the methodology can use is a finite number above 0. A weighted file
whose row has no weight, a zero, a negative or a text is rejected with the
reason: weight 1 would be an invented value and weight 0 would silently drop
the respondent from every weighted number while still counting them in bases.
"""

from __future__ import annotations

from cxbench.ingestion.contracts import (
    Check,
    TargetColumn,
    number_reason_sql,
    number_sql,
    shown,
    shown_number,
    text_of,
)
from cxcore.sql_text import quote_identifier, quote_literal

#: The raw column and the mapping field (``fields: {weight: COLUMN}``).
COLUMN = "design_weight"


def design_weight_column(
    column: str | None, numeric: bool = False, decimal: str = "auto"
) -> TargetColumn:
    """The design weight of each row from ``column`` (NULL for every row without one).

    ``numeric``: the reader parsed the column as DOUBLE already, so a cell is a
    number or NULL; otherwise the text is parsed here (decimal point or comma as
    the mapping's ``source.decimal`` says).
    """
    if column is None:
        return TargetColumn(COLUMN, "double", "cast(null as double)")
    number = "_design_weight_number"
    cell = quote_identifier(column) if numeric else text_of(column)
    parsed = quote_identifier(column) if numeric else number_sql(column, decimal)
    quoted = shown_number(cell) if numeric else shown(cell)
    missing = Check(
        "weight",
        f"{cell} is null",
        quote_literal(f"{column}: no design weight (a weighted file needs one for every row)"),
    )
    not_a_weight = (
        f"{quote_literal(column + ': ')} || {quoted} || "
        f"{quote_literal(' is not a design weight (a finite number above 0)')}"
    )
    invalid = Check(
        "weight",
        f"{number} is null or not isfinite({number}) or not ({number} > 0)",
        not_a_weight if numeric else number_reason_sql(column, cell, decimal, not_a_weight),
    )
    return TargetColumn(COLUMN, "double", number, (missing, invalid), ((number, parsed),))
