"""Row-level contracts: how each canonical column is computed from text, and when a row fails.

A contract is a list of :class:`TargetColumn`; each knows the SQL that turns the
source text into its typed value and the checks that reject a row. The loader
turns the list into one ``select`` over the source, so checking 1.85M rows is one
DuckDB scan rather than a Python loop, and the first failing check of a row
becomes its recorded reason. Scored items (statements, outcomes) are in
:mod:`cxbench.ingestion.scored_items`, columns recoded through value maps in
:mod:`cxbench.ingestion.recoding`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cxbench.ingestion.readers.source_table import SourceTable
from cxcore.countries import country_codes
from cxcore.sql_text import number_literal, quote_identifier, quote_literal

#: The earliest plausible wave: national satisfaction indices date from the 1990s
#: (ACSI 1994), and their files must load (docs/data-contracts.md §3).
MIN_WAVE = 1990


@dataclass(frozen=True)
class Check:
    """A reason to reject a row: ``failed_sql`` is true for a bad row."""

    field: str
    failed_sql: str
    reason_sql: str
    #: For a range check on a parsed number: (SQL of the value, NULL when missing;
    #: low; high). Range checks of one scale are screened together with one
    #: ``greatest``/``least`` per row, and checked one by one only when that fails.
    screen: tuple[str, float, float] | None = None


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
    #: An intermediate form of the value (the plain respondent id, before its salted
    #: hash): ``finish`` turns SQL for it into SQL for the stored value. Kept apart so
    #: that a check can speak of the plain value and the hash is computed once.
    checked_sql: str | None = None
    finish: Callable[[str], str] | None = None

    @property
    def held_sql(self) -> str:
        """SQL for the intermediate form (the value itself unless ``checked_sql`` is set)."""
        return self.checked_sql or self.value_sql

    def stored(self, held: str) -> str:
        """SQL for the stored value, given SQL for the held one."""
        return self.finish(held) if self.finish else held


def text_of(column: str) -> str:
    """The trimmed text of a source column, with empty strings as NULL."""
    return f"nullif(trim({quote_identifier(column)}), '')"


def shown(expression: str) -> str:
    """SQL quoting a text value inside a reason message; ``missing`` for NULL.

    Never NULL itself: a NULL reason would fail ``raw.rejected_rows``' NOT NULL.
    """
    return f"coalesce('''' || left(cast({expression} as varchar), 80) || '''', 'missing')"


def shown_number(expression: str) -> str:
    """SQL quoting a number the reader parsed (DOUBLE) in a reason, as a file writes it.

    The parsed column has lost its text, and a cast to text would show 999 as
    ``999.0``: a whole number is shown without the fraction, any other as it is.
    """
    whole = (
        f"isfinite({expression}) and {expression} = trunc({expression}) "
        f"and abs({expression}) < 1e15"
    )
    # NaN equals its own trunc in DuckDB: isfinite keeps it from the cast, which
    # would stop the load (try_cast as well, should a plan reorder the tests).
    return shown(
        f"case when {whole} then cast(try_cast({expression} as bigint) as varchar) "
        f"else cast({expression} as varchar) end"
    )


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
    so "1.5" is ambiguous and rejected); ``"."`` takes only the point. A cell with
    an underscore is no number under any of them (DuckDB would read "1_0" as 10:
    :mod:`cxbench.ingestion.readers.digit_separators`).
    """
    source = quote_identifier(column)
    # DuckDB reads an underscore between digits as a digit separator ("1_0" is 10).
    refused = f"contains({source}, '_')"
    if decimal == ".":
        return f"case when {refused} then null else try_cast({source} as double) end"
    if decimal == ",":
        return (
            f"case when {refused} or contains({source}, '.') then null "
            f"else try_cast(replace({source}, ',', '.') as double) end"
        )
    return (
        f"case when {refused} or {comma_grouped_sql(source)} then null else coalesce(try_cast("
        f"{source} as double), try_cast(replace({source}, ',', '.') as double)) end"
    )


def comma_grouped_sql(cell: str, separator: str = ",") -> str:
    """SQL: the cell reads as digits grouped by ``separator`` ("1,000", "12,345,678").

    Under ``decimal: auto`` "1,000" is 1000 to an English reader and 1.0 to a
    German one: rejected as ambiguous, never read either way. ("0,75" and "12,5"
    are decimal commas: no group of thousands starts with 0 or has two digits.)
    """
    grouped = f"[+-]?[1-9][0-9]{{0,2}}([{separator}][0-9]{{3}})+"
    return (
        f"(contains({cell}, {quote_literal(separator)}) and "
        f"regexp_full_match(trim({cell}), '{grouped}'))"
    )


