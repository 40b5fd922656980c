"""``cxbench report``: one organisation's client view as a branded PDF or PowerPoint.

The file holds what a client of that organisation sees in the app — its own name,
peers as pseudonyms, published waves only — built by :mod:`cxbench.app.report` from the app's
own queries. The warehouse is attached read-only, so a report can be made while the
app serves the file. Exit codes: 0 written, 2 bad input (an unknown organisation,
wave, country, language or file type, or an unreadable warehouse) with the reason.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from cxbench.console import console, red

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Warehouse file (default: $CXBENCH_DB or warehouse/cxbench.duckdb)."),
]


#: Why a warehouse cannot serve a report, in words (reasons of WarehouseUnavailable).
_UNAVAILABLE = {
    "missing_file": "no such file (set --db or $CXBENCH_DB, or run cxbench demo)",
    "missing_marts": "marts missing, run cxbench build",
    "missing_tables": "tables missing, run cxbench build",
    "unreadable": "not a readable DuckDB warehouse",
}


class ReportRefused(Exception):
    """Bad input: the message says what and what would do."""


def register(app: typer.Typer) -> None:
    """Add ``report`` to the ``cxbench`` command."""
    app.command(name="report")(report)


def report(
    org: Annotated[
        str, typer.Option("--org", help="Company id of the organisation (dim_company).")
    ],
    wave: Annotated[int, typer.Option("--wave", help="Survey year; a published wave.")],
    out: Annotated[Path, typer.Option("--out", help="File to write: .pdf or .pptx.")],
    lang: Annotated[str, typer.Option("--lang", help="Language: en, nl, no or pl.")] = "en",
    study: Annotated[str, typer.Option("--study", help="Study id.")] = "cxbench",
    country: Annotated[
        str | None,
        typer.Option("--country", help="ISO code; needed only when the organisation has several."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write an organisation's client view (headline, pillars, gaps, year on year,
    ranking, method) as a branded PDF or PowerPoint in one of the four languages."""
    try:
        size, pages = _write(org, wave, out, lang, study, country, db)
    except ReportRefused as refusal:
        console.print(red(f"cxbench report: {refusal}"), highlight=False)
        raise typer.Exit(2) from None
    console.print(f"wrote {out} ({pages}, {size / 1024:.0f} KB)", highlight=False)


def _write(
    org: str, wave: int, out: Path, lang: str, study: str, country: str | None, db: Path | None
) -> tuple[int, str]:
    """Check the input, build the file, write it whole (temporary file, then rename)."""
    from cxbench.app import i18n

    if lang not in i18n.LANGUAGES:
        raise ReportRefused(f"--lang {lang!r} is not one of {', '.join(i18n.LANGUAGES)}")
    file_format = out.suffix.lower().lstrip(".")
    if file_format not in ("pdf", "pptx"):
        raise ReportRefused(f"--out {out} must end in .pdf or .pptx")
    if not out.parent.is_dir():
        raise ReportRefused(f"--out {out}: folder {out.parent} does not exist")
    _quiet_streamlit()
    from cxbench.app import report as deliverable

    key, country = _sample(org, wave, study, country, db)
    data = deliverable.build(key, study, country, wave, org, lang, file_format)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    Path(temporary).replace(out)
    return len(data), _pages(data, file_format)


def _sample(
    org: str, wave: int, study: str, country: str | None, db: Path | None
) -> tuple[object, str]:
    """The analyst's key of the warehouse and the country of the report; refusals for an
    unknown organisation, a wave the organisation's client cannot see, an ambiguous or
    wrong country."""
    from cxbench.app import queries
    from cxbench.app.queries import access
    from cxbench.app.queries import report as report_queries
    from cxbench.app.report.content import client_view
    from cxbench.app.viewer import NOBODY
    from cxcore.settings import load_settings

    path = db or load_settings().db_path
    try:
        key = queries.open_warehouse(NOBODY, path)
    except queries.WarehouseUnavailable as unavailable:
        reason = _UNAVAILABLE.get(unavailable.reason, unavailable.reason)
        detail = f" ({unavailable.detail})" if unavailable.detail else ""
        raise ReportRefused(f"cannot read the warehouse {path}: {reason}{detail}") from None
    if access.company_name(key, org) is None:
        raise ReportRefused(
            f'--org {org}: no such organisation in {path} (cxbench sql "select company_id, '
            'company_name from marts.dim_company" lists them)'
        )
    samples = report_queries.organisation_samples(client_view(key, org, "en"), study, org)
    countries = sorted({place for place, year in samples if year == wave})
    if not countries:
        waves = sorted({year for _, year in samples})
        shown = ", ".join(map(str, waves)) if waves else "none"
        raise ReportRefused(
            f"--wave {wave}: {org} has no published scores in study {study!r} that year "
            f"(published waves for it: {shown})"
        )
    if country is None:
        if len(countries) > 1:
            raise ReportRefused(
                f"{org} is scored in {', '.join(countries)}; choose one with --country"
            )
        return key, countries[0]
    if country.upper() not in countries:
        raise ReportRefused(
            f"--country {country}: {org} has no published scores there in {wave} "
            f"(it has in {', '.join(countries)})"
        )
    return key, country.upper()


def _pages(data: bytes, file_format: str) -> str:
    """'7 pages' / '7 slides', for the confirmation line."""
    import io

    if file_format == "pdf":
        from pypdf import PdfReader

        return f"{len(PdfReader(io.BytesIO(data)).pages)} pages"
    from pptx import Presentation

    return f"{len(Presentation(io.BytesIO(data)).slides)} slides"


def _quiet_streamlit() -> None:
    """The app's queries are cached with Streamlit, which warns outside a running app that
    it caches in memory instead; that is what a one-off command wants, so say nothing."""
    import streamlit.logger

    streamlit.logger.get_logger("streamlit").setLevel(logging.ERROR)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)
