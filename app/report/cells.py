"""Table cells of the report: mart values written as a reader of its language writes them.

A column a warehouse's marts do not hold yet (an interval, a rank range, a change's
significance before methodology 0.4.0) reads as missing, so the same report is made
from an older warehouse, with dashes where the newer marts have numbers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cxbench.app import formatting as fmt
from cxbench.app.report import words
from cxbench.app.report.document import DIRECTION_COLOURS


def value(row: dict[str, Any] | pd.Series, column: str) -> Any:
    """A column of a mart row, or None when this warehouse's marts do not have it yet."""
    return row.get(column) if hasattr(row, "get") else None


def rank_text(row: dict[str, Any] | pd.Series, scope: str, total: int, language: str) -> str:
    """'3 van 10', with the range of ranks it cannot be told apart from when the marts say."""
    rank = value(row, f"rank_in_{scope}")
    if fmt.is_missing(rank):
        return words.text("report_not_ranked", language, min_base=value(row, "min_base") or "")
    text = words.text("report_rank_of", language, rank=int(rank), total=total)
    best, worst = value(row, f"rank_in_{scope}_best"), value(row, f"rank_in_{scope}_worst")
    if not fmt.is_missing(best) and not fmt.is_missing(worst) and best != worst:
        text += " (" + words.text("report_rank_range", language, best=int(best), worst=int(worst))
        text += ")"
    return text


def index_text(row: dict[str, Any], language: str) -> str:
    """'6,35', with its interval when the marts hold one: '6,35 (6,21–6,49)'."""
    low, high = value(row, "cx_index_ci_low"), value(row, "cx_index_ci_high")
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.decimal(row["cx_index"], language)
    return with_interval(row["cx_index"], low, high, language)


def percent_interval(row: dict[str, Any], measure: str, language: str) -> str:
    low, high = value(row, f"{measure}_ci_low"), value(row, f"{measure}_ci_high")
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.MISSING
    return f"{fmt.percent(low, language, 1)}–{fmt.percent(high, language, 1)}"


def with_interval(mean: Any, low: Any, high: Any, language: str, digits: int = 2) -> str:
    """'6,49 (6,35–6,62)': one narrow column for an estimate and its interval; the estimate
    alone where the marts hold no interval."""
    if fmt.is_missing(mean):
        return fmt.MISSING
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.decimal(mean, language, digits)
    return f"{fmt.decimal(mean, language, digits)} ({fmt.interval(low, high, language, digits)})"


def direction_colours(language: str) -> dict[str, str]:
    """Direction word in ``language`` -> its colour (a table colours the words)."""
    return {
        words.text(f"report_{key}", language): colour for key, colour in DIRECTION_COLOURS.items()
    }


def change_word(change: Any, significant: Any, language: str) -> str:
    """Up / down when the marts call the change significant, 'not significant' when they
    do not, a dash when they do not say (no comparable previous wave)."""
    if fmt.is_missing(significant) or fmt.is_missing(change):
        return fmt.MISSING
    if not significant:
        return words.text("report_unchanged", language)
    return words.text("report_up" if change > 0 else "report_down", language)


def whole(value: Any, signed: bool = False) -> str:
    """A rank or a rank change as a whole number (ranks need no locale)."""
    if fmt.is_missing(value):
        return fmt.MISSING
    number = int(value)
    if not signed:
        return str(number)
    return "±0" if number == 0 else f"{'+' if number > 0 else fmt.MINUS}{abs(number)}"


def difference(value_: Any, direction: Any, language: str) -> str:
    """'−1,91 achter': a difference (you − comparator) and its direction word; the number
    alone where the marts give no direction (a suppressed comparator), a dash without one."""
    if fmt.is_missing(value_):
        return fmt.MISSING
    if fmt.is_missing(direction):
        return fmt.signed(value_, language)
    return f"{fmt.signed(value_, language)} {words.text(f'report_{direction}', language)}"
