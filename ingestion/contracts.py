"""Row-level contracts: how each canonical column is computed from text, and when a row fails.

A contract is a list of :class:`TargetColumn`; each knows the SQL that turns the
source text into its typed value and the checks that reject a row. The loader
turns the list into one ``select`` over the source, so checking 1.85M rows is one
DuckDB scan rather than a Python loop, and the first failing check of a row
becomes its recorded reason. Columns recoded through value maps are in
:mod:`ingestion.recoding`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingestion.countries import country_codes
from ingestion.sql_text import number_literal, quote_identifier, quote_literal

MIN_WAVE = 2000


@dataclass(frozen=True)
class Check:
    """A reason to reject a row: ``failed_sql`` is true for a bad row."""

    field: str
    failed_sql: str
    reason_sql: str


@dataclass(frozen=True)
class TargetColumn:
    """One column of a raw table, computed from the source's text columns."""

    name: str
    sql_type: str
    value_sql: str
    checks: tuple[Check, ...] = ()
    #: Helper columns (alias, SQL over the source text) computed once per row before
    #: the value and the checks, which refer to them by alias: DuckDB does not share
    #: a repeated ``try_cast`` between expressions, and 34 items × 3 uses of one
    #: parse tripled the cost of checking a file.
    prepared: tuple[tuple[str, str], ...] = ()
    #: Second-level helpers that may use ``prepared`` aliases (e.g. "is a missing code").
    derived: tuple[tuple[str, str], ...] = ()


def text_of(column: str) -> str:
    """The trimmed text of a source column, with empty strings as NULL."""
    return f"nullif(trim({quote_identifier(column)}), '')"


def shown(expression: str) -> str:
    """SQL quoting a text value inside a reason message."""
    return f"'''' || left({expression}, 80) || ''''"


def nul_check(field: str, column: str) -> Check:
    """Reject text holding a NUL byte: binary garbage or a mis-declared UTF-16 file."""
    return Check(
        field,
        f"contains({quote_identifier(column)}, chr(0))",
        quote_literal(f"{column}: contains a NUL byte (binary data or wrong encoding?)"),
    )


def required_text(name: str, column: str, field: str | None = None) -> TargetColumn:
    """A text column that must be present."""
    value = text_of(column)
    missing = Check(field or name, f"{value} is null", quote_literal(f"{column}: missing value"))
    return TargetColumn(name, "varchar", value, (missing, nul_check(field or name, column)))


def optional_text(name: str, column: str | None, transform: str = "{}") -> TargetColumn:
    """A text column that may be absent from the file or empty in a row."""
    if column is None:
        return TargetColumn(name, "varchar", "cast(null as varchar)")
    value = transform.format(text_of(column))
    return TargetColumn(name, "varchar", f"cast({value} as varchar)", (nul_check(name, column),))


def number_sql(column: str, decimal: str = "auto") -> str:
    """SQL parsing a source column as a number.

    ``auto`` takes a decimal point or a decimal comma ("7,5" from a European
    export); ``","`` takes only the comma (a point there is a thousands separator,
    so "1.5" is ambiguous and rejected); ``"."`` takes only the point.
    """
    source = quote_identifier(column)
    if decimal == ".":
        return f"try_cast({source} as double)"
    if decimal == ",":
        return (
            f"case when contains({source}, '.') then null "
            f"else try_cast(replace({source}, ',', '.') as double) end"
        )
    return (
        f"coalesce(try_cast({source} as double), try_cast(replace({source}, ',', '.') as double))"
    )