def effective_decimal(declared: str, source: SourceTable | None) -> str:
    """The decimal separator a file's numbers are read with.

    ``auto`` takes a point or a comma per cell; but in a file seen to write
    decimal commas, a point is a thousands separator as often as a decimal point
    ("1.234" is 1234 to a German reader), so such a file is read as ``","``,
    where a number with a point is rejected as ambiguous instead of read either way.
    """
    if declared == "auto" and source is not None and source.decimal_comma:
        return ","
    return declared


def number_reason_sql(
    column: str, cell: str, decimal: str, otherwise: str, whole: bool = False
) -> str:
    """The reason a cell is no number: ``otherwise``, unless a separator explains it.

    ``cell`` is SQL of the cell's text; ``otherwise`` SQL of the usual reason;
    ``whole``: a whole-number field, where "1.000" is a thousand, not one.
    """
    branches = [(f"regexp_matches({cell}, '[0-9]_[0-9]')", DIGIT_SEPARATOR)]
    if decimal == ",":
        branches.append((f"contains({cell}, '.')", AMBIGUOUS_POINT))
    elif decimal == "auto":
        branches.append((grouped_sql(cell, whole), AMBIGUOUS_COMMA))
    said = f"{quote_literal(column + ': ')} || {shown(cell)} || "
    whens = " ".join(f"when {test} then {said}{quote_literal(why)}" for test, why in branches)
    return f"case {whens} else {otherwise} end"


def grouped_sql(cell: str, whole: bool = False) -> str:
    """SQL: digits grouped by commas, or (``whole``: in a whole-number field) by points."""
    if not whole:
        return comma_grouped_sql(cell)
    return f"({comma_grouped_sql(cell)} or {comma_grouped_sql(cell, '.')})"


#: Why "1,000" (and, for a whole number, "1.000") is refused under ``decimal: auto``.
AMBIGUOUS_COMMA = (
    " has digits grouped by a separator, which may mark thousands or decimals; write "
    "it without the separator, or declare source.decimal"
)
#: Why "1_0" is refused (DuckDB would read it as 10).
DIGIT_SEPARATOR = (
    " joins digits by an underscore, which would be read as one number (1_0 as 10); "
    "write the number without it"
)
#: Why a number with a point is refused in a file of decimal commas.
AMBIGUOUS_POINT = (
    " has a point, which in a file of decimal commas may be a thousands separator or a "
    "decimal point; write it without the point, or declare source.decimal"
)


def plausible_year_sql(year: str) -> str:
    """SQL: ``year`` lies in the years a wave may have, 1990 (``MIN_WAVE``) to next year."""
    return f"{year} between {MIN_WAVE} and year(current_date) + 1"


def whole_year_sql(text: str, digits: str) -> str:
    """SQL: the year ``text`` writes in ``digits`` digits ("2024", or a float's "2024.0").

    NULL for anything else: a cast alone would round "2024.6" to 2025 and read
    "2e3" as 2000, a year the file does not hold.
    """
    written = f"regexp_full_match(trim({text}), '[0-9]{digits}(\\.0+)?')"
    return f"case when {written} then cast(cast(trim({text}) as double) as integer) end"


def wave_column(value_sql: str) -> TargetColumn:
    """Survey wave (year): a whole number between 1990 (``MIN_WAVE``) and next year.

    Written as digits ("2024"; "2024.0" from a spreadsheet's float is the same
    number): a cast alone would round "2024.6" to 2025 and read "2e3" as 2000,
    storing a year the file does not hold, so those are rejected naming the value.
    """
    wave = whole_year_sql(value_sql, "{1,9}")
    check = Check(
        "wave",
        f"{wave} is null or not ({plausible_year_sql(wave)})",
        f"'wave: ' || {shown(value_sql)} || "
        "' is not a plausible year (a whole number such as 2024)'",
    )
    return TargetColumn("wave", "integer", wave, (check,))


def country_column(value_sql: str) -> TargetColumn:
    """ISO 3166-1 alpha-2 country code (see :mod:`cxcore.countries`), upper case."""
    country = f"upper({value_sql})"
    codes = ", ".join(quote_literal(code) for code in sorted(country_codes()))
    check = Check(
        "country",
        f"{country} is null or {country} not in ({codes})",
        f"'country: ' || {shown(value_sql)} || ' is not an ISO 3166-1 alpha-2 code'",
    )
    return TargetColumn("country", "varchar", country, (check,))


