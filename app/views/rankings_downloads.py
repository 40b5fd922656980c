"""The Rankings page's downloads: the listed companies as CSV and Excel.

Downloads are data, not the page's text: the mart's column names and unrounded
values, without the display-only columns
(:data:`cxbench.app.views.rankings_table.DISPLAY_COLUMNS`), so an analyst can paste
the mart's numbers into a report.
"""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from cxbench.app import i18n
from cxbench.app.views.rankings_table import DISPLAY_COLUMNS

EXCEL_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(ranked: pd.DataFrame, stem: str, language: str) -> None:
    """CSV and Excel of the listed companies, with the mart's column names and values.

    The bytes are handed over with the page (a deferred ``data=callable`` raced the
    first click in the browser: the download sometimes never started) and cached per
    frame, so a rerun does not rebuild the workbook (~50 ms of server time under
    load). A click only downloads; it does not rerun the page.
    """
    csv_column, excel_column = st.columns(2)
    csv_column.download_button(
        i18n.text("download_csv", language),
        data=_cached_csv(ranked),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="rankings_csv",
        on_click="ignore",
    )
    excel_column.download_button(
        i18n.text("download_excel", language),
        data=_cached_excel(ranked),
        file_name=f"{stem}.xlsx",
        mime=EXCEL_MIME,
        key="rankings_excel",
        on_click="ignore",
    )


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with the mart's column names and unrounded values."""
    return machine_columns(frame).to_csv(index=False).encode("utf-8")


def excel_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as one Excel sheet (openpyxl), built in memory."""
    buffer = io.BytesIO()
    machine_columns(frame).to_excel(buffer, index=False, sheet_name="ranking")
    return buffer.getvalue()


def machine_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The mart's columns of ``frame``: downloads are data, not the page's text."""
    return frame.drop(columns=[column for column in DISPLAY_COLUMNS if column in frame.columns])


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_csv(frame: pd.DataFrame) -> bytes:
    return csv_bytes(frame)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_excel(frame: pd.DataFrame) -> bytes:
    return excel_bytes(frame)
