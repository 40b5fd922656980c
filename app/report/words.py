"""The report's words in its language, whatever strings the app's router has installed.

The report is built by the CLI (no router) and by a button on a page (whose router
installed only that page's strings), so it looks its words up in its own catalogue:
the shared strings (pseudonym words among them) and :mod:`cxbench.app.i18n.report`.
"""

from __future__ import annotations

from functools import cache

from cxbench.app import i18n
from cxbench.app.i18n import report


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    return i18n.merged(i18n.SHARED_STRINGS, report.STRINGS)


def text(key: str, language: str, **values: object) -> str:
    """The report string ``key`` in ``language`` (English when a translation is missing)."""
    translations = _catalogue()[key]
    template = translations.get(language) or translations[i18n.DEFAULT_LANGUAGE]
    return template.format(**values) if values else template
