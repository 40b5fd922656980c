"""The app's numbers, dates and country names follow each language's own rules."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from cxbench.app import formatting


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234.57"), ("nl", "1.234,57"), ("no", "1\u00a0234,57"), ("pl", "1\u00a0234,57")],
)
def test_decimals_use_the_languages_separators(language: str, expected: str) -> None:
    assert formatting.decimal(1234.5678, language) == expected


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, pd.NaT])
def test_a_missing_value_is_a_dash_in_every_function(missing: object) -> None:
    for function in (formatting.decimal, formatting.signed, formatting.integer):
        assert function(missing, "nl") == formatting.MISSING
    assert formatting.interval(1.0, missing, "nl") == formatting.MISSING
    assert formatting.date(missing, "pl") == formatting.MISSING


def test_a_difference_always_carries_its_sign_and_zero_is_not_negative() -> None:
    assert formatting.signed(1.413, "nl") == "+1,41"
    assert formatting.signed(-1.413, "nl") == "\u22121,41"
    assert formatting.signed(-0.001, "en") == "±0.00"


def test_percent_interval_date_and_country_names_are_localised() -> None:
    assert formatting.percent(42.5, "nl", 1) == "42,5%"
    assert formatting.interval(6.8, 7.15, "pl") == "6,80–7,15"
    assert formatting.date(dt.date(2026, 12, 3), "nl") == "3 dec 2026"
    assert formatting.country_name("NO", "nl") == "Noorwegen"
    assert formatting.country_name("PL", "pl") == "Polska"
    assert formatting.country_name("XX", "nl") == "XX"