def integer_in_range(
    name: str,
    column: str | None,
    low: int,
    high: int,
    numeric: bool = False,
    missing_sql: str | None = None,
    out_of_range_missing: bool = False,
    decimal: str = "auto",
) -> TargetColumn:
    """An optional whole number that must lie in ``[low, high]`` when present.

    ``missing_sql`` (over the source cell): the cell is a declared missing code and
    stores NULL. ``out_of_range_missing``: a number outside the range stores NULL
    instead of rejecting the row (the mapping's ``out_of_range: missing``); text that
    is not a number, or a fraction, still rejects it.
    """
    if column is None:
        return TargetColumn(name, "integer", "cast(null as integer)")
    text = quote_identifier(column) if numeric else text_of(column)
    number = f"_{name}_number"
    parsed = quote_identifier(column) if numeric else number_sql(column, decimal)
    reason = (
        f"{quote_literal(column + ': ')} || {shown_number(text) if numeric else shown(text)} || "
        f"{quote_literal(f' is not a whole number in {low}-{high}')}"
    )
    if not numeric:
        reason = number_reason_sql(column, text, decimal, reason, whole=True)
        if decimal == "auto":  # "1.000" in a whole-number field: a thousand, or one?
            parsed = f"case when {comma_grouped_sql(text, '.')} then null else {parsed} end"
    inside = f"{number} between {low} and {high}"
    if missing_sql is None and not out_of_range_missing:
        check = Check(
            name,
            f"{text} is not null and ({number} is null or not isfinite({number}) "
            f"or {number} <> floor({number}) or not ({inside}))",
            reason,
        )
        # try_cast: a failing row's number (a phone number typed as an age) must not
        # stop the insert by overflowing; only rows in the range are kept.
        return TargetColumn(
            name, "integer", f"try_cast({number} as integer)", (check,), ((number, parsed),)
        )
    is_missing = f"_{name}_missing"
    # isfinite: a Parquet file's statistics leave NaN out, and DuckDB may then
    # drop a range test it believes always passes.
    bad = f"{number} is null or not isfinite({number}) or {number} <> floor({number})"
    if not out_of_range_missing:
        bad += f" or not ({inside})"
    check = Check(name, f"{text} is not null and not {is_missing} and ({bad})", reason)
    kept = f"not {is_missing} and {inside}" if out_of_range_missing else f"not {is_missing}"
    return TargetColumn(
        name,
        "integer",
        f"case when {kept} then try_cast({number} as integer) end",
        (check,),
        ((number, parsed),),
        ((is_missing, f"coalesce({missing_sql or 'false'}, false)"),),
    )


def number_at_least(
    name: str, column: str | None, low: float, decimal: str = "auto"
) -> TargetColumn:
    """An optional number (decimal point or comma, as ``decimal`` says) ``>= low`` when present."""
    if column is None:
        return TargetColumn(name, "double", "cast(null as double)")
    text = text_of(column)
    number = f"_{name}_number"
    reason = f"{quote_literal(column + ': ')} || {shown(text)} || " + quote_literal(
        f" is not a number >= {low:g}"
    )
    check = Check(
        name,
        f"{text} is not null and ({number} is null or not ({number} >= {number_literal(low)}) "
        f"or not isfinite({number}))",  # NaN sorts above every number: >= alone passes it
        number_reason_sql(column, text, decimal, reason),
    )
    return TargetColumn(name, "double", number, (check,), ((number, number_sql(column, decimal)),))


def date_column(
    name: str, column: str | None, typed: bool = False, missing_sql: str | None = None
) -> TargetColumn:
    """An optional ISO date (``typed``: the reader parsed it already), in 1990 … next year.

    ``missing_sql`` (over the source cell): a declared missing code, stored as NULL.
    DuckDB reads "24-05-06" as the year 24 and "2024-05-06 (BC)" as 2024 BC, in
    the reader and in ``try_cast`` alike: a date outside the years a wave may
    have is rejected, naming the date read, rather than stored as another year.
    """
    if column is None:
        return TargetColumn(name, "date", "cast(null as date)")
    said = quote_literal(column + ": ")
    if typed:  # the file's text is not at hand: the reason shows the date read
        date = quote_identifier(column)
        return TargetColumn(name, "date", date, (_plausible_date(name, date, said),))
    text, parsed = text_of(column), f"_{name}_date"
    failed = f"{text} is not null and {parsed} is null"
    value = f"try_cast({text} as date)"
    if missing_sql is not None:
        failed += f" and not coalesce({missing_sql}, false)"
        value = f"case when coalesce({missing_sql}, false) then null else {value} end"
    check = Check(name, failed, f"{said} || {shown(text)} || ' is not a date (YYYY-MM-DD)'")
    plausible = _plausible_date(name, parsed, f"{said} || {shown(text)} || ' is '")
    return TargetColumn(name, "date", parsed, (check, plausible), ((parsed, value),))


def _plausible_date(name: str, date: str, said: str) -> Check:
    """Reject a date outside 1990 … next year (``said``: SQL of the reason's beginning)."""
    return Check(
        name,
        f"{date} is not null and not ({plausible_year_sql(f'year({date})')})",
        f"{said} || 'read as ' || strftime({date}, '%Y-%m-%d') || "
        f"', not a date of {MIN_WAVE} to next year (write it as YYYY-MM-DD)'",
    )
