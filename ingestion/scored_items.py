"""Scored items (statements, outcomes, maturity scores): missing codes, offset, scale, rescale.

Two forms of the same contract. When the reader parsed the column as numbers
(the fast path, see ``SourceTable.with_types``) every cell is a number or NULL
already and an item is a couple of comparisons. Otherwise the text is parsed
here, where "n/a" or "#NULL!" can still be told apart from a blank cell.
"""

from __future__ import annotations

from collections.abc import Mapping

from cxbench.ingestion.contracts import (
    Check,
    TargetColumn,
    number_reason_sql,
    number_sql,
    shown,
    shown_number,
    text_of,
)
from cxcore.sql_text import number_literal, quote_identifier, quote_literal


def is_number(code: str) -> bool:
    """Whether a missing code is numeric (matched by value) rather than text."""
    try:
        float(code)
    except ValueError:
        return False
    return True


def scored_item(
    name: str,
    column: str,
    source_scale: tuple[float, float],
    target_scale: tuple[float, float] | None = None,
    missing: tuple[str, ...] = (),
    offset: float = 0.0,
    decimal: str = "auto",
    numeric: bool = False,
    values: Mapping[str, float] | None = None,
    integer: bool = False,
) -> TargetColumn:
    """A numeric answer: missing codes → NULL, offset, range check, linear rescale.

    The range is checked on the source scale (after the offset), where the
    questionnaire declared it, so the reason quotes the value the researcher sees
    in the file. Missing codes match by number ("99" and "99.0" alike) or, for
    codes such as ``#NULL!``, by text; a blank cell is missing too. ``numeric``: the
    reader already parsed the column as DOUBLE (blank is NULL, no cast needed).
    ``values``: the answers are codes, each mapped to its answer on the source scale.
    ``integer``: the scale has whole steps only; a fraction ("10.5" on NPS 0-10) is
    rejected as not a whole number, before its range is judged. Otherwise a decimal
    answer inside the scale is kept exactly as given.
    """
    if values is not None:
        return _coded_item(name, column, source_scale, target_scale, missing, values)
    number, is_missing = f"_{name}_number", f"_{name}_missing"
    source = quote_identifier(column)
    low, high = source_scale
    shifted = f"({number} + {number_literal(offset)})" if offset else number
    rescaled = _rescaled(shifted, source_scale, target_scale or source_scale)
    inside = f"{shifted} between {number_literal(low)} and {number_literal(high)}"
    value_shown = shown_number(source) if numeric else shown(source)
    outside_reason = (
        f"{quote_literal(column + ': ')} || {value_shown} || "
        f"{quote_literal(f' outside scale {low:g}-{high:g}')}"
    )
    codes = ", ".join(number_literal(float(code)) for code in missing if is_number(code))
    if numeric:
        # Missing codes become NULL through nullif, and NULL passes every check:
        # a parsed answer is then two comparisons, with no CASE per row.
        answered = f"_{name}_answered"
        kept = number
        for code in missing:
            if is_number(code):
                kept = f"nullif({kept}, {number_literal(float(code))})"
        in_range = f"({answered} + {number_literal(offset)})" if offset else answered
        inside_answered = f"{in_range} between {number_literal(low)} and {number_literal(high)}"
        check = Check(
            name, f"not ({inside_answered})", outside_reason, screen=(in_range, low, high)
        )
        checks = (check,)
        if integer:
            checks = (_whole_check(name, column, in_range, value_shown, source_scale), check)
        return TargetColumn(
            name,
            "double",
            _rescaled(in_range, source_scale, target_scale or source_scale),
            checks,
            prepared=((number, source),),
            derived=((answered, kept),),
        )
    text_codes = ", ".join(quote_literal(code) for code in missing if not is_number(code))
    blank = f"{source} is null or trim({source}) = ''"
    if text_codes:
        blank += f" or trim({source}) in ({text_codes})"
    missing_sql = f"({number} is null and ({blank}))"
    if codes:
        missing_sql = f"(coalesce({number} in ({codes}), false) or {missing_sql})"
    check = Check(
        name,
        f"not {is_missing} and ({number} is null or not ({inside}))",
        f"case when {number} is null then "
        + number_reason_sql(
            column,
            source,
            decimal,
            f"{quote_literal(column + ': not a number ')} || {shown(source)}",
        )
        + f" else {outside_reason} end",
    )
    checks = (check,)
    if integer:
        answer = f"case when not {is_missing} then {shifted} end"
        whole = _whole_check(name, column, answer, value_shown, source_scale)
        checks = (whole, check)
    return TargetColumn(
        name,
        "double",
        f"case when {is_missing} then null else {rescaled} end",
        checks,
        prepared=((number, number_sql(column, decimal)),),
        derived=((is_missing, missing_sql),),
    )


def _coded_item(
    name: str,
    column: str,
    source_scale: tuple[float, float],
    target_scale: tuple[float, float] | None,
    missing: tuple[str, ...],
    values: Mapping[str, float],
) -> TargetColumn:
    """An answer exported as a code ("1 = definitely yes"): the mapping's value map gives it.

    A missing code or a blank cell is NULL; any other code not in the map rejects
    the row (an answer cannot be guessed). Codes match by text, or by number for
    numeric codes ("5" and "5.0" alike), as missing codes do.
    """
    number, is_missing = f"_{name}_number", f"_{name}_missing"
    text = text_of(column)
    whens = " ".join(
        f"when {code_match(text, code)} then {number_literal(answer)}"
        for code, answer in values.items()
    )
    missing_sql = f"{text} is null"
    if missing:
        missing_sql += " or " + " or ".join(code_match(text, code) for code in missing)
    check = Check(
        name,
        f"not {is_missing} and {number} is null",
        f"{quote_literal(column + ': code ')} || {shown(text)} || "
        "' is not in the mapping''s value map'",
    )
    return TargetColumn(
        name,
        "double",
        f"case when {is_missing} then null else "
        f"{_rescaled(number, source_scale, target_scale or source_scale)} end",
        (check,),
        prepared=((number, f"case {whens} end"),),
        derived=((is_missing, f"({missing_sql})"),),
    )


def _whole_check(
    name: str, column: str, value: str, shown_value: str, scale: tuple[float, float]
) -> Check:
    """Reject a fraction on an integer scale, saying so (not "outside scale")."""
    low, high = scale
    return Check(
        name,
        f"coalesce({value} <> trunc({value}), false)",
        f"{quote_literal(column + ': ')} || {shown_value} || "
        f"{quote_literal(f' is not a whole number on the integer scale {low:g}-{high:g}')}",
    )


def code_match(text: str, code: str, numeric: bool = False) -> str:
    """SQL: the cell ``text`` is ``code`` (by number when the code is a number).

    ``numeric``: ``text`` is a column the reader parsed as a number already.
    """
    if is_number(code):
        number = f"try_cast({text} as double) = {number_literal(float(code))}"
        if not numeric:  # not "9_9" for 99: DuckDB reads the underscore as a separator
            number = f"not contains({text}, '_') and {number}"
        return f"coalesce({number}, false)"
    return f"coalesce({text} = {quote_literal(code)}, false)"


def _rescaled(
    value: str, source_scale: tuple[float, float], target_scale: tuple[float, float]
) -> str:
    """Linear map of ``value`` from the source scale onto the target scale."""
    if source_scale == target_scale:
        return value
    low, high = source_scale
    to_low, to_high = target_scale
    factor = (to_high - to_low) / (high - low)
    return (
        f"{number_literal(to_low)} + ({value} - {number_literal(low)}) * {number_literal(factor)}"
    )
