"""Interface text: every string in all four languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from cxbench.app import i18n, page
from cxbench.app.streamlit_app import PAGES

#: Every string the app can show: the shared ones and every page's.
CATALOGUE = page.strings(PAGES)


def placeholders(template: str) -> set[str]:
    """Names of the {fields} in a template; a translation must fill the same ones."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_string_is_translated_with_the_same_placeholders(key: str) -> None:
    translations = CATALOGUE[key]
    assert set(translations) == set(i18n.LANGUAGES)
    english = placeholders(translations["en"])
    for language in i18n.LANGUAGES:
        assert translations[language].strip(), language
        assert placeholders(translations[language]) == english, language


def test_missing_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(i18n.STRINGS, "only_english", {"en": "Hello {name}"})
    assert i18n.text("only_english", "pl", name="Ola") == "Hello Ola"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "fewer than 5 eligible companies (n=2); one company holds 63% of evaluations"),
        (
            "nl",
            "minder dan 5 gerangschikte bedrijven (n=2); "
            "één bedrijf heeft 63% van de beoordelingen",
        ),
        ("pl", "mniej niż 5 firm w rankingu (n=2); jedna firma ma 63% ocen"),
    ],
)
def test_suppression_reasons_of_the_marts_are_translated(language: str, expected: str) -> None:
    reason = "fewer than 5 eligible companies (n=2); one company holds 63% of evaluations"
    assert i18n.suppression_reason(reason, language) == expected


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("one company weighs 33% of the average", "één bedrijf weegt 33% van het gemiddelde"),
        ("fewer than 5 companies with revenue (n=0)", "minder dan 5 bedrijven met omzet (n=0)"),
        (
            "one company holds 62% of revenue; p%-rule: revenue beyond the two largest is "
            "4% of the largest (minimum 10%)",
            "één bedrijf heeft 62% van de omzet; p%-regel: de omzet buiten de twee grootste "
            "is 4% van de grootste (minimaal 10%)",
        ),
        (  # a parameter's decimal as the marts write it, in the reader's notation
            "p%-rule: revenue beyond the two largest is 4% of the largest (minimum 12.5%)",
            "p%-regel: de omzet buiten de twee grootste is 4% van de grootste (minimaal 12,5%)",
        ),
        (
            "complementary: withheld so that a suppressed average cannot be derived by difference",
            "aanvullend: weggelaten zodat een onderdrukt gemiddelde niet als verschil "
            "te berekenen is",
        ),
    ],
)
def test_reasons_of_each_measure_family_are_translated(reason: str, expected: str) -> None:
    assert i18n.suppression_reason(reason, "nl") == expected


def test_unknown_suppression_reason_is_kept_as_stored() -> None:
    assert i18n.suppression_reason("embargoed until June", "nl") == "embargoed until June"
