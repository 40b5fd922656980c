"""The report's download buttons (``cxbench.app.views.deliverables``): drawn without building the
file, which is made on click from the same ``cxbench.app.report.build`` as ``cxbench report``."""

from __future__ import annotations

import io
from pathlib import Path

from fixture_access import add_publication_and_access
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from cxbench.app import queries
from cxbench.app.views import deliverables

SCRIPT = """
from cxbench.app import queries
from cxbench.app.views import deliverables

key = queries.open_warehouse(queries.ANALYST)
deliverables.download_buttons(key, "cxbench", "NL", 2024, "nl_beta", "nl")
"""


def test_buttons_defer_the_file_to_the_click(warehouse: Path) -> None:
    add_publication_and_access(warehouse)
    at = AppTest.from_string(SCRIPT, default_timeout=30).run()

    assert not at.exception
    pdf, pptx = at.download_button(key="report_pdf"), at.download_button(key="report_pptx")
    assert pdf.proto.deferred_file_id and pptx.proto.deferred_file_id
    assert pdf.proto.label == "Rapport downloaden (PDF)"
    assert pptx.proto.label == "Dia's downloaden (PowerPoint)"


def test_the_deferred_files_are_the_client_report(warehouse: Path) -> None:
    add_publication_and_access(warehouse)
    key = queries.open_warehouse(queries.ANALYST, warehouse)

    pdf = deliverables.report_bytes(key, "cxbench", "NL", 2024, "nl_beta", "nl", "pdf")
    pptx = deliverables.report_bytes(key, "cxbench", "NL", 2024, "nl_beta", "nl", "pptx")

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Beta Bank" in text and "Alfa Bank" not in text
    assert len(Presentation(io.BytesIO(pptx)).slides) == 7
    assert deliverables.file_name("nl_beta", "NL", 2024, "nl", "pdf") == (
        "cxbench-nl_beta-NL-2024-nl.pdf"
    )


def test_an_unpublished_wave_gets_a_note_not_buttons(warehouse: Path) -> None:
    add_publication_and_access(warehouse)  # NL 2023 stays unpublished
    script = SCRIPT.replace("2024", "2023").replace('"nl")', '"en")')
    at = AppTest.from_string(script, default_timeout=30).run()

    assert not at.exception
    assert not at.get("download_button")
    assert "2023 is not published yet" in at.caption[0].value
