"""Numbers, dates and place names as a reader of each interface language writes them.

Every number the app or a report prints goes through here, so a Dutch, Norwegian or
Polish reader gets decimal commas, their own thousands separator and their own
country names, and a missing value is always a dash, never ``None`` or ``nan``. The
rules come from Babel (Unicode CLDR), not from hand-written patterns: the app's
language codes map to CLDR locales (Norwegian is Bokmål, ``nb``).

Values stay numbers in the frames the pages hold; these functions only make the text
a person reads.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

#: What a missing or withheld value shows as, in every language.
MISSING = "—"
#: The minus sign of a signed difference (U+2212, not a hyphen), so "−1,41" reads as one.
MINUS = "\u2212"

#: The app's language codes -> CLDR locales.
_LOCALES = {"en": "en_GB", "nl": "nl_NL", "no": "nb_NO", "pl": "pl_PL"}


def locale(language: str) -> Locale:
    """The CLDR locale of an interface language (English for an unknown code)."""
    return _cached_locale(_LOCALES.get(language, _LOCALES["en"]))


@cache
def _cached_locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' NA/NaT, which all print as :data:`MISSING`."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not one missing value
        return False


def decimal(value: float | None, language: str, digits: int = 2) -> str:
    """``value`` with exactly ``digits`` decimals and the language's separators."""
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale(language)).replace("-", MINUS)


def signed(value: float | None, language: str, digits: int = 2) -> str:
    """A difference with its sign always written: ``+1,41``, ``−0,27``, ``±0,00`` for zero.

    A difference that rounds to zero at ``digits`` decimals gets "±", so a reader never
    sees "−0,00" and wonders which way it went.
    """
    if is_missing(value):
        return MISSING
    text = decimal(abs(value), language, digits)
    if text == decimal(0.0, language, digits):
        return "±" + text
    return ("+" if value > 0 else MINUS) + text


def integer(value: float | None, language: str) -> str:
    """A count with the language's thousands separator (``12.345`` in Dutch)."""
    if is_missing(value):
        return MISSING
    return format_decimal(round(value), format="#,##0", locale=locale(language))


def percent(value: float | None, language: str, digits: int = 0, *, scale: float = 100) -> str:
    """A percentage; ``scale`` is what the value is out of (100 for a mart's ``…_pct``)."""
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return format_percent(value / scale, format=pattern, locale=locale(language))


def interval(low: float | None, high: float | None, language: str, digits: int = 2) -> str:
    """A confidence interval as ``6,80–7,15`` (a dash when either end is missing)."""
    if is_missing(low) or is_missing(high):
        return MISSING
    return f"{decimal(low, language, digits)}–{decimal(high, language, digits)}"


def date(value: dt.date | dt.datetime | None, language: str) -> str:
    """A date in the language's medium form (``3 dec 2026`` in Dutch)."""
    if is_missing(value):
        return MISSING
    return format_date(value, format="medium", locale=locale(language))


def timestamp(value: dt.datetime | None, language: str) -> str:
    """A date and time in the language's medium form."""
    if is_missing(value):
        return MISSING
    return format_datetime(value, format="medium", locale=locale(language))


def country_name(code: str | None, language: str) -> str:
    """An ISO 3166 country code's name in the language (the code itself when unknown)."""
    if is_missing(code):
        return MISSING
    return locale(language).territories.get(str(code).upper(), str(code))
