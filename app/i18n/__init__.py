"""Interface strings in the four languages of the benchmark (EN, NL, NO, PL).

Pillar labels are data and come from ``marts.dim_pillar``; only the words of the
interface itself live here, one module per page (``shared`` for what several
pages use), so a translator works through one page at a time. :data:`STRINGS`
merges them and refuses a key defined twice.
"""

from __future__ import annotations

import re

from app.i18n import compare, drivers, maturity, methodology, quality, rankings, sectors, shared

LANGUAGES: tuple[str, ...] = ("en", "nl", "no", "pl")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "no": "Norsk",
    "pl": "Polski",
}


def _merged(*modules: object) -> dict[str, dict[str, str]]:
    """One dict of every page's strings; a key in two modules is a mistake, not an override."""
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        strings: dict[str, dict[str, str]] = module.STRINGS  # type: ignore[attr-defined]
        twice = merged.keys() & strings.keys()
        if twice:
            raise ValueError(f"interface strings defined twice: {sorted(twice)}")
        merged.update(strings)
    return merged


STRINGS: dict[str, dict[str, str]] = _merged(
    shared, compare, rankings, sectors, drivers, quality, methodology, maturity
)


def text(key: str, language: str, **values: object) -> str:
    """The interface string ``key`` in ``language``, falling back to English.

    A missing translation shows English rather than failing, so adding a string in
    one language never breaks a page for the others.
    """
    translations = STRINGS[key]
    template = translations.get(language) or translations[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


#: The disclosure-control reasons the marts write (in English), and their i18n keys.
_SUPPRESSION_REASONS = (
    (
        re.compile(r"fewer than (?P<minimum>\d+) eligible companies \(n=(?P<n>\d+)\)"),
        "reason_few_companies",
    ),
    (re.compile(r"one company holds (?P<share>\d+)% of evaluations"), "reason_dominant_company"),
)


def suppression_reason(reason: str, language: str) -> str:
    """A mart's suppression reason in ``language``; unknown wording is shown as stored.

    The marts state reasons in English (``fewer than 5 eligible companies (n=2);
    one company holds 63% of evaluations``); each known part is translated, so a
    Dutch reader gets a Dutch reason without the mart's text being lost.
    """
    parts = []
    for part in reason.split("; "):
        for pattern, key in _SUPPRESSION_REASONS:
            match = pattern.fullmatch(part.strip())
            if match:
                parts.append(text(key, language, **match.groupdict()))
                break
        else:
            parts.append(part)
    return "; ".join(parts)
