"""The Compare page's small texts: an estimate with its interval, a difference with its
direction, a change with its significance — each in the reader's language.

Every number goes through :mod:`cxbench.app.formatting`; the frames keep the mart values and
get these strings only in display columns (``…_text``), so what a test reads is what
the mart holds.
"""

from __future__ import annotations

from statistics import NormalDist

import pandas as pd

from cxbench.app import formatting, i18n

#: Direction of a difference (you − comparator) -> its i18n key.
DIRECTION_KEYS = {"behind": "cmp_behind", "level": "cmp_level", "ahead": "cmp_ahead"}
#: Direction of a change since the previous wave -> its i18n key (an arrow only when
#: the change is significant).
CHANGE_KEYS = {"behind": "cmp_down", "level": "cmp_unchanged", "ahead": "cmp_up"}


def estimate(value: float | None, low: float | None, high: float | None, language: str) -> str:
    """``7,10 (6,82–7,38)``; just the value when there is no interval; a dash when missing."""
    if formatting.is_missing(value):
        return formatting.MISSING
    text = formatting.decimal(value, language)
    if formatting.is_missing(low) or formatting.is_missing(high):
        return text
    return f"{text} ({formatting.interval(low, high, language)})"


def direction_word(direction: str | None, language: str) -> str:
    """behind / level / ahead in the reader's language (a dash when there is none)."""
    if formatting.is_missing(direction) or direction not in DIRECTION_KEYS:
        return formatting.MISSING
    return i18n.text(DIRECTION_KEYS[direction], language)


def difference(value: float | None, direction: str | None, language: str) -> str:
    """``−0,41 behind``: the signed difference and its direction word."""
    if formatting.is_missing(value):
        return formatting.MISSING
    return f"{formatting.signed(value, language)} {direction_word(direction, language)}"


def change_direction(change: float | None, is_significant: bool | None) -> str | None:
    """A change as a direction: ``ahead`` (up) or ``behind`` (down) only when significant."""
    if formatting.is_missing(change) or formatting.is_missing(is_significant):
        return None
    if not is_significant:
        return "level"
    return "ahead" if change > 0 else "behind"


def change(
    value: float | None,
    is_significant: bool | None,
    language: str,
    digits: int = 2,
    unit: str = "",
) -> str:
    """``+0,65 ▲ improved`` for a significant change, ``−0,20 no significant change``
    (no arrow) for one within the uncertainty, a dash when not comparable."""
    direction = change_direction(value, is_significant)
    if direction is None:
        return formatting.MISSING
    number = formatting.signed(value, language, digits) + (f" {unit}" if unit else "")
    return f"{number} {i18n.text(CHANGE_KEYS[direction], language)}"


def critical_value(confidence_level: float | None) -> float:
    """The two-sided normal critical value of a confidence level (0.95 when unknown)."""
    level = 0.95 if formatting.is_missing(confidence_level) else float(confidence_level)
    return NormalDist().inv_cdf(0.5 + level / 2)


def direction_of(value: float | None, std_error: float | None, critical: float) -> str | None:
    """behind / level / ahead of a difference by its z test (None without a standard error)."""
    if formatting.is_missing(value) or formatting.is_missing(std_error) or not std_error:
        return None
    if abs(value / std_error) <= critical:
        return "level"
    return "ahead" if value > 0 else "behind"


def words(language: str, keys: dict[str, str]) -> str:
    """The behind / level / ahead words of ``keys`` joined by "|" (a chart's legend order)."""
    return "|".join(i18n.text(keys[direction], language) for direction in DIRECTION_KEYS)


def labelled(frame: pd.DataFrame, keys: dict[str, str], language: str) -> pd.Series:
    """The translated word of each row's ``direction`` (keys: DIRECTION_KEYS/CHANGE_KEYS)."""
    return frame["direction"].map(
        lambda direction: (
            i18n.text(keys[direction], language)
            if isinstance(direction, str) and direction in keys
            else formatting.MISSING
        )
    )