def scored_item(
    name: str,
    column: str,
    source_scale: tuple[float, float],
    target_scale: tuple[float, float] | None = None,
    missing: tuple[str, ...] = (),
    offset: float = 0.0,
    decimal: str = "auto",
) -> TargetColumn:
    """A numeric answer: missing codes → NULL, offset, range check, linear rescale.

    The range is checked on the source scale (after the offset), where the
    questionnaire declared it, so the reason quotes the value the researcher sees
    in the file. Missing codes match by number ("99" and "99.0" alike) or, for
    codes such as ``#NULL!``, by text; a blank cell is missing too.
    """
    number, is_missing = f"_{name}_number", f"_{name}_missing"
    source = quote_identifier(column)
    numeric_codes = [code for code in missing if _is_number(code)]
    text_codes = [code for code in missing if not _is_number(code)]
    blank = f"{source} is null or trim({source}) = ''"
    if text_codes:
        blank += f" or trim({source}) in ({', '.join(quote_literal(c) for c in text_codes)})"
    missing_sql = f"({number} is null and ({blank}))"
    if numeric_codes:
        codes = ", ".join(number_literal(float(code)) for code in numeric_codes)
        missing_sql = f"(coalesce({number} in ({codes}), false) or {missing_sql})"
    shifted = f"({number} + {number_literal(offset)})" if offset else number
    low, high = source_scale
    to_low, to_high = target_scale or source_scale
    factor = (to_high - to_low) / (high - low)
    rescaled = (
        shifted
        if (to_low, to_high) == (low, high)
        else f"{number_literal(to_low)} + ({shifted} - {number_literal(low)}) * "
        f"{number_literal(factor)}"
    )
    checks = (
        Check(
            name,
            f"not {is_missing} and {number} is null",
            f"{quote_literal(column + ': not a number ')} || {shown(source)}",
        ),
        Check(
            name,
            f"not {is_missing} and not ({shifted} between {number_literal(low)} "
            f"and {number_literal(high)})",
            f"{quote_literal(column + ': ')} || {shown(source)} || "
            f"{quote_literal(f' outside scale {low:g}-{high:g}')}",
        ),
    )
    return TargetColumn(
        name,
        "double",
        f"case when {is_missing} then null else {rescaled} end",
        checks,
        prepared=((number, number_sql(column, decimal)),),
        derived=((is_missing, missing_sql),),
    )


def _is_number(code: str) -> bool:
    try:
        float(code)
    except ValueError:
        return False
    return True


def wave_column(value_sql: str) -> TargetColumn:
    """Survey wave (year): an integer between 2000 and next year."""
    wave = f"try_cast({value_sql} as integer)"
    check = Check(
        "wave",
        f"{wave} is null or {wave} < {MIN_WAVE} or {wave} > year(current_date) + 1",
        f"'wave: ' || coalesce({shown(value_sql)}, 'missing') || ' is not a plausible year'",
    )
    return TargetColumn("wave", "integer", wave, (check,))


def country_column(value_sql: str) -> TargetColumn:
    """ISO 3166-1 alpha-2 country code (see :mod:`ingestion.countries`), upper case."""
    country = f"upper({value_sql})"
    codes = ", ".join(quote_literal(code) for code in sorted(country_codes()))
    check = Check(
        "country",
        f"{country} is null or {country} not in ({codes})",
        f"'country: ' || coalesce({shown(value_sql)}, 'missing') || "
        "' is not an ISO 3166-1 alpha-2 code'",
    )
    return TargetColumn("country", "varchar", country, (check,))


def integer_in_range(name: str, column: str | None, low: int, high: int) -> TargetColumn:
    """An optional whole number that must lie in ``[low, high]`` when present."""
    if column is None:
        return TargetColumn(name, "integer", "cast(null as integer)")
    text = text_of(column)
    number = f"_{name}_number"
    check = Check(
        name,
        f"{text} is not null and ({number} is null or {number} <> floor({number}) "
        f"or not ({number} between {low} and {high}))",
        f"{quote_literal(column + ': ')} || {shown(text)} || "
        f"{quote_literal(f' is not a whole number in {low}-{high}')}",
    )
    return TargetColumn(
        name, "integer", f"cast({number} as integer)", (check,), ((number, number_sql(column)),)
    )


def number_at_least(name: str, column: str | None, low: float) -> TargetColumn:
    """An optional number (decimal point or comma) that must be ``>= low`` when present."""
    if column is None:
        return TargetColumn(name, "double", "cast(null as double)")
    text = text_of(column)
    number = f"_{name}_number"
    check = Check(
        name,
        f"{text} is not null and ({number} is null or not ({number} >= {number_literal(low)}) "
        f"or isinf({number}))",
        f"{quote_literal(column + ': ')} || {shown(text)} || "
        f"{quote_literal(f' is not a number >= {low:g}')}",
    )
    return TargetColumn(name, "double", number, (check,), ((number, number_sql(column)),))


def date_column(name: str, column: str | None) -> TargetColumn:
    """An optional ISO date."""
    if column is None:
        return TargetColumn(name, "date", "cast(null as date)")
    text = text_of(column)
    check = Check(
        name,
        f"{text} is not null and try_cast({text} as date) is null",
        f"{quote_literal(column + ': ')} || {shown(text)} || ' is not a date (YYYY-MM-DD)'",
    )
    return TargetColumn(name, "date", f"try_cast({text} as date)", (check,))
