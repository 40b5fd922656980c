"""Interface strings in the four languages of the benchmark (EN, NL, NO, PL).

Pillar labels are data and come from ``marts.dim_pillar``; only the words of the
interface itself live here, one module per page (``shared`` for the frame and what
several pages use), so a translator works through one page at a time. Each page
names its module in its descriptor (:class:`cxbench.app.page.Page`); the router merges the
shared strings with those of the pages it serves (:func:`cxbench.app.page.strings`, which
refuses a key defined twice) and hands the result to :func:`install` before drawing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cxbench.app import formatting
from cxbench.app.i18n import access, auth, shared

LANGUAGES: tuple[str, ...] = ("en", "nl", "no", "pl")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "nl": "Nederlands",
    "no": "Norsk",
    "pl": "Polski",
}


def merged(*catalogues: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """One dict of several modules' strings; a key in two is a mistake, not an override."""
    merged: dict[str, dict[str, str]] = {}
    for strings in catalogues:
        twice = merged.keys() & strings.keys()
        if twice:
            raise ValueError(f"interface strings defined twice: {sorted(twice)}")
        merged.update({key: dict(translations) for key, translations in strings.items()})
    return merged


#: The frame's words (the login screen's among them: it is drawn before any page), who
#: is looking, and words several pages use; always part of :data:`STRINGS`.
SHARED_STRINGS: dict[str, dict[str, str]] = merged(shared.STRINGS, auth.STRINGS, access.STRINGS)
#: The strings in use: the shared ones until the router installs its pages' too.
STRINGS: dict[str, dict[str, str]] = merged(SHARED_STRINGS)


def install(catalogue: dict[str, dict[str, str]]) -> None:
    """Make ``catalogue`` the strings :func:`text` reads (the router, on every run).

    Rebinding, not updating, keeps a concurrent session's lookup on a whole
    catalogue; every session of one app installs the same strings.
    """
    global STRINGS
    STRINGS = catalogue


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
    (re.compile(r"one company weighs (?P<share>\d+)% of the average"), "reason_equal_weight"),
    (
        re.compile(r"fewer than (?P<minimum>\d+) companies with revenue \(n=(?P<n>\d+)\)"),
        "reason_few_revenue_companies",
    ),
    (re.compile(r"one company holds (?P<share>\d+)% of revenue"), "reason_dominant_revenue"),
    (
        re.compile(
            r"p%-rule: revenue beyond the two largest is (?P<share>\d+)% of the largest "
            r"\(minimum (?P<p>[\d.]+)%\)"
        ),
        "reason_p_percent",
    ),
    (re.compile(r"complementary: .*"), "reason_complementary"),
    #: the rule of methodology 0.2.0, still in warehouses built before it changed
    (re.compile(r"one company holds (?P<share>\d+)% of evaluations"), "reason_dominant_company"),
    (re.compile(r"withheld"), "reason_withheld"),
)


def suppression_reason(reason: str, language: str) -> str:
    """A mart's suppression reason in ``language``; unknown wording is shown as stored.

    The marts state reasons in English (``one company holds 62% of revenue;
    p%-rule: revenue beyond the two largest is 4% of the largest (minimum 10%)``);
    each known part is translated, so a
    Dutch reader gets a Dutch reason without the mart's text being lost.
    """
    parts = []
    for part in reason.split("; "):
        for pattern, key in _SUPPRESSION_REASONS:
            match = pattern.fullmatch(part.strip())
            if match:
                values = {
                    name: _number(value, language) for name, value in match.groupdict().items()
                }
                parts.append(text(key, language, **values))
                break
        else:
            parts.append(part)
    return "; ".join(parts)


def _number(value: str, language: str) -> str:
    """A number quoted from a mart's English reason, in the reader's notation ("10.0" -> "10")."""
    number = float(value)
    return formatting.decimal(number, language, 0 if number.is_integer() else 1)
