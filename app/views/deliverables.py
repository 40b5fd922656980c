"""Download buttons for the client report: the PDF and the PowerPoint of the organisation
on screen, the same bytes ``cxbench report`` writes.

The file is built only when a button is clicked (Streamlit runs a callable ``data`` on
its own thread), never on every run of the page, and is cached per warehouse file
version, organisation, sample and language, so a second click costs nothing. Whoever
clicks, the file is the organisation's *client view* (:mod:`cxbench.app.report.content`).
"""

from __future__ import annotations

import functools

import streamlit as st

from cxbench.app import queries, report
from cxbench.app.queries import report as report_queries
from cxbench.app.report import content, words

#: MIME type of each format.
MIME = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


@st.cache_data(show_spinner=False, max_entries=16)
def report_bytes(
    warehouse: queries.WarehouseFile,
    study_id: str,
    country: str,
    wave: int,
    company_id: str,
    language: str,
    file_format: str,
) -> bytes:
    """The report file, built once per file version × organisation × sample × language."""
    return report.build(warehouse, study_id, country, wave, company_id, language, file_format)


def file_name(company_id: str, country: str, wave: int, language: str, file_format: str) -> str:
    """``cxbench-NL-TEL-06-NL-2025-nl.pdf``: what the organisation, sample and language are."""
    return f"cxbench-{company_id}-{country}-{wave}-{language}.{file_format}"


def download_buttons(
    warehouse: queries.WarehouseFile,
    study_id: str,
    country: str,
    wave: int,
    company_id: str,
    language: str,
) -> None:
    """A PDF and a PowerPoint download button side by side (keys ``report_pdf``/``report_pptx``),
    or a note when the organisation's client cannot see this sample (a wave an analyst
    sees before it is published), so a button never leads to a failing download."""
    client = content.client_view(warehouse, company_id, language)
    if (country, wave) not in report_queries.organisation_samples(client, study_id, company_id):
        st.caption(words.text("report_not_published", language, wave=wave))
        return
    columns = st.columns(2)
    for column, file_format, label in zip(
        columns, ("pdf", "pptx"), ("report_download_pdf", "report_download_pptx"), strict=True
    ):
        column.download_button(
            words.text(label, language),
            data=functools.partial(
                report_bytes, warehouse, study_id, country, wave, company_id, language, file_format
            ),
            file_name=file_name(company_id, country, wave, language, file_format),
            mime=MIME[file_format],
            key=f"report_{file_format}",
            on_click="ignore",
            icon=":material/download:",
        )
