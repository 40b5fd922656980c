"""Row-level contracts: how each canonical column is computed from text, and when a row fails.

A contract is a list of :class:`TargetColumn`; each knows the SQL that turns the
staged text into its typed value and the checks that reject a row. The loader
turns the list into one ``select`` over the staged file, so checking 1.85M rows
is one DuckDB scan rather than a Python loop, and the first failing check of a
row becomes its recorded reason.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """One column of a raw table, computed from the staged text columns."""

    name: str
    sql_type: str
    value_sql: str
    checks: tuple[Check, ...] = ()
    #: Helper columns (alias, SQL over the staged text) computed once per row before
    #: the value and the checks, which then refer to them by alias: DuckDB does not
    #: share a repeated ``try_cast`` between expressions, and 30 items × 3 uses of
    #: one parse tripled the cost of checking a file.
    prepared: tuple[tuple[str, str], ...] = ()


def text_of(column: str) -> str:
    """The trimmed text of a source column, with empty strings as NULL."""
    return f"nullif(trim({quote_identifier(column)}), '')"


def shown(expression: str) -> str:
    """SQL quoting a text value inside a reason message."""
    return f"'''' || left({expression}, 80) || ''''"


def required_text(name: str, column: str, field: str | None = None) -> TargetColumn:
    """A text column that must be present."""
    value = text_of(column)
    check = Check(field or name, f"{value} is null", quote_literal(f"{column}: missing value"))
    return TargetColumn(name, "varchar", value, (check,))


def optional_text(name: str, column: str | None, transform: str = "{}") -> TargetColumn:
    """A text column that may be absent from the file or empty in a row."""
    value = transform.format(text_of(column)) if column else "null"
    return TargetColumn(name, "varchar", f"cast({value} as varchar)")


def fixed_or_column(name: str, fixed: object, column: str | None) -> str:
    """SQL for a value given once in the mapping or per row in a column."""
    if fixed is not None:
        return quote_literal(str(fixed))
    if column is None:
        return "null"
    return text_of(column)


def scored_item(
    name: str,
    column: str,
    source_scale: tuple[float, float],
    target_scale: tuple[float, float] | None = None,
    missing: tuple[str, ...] = (),
    offset: float = 0.0,
) -> TargetColumn:
    """A numeric answer: missing codes → NULL, offset, range check, linear rescale.

    The range is checked on the source scale (after the offset), where the
    questionnaire declared it, so the reason quotes the value the researcher sees
    in the file.
    """
    text, number, is_missing = f"_{name}_text", f"_{name}_number", f"_{name}_missing"
    missing_sql = ", ".join(quote_literal(code) for code in missing)
    prepared = (
        (text, text_of(column)),
        (number, f"try_cast(replace({text_of(column)}, ',', '.') as double)"),
        (
            is_missing,
            f"{text_of(column)} is null"
            + (f" or {text_of(column)} in ({missing_sql})" if missing else ""),
        ),
    )
    shifted = f"({number} + {number_literal(offset)})"
    low, high = source_scale
    to_low, to_high = target_scale or source_scale
    factor = (to_high - to_low) / (high - low)
    rescaled = (
        f"{number_literal(to_low)} + ({shifted} - {number_literal(low)}) * {number_literal(factor)}"
    )
    value = f"case when {is_missing} then null else {rescaled} end"
    checks = (
        Check(
            name,
            f"not {is_missing} and {number} is null",
            f"{quote_literal(column + ': not a number ')} || {shown(text)}",
        ),
        Check(
            name,
            f"not {is_missing} and ({shifted} < {number_literal(low)} "
            f"or {shifted} > {number_literal(high)})",
            f"{quote_literal(column + ': ')} || {shown(text)} || "
            f"{quote_literal(f' outside scale {low:g}-{high:g}')}",
        ),
    )
    return TargetColumn(name, "double", value, checks, prepared)


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
    """ISO 3166-1 alpha-2 country code, upper case."""
    country = f"upper({value_sql})"
    check = Check(
        "country",
        f"{country} is null or not regexp_full_match({country}, '[A-Z]{{2}}')",
        f"'country: ' || coalesce({shown(value_sql)}, 'missing') || ' is not an ISO alpha-2 code'",
    )
    return TargetColumn("country", "varchar", country, (check,))


def integer_in_range(name: str, column: str | None, low: int, high: int) -> TargetColumn:
    """An optional whole number that must lie in ``[low, high]`` when present."""
    if column is None:
        return TargetColumn(name, "integer", "cast(null as integer)")
    text = text_of(column)
    number = f"try_cast({text} as integer)"
    check = Check(
        name,
        f"{text} is not null and ({number} is null or {number} < {low} or {number} > {high})",
        f"{quote_literal(column + ': ')} || {shown(text)} || "
        f"{quote_literal(f' is not a whole number in {low}-{high}')}",
    )
    return TargetColumn(name, "integer", number, (check,))


def number_at_least(name: str, column: str | None, low: float) -> TargetColumn:
    """An optional number (decimal point or comma) that must be ``>= low`` when present."""
    if column is None:
        return TargetColumn(name, "double", "cast(null as double)")
    text = text_of(column)
    number = f"try_cast(replace({text}, ',', '.') as double)"
    check = Check(
        name,
        f"{text} is not null and ({number} is null or {number} < {number_literal(low)})",
        f"{quote_literal(column + ': ')} || {shown(text)} || "
        f"{quote_literal(f' is not a number >= {low:g}')}",
    )
    return TargetColumn(name, "double", number, (check,))


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
