"""The client deliverable: a branded PDF (and a PowerPoint) of one organisation's client view.

``build`` is what ``cxbench report`` and the download buttons on Compare call:
:mod:`~cxbench.app.report.content` fetches the client view through the app's own queries,
:mod:`~cxbench.app.report.sections` writes it as sections in the reader's language
(charts by :mod:`~cxbench.app.report.figures`), and :mod:`~cxbench.app.report.pdf` or
:mod:`~cxbench.app.report.slides` lays the sections out. The same inputs give the same
content in both formats.
"""

from __future__ import annotations

import datetime as dt

from cxbench.app import queries
from cxbench.app.report import content, sections, words

#: File formats by suffix.
FORMATS = ("pdf", "pptx")


class NothingToReport(Exception):
    """The organisation's client sees no score in that study × country × wave."""


def build(
    key: queries.WarehouseFile,
    study_id: str,
    country: str,
    wave: int,
    company_id: str,
    language: str,
    file_format: str = "pdf",
    today: dt.date | None = None,
) -> bytes:
    """The report file (``pdf`` or ``pptx``) of ``company_id``'s client view.

    Raises :class:`NothingToReport` when that client sees no score there (an unknown
    organisation, a wave not yet published, another country).
    """
    if file_format not in FORMATS:
        raise ValueError(f"unknown report format {file_format!r}; one of {FORMATS}")
    gathered = content.gather(key, study_id, country, wave, company_id, language)
    if gathered is None:
        raise NothingToReport(f"{company_id} has no client-visible score in {country} {wave}")
    report = sections.compose(gathered, today)
    page_word = words.text("report_page", language, page="{page}")
    if file_format == "pptx":
        from cxbench.app.report import slides

        return slides.render(report, page_word)
    from cxbench.app.report import pdf

    return pdf.render(report, page_word)
