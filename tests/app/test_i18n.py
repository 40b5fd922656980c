"""Interface text: every string in all four languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from app import i18n


def placeholders(template: str) -> set[str]:
    """Names of the {fields} in a template; a translation must fill the same ones."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_string_is_translated_with_the_same_placeholders(key: str) -> None:
    translations = i18n.STRINGS[key]
    assert set(translations) == set(i18n.LANGUAGES)
    english = placeholders(translations["en"])
    for language in i18n.LANGUAGES:
        assert translations[language].strip(), language
        assert placeholders(translations[language]) == english, language


def test_missing_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(i18n.STRINGS, "only_english", {"en": "Hello {name}"})
    assert i18n.text("only_english", "pl", name="Ola") == "Hello Ola"
