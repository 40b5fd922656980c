"""Data quality page: what was loaded, what was rejected and why, and what the checks said.

Analysts look here before trusting a number: the latest load batches (rows in =
loaded + rejected), the batches superseded by a corrected load or retracted
(kept in raw, in no mart), the commonest reject reasons, and the results of a
chosen quality run, failures first.
"""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd
import streamlit as st

from cxbench.app import formatting, i18n, queries, state
from cxbench.app.i18n import quality as strings
from cxbench.app.page import Page

BATCHES_SHOWN = 20
REJECT_GROUPS_SHOWN = 50


def render(warehouse: queries.WarehouseFile, language: str) -> None:
    """The chosen check run's results, then the latest batches and rejected rows."""
    _render_checks(warehouse, language)
    _render_batches(warehouse, language)


PAGE = Page(
    slug="quality",
    title_key="quality_page",
    icon=":material/fact_check:",
    render=render,
    strings=strings.STRINGS,
    analysts_only=True,
    tables=(
        "raw.load_batches",
        "raw.rejected_rows",
        "audit.quality_runs",
        "audit.quality_results",
    ),
    url_keys={state.QUALITY_RUN: "run", state.QUALITY_FAILURES_ONLY: "failures"},
)


def _render_checks(warehouse: queries.WarehouseFile, language: str) -> None:
    """The chosen check run's verdict and its results."""
    st.subheader(i18n.text("check_results", language))
    runs = queries.quality_runs(warehouse)
    run_ids = runs["run_id"].tolist()
    state.settle_choice(state.QUALITY_RUN, run_ids)
    state.settle_choice(
        state.QUALITY_FAILURES_ONLY, [False, True], default=False, parse=lambda v: v == "True"
    )
    if not run_ids:
        st.info(i18n.text("no_checks", language))
        return
    verdicts = dict(zip(run_ids, runs["success"], strict=True))
    run_id = st.sidebar.selectbox(
        i18n.text("check_run", language),
        options=run_ids,
        format_func=lambda run: f"{run} · {_verdict(verdicts[run], language)}",
        key=state.QUALITY_RUN,
    )
    failures_only = st.sidebar.checkbox(
        i18n.text("failures_only", language), key=state.QUALITY_FAILURES_ONLY
    )
    run = runs[runs["run_id"] == run_id].iloc[0]
    verdict_column, total_column, failed_column = st.columns(3)
    verdict_column.metric(i18n.text("verdict", language), _verdict(run["success"], language))
    total_column.metric(
        i18n.text("expectations", language), formatting.integer(run["n_expectations"], language)
    )
    failed_column.metric(
        i18n.text("n_failed", language), formatting.integer(run["n_failed"], language)
    )
    results = queries.quality_results(warehouse, run_id, failures_only)
    if results.empty:
        st.success(i18n.text("no_failures", language))
        return
    text_columns = ["suite", "expectation", "column_name", "severity", "observed_value"]
    st.dataframe(
        _dashes(results, [*text_columns, "unexpected_examples"]),
        column_config={
            "suite": st.column_config.TextColumn(i18n.text("suite", language)),
            "expectation": st.column_config.TextColumn(i18n.text("expectation", language)),
            "column_name": st.column_config.TextColumn(i18n.text("column", language)),
            "severity": st.column_config.TextColumn(i18n.text("severity", language)),
            "success": st.column_config.CheckboxColumn(i18n.text("passed_column", language)),
            "observed_value": st.column_config.TextColumn(i18n.text("observed", language)),
            "unexpected_examples": st.column_config.TextColumn(i18n.text("examples", language)),
        },
        hide_index=True,
        key="quality_results",
    )


def _render_batches(warehouse: queries.WarehouseFile, language: str) -> None:
    """Latest batches, then rejected rows grouped by file, field and reason."""
    st.subheader(i18n.text("latest_batches", language))
    batches = queries.latest_batches(warehouse, BATCHES_SHOWN)
    text = st.column_config.TextColumn
    columns = {
        "file_text": text(i18n.text("file", language)),
        "kind": text(i18n.text("kind", language)),
        "status": text(i18n.text("status", language)),
        "rows_text": text(i18n.text("rows_in_loaded_rejected", language)),
        "started_text": text(i18n.text("started", language)),
        "source_path": text(i18n.text("path", language)),
    }
    st.dataframe(
        batches.assign(
            file_text=_file_names(batches["source_path"]),
            rows_text=[
                " = ".join(
                    (
                        formatting.integer(rows_in, language),
                        f"{formatting.integer(loaded, language)} + "
                        f"{formatting.integer(rejected, language)}",
                    )
                )
                for rows_in, loaded, rejected in zip(
                    batches["rows_in"],
                    batches["rows_loaded"],
                    batches["rows_rejected"],
                    strict=True,
                )
            ],
            started_text=[formatting.timestamp(v, language) for v in batches["started_at"]],
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="quality_batches",
    )
    _render_inactive(warehouse, language)
    st.subheader(i18n.text("rejects", language))
    rejects = queries.reject_reasons(warehouse, REJECT_GROUPS_SHOWN)
    if rejects.empty:
        st.success(i18n.text("no_rejects", language))
        return
    columns = {
        "file_text": text(i18n.text("file", language)),
        "field": text(i18n.text("column", language)),
        "reason": text(i18n.text("reason", language)),
        "rows_text": text(i18n.text("rows_rejected", language)),
        "first_row_text": text(i18n.text("first_row", language)),
    }
    st.dataframe(
        _dashes(rejects, ["field", "reason"]).assign(
            file_text=_file_names(rejects["source_path"]),
            rows_text=[formatting.integer(v, language) for v in rejects["n_rows"]],
            first_row_text=[formatting.integer(v, language) for v in rejects["first_row_number"]],
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="quality_rejects",
    )


def _render_inactive(warehouse: queries.WarehouseFile, language: str) -> None:
    """Superseded and retracted batches: their rows are in raw but in no mart."""
    st.subheader(i18n.text("inactive_batches", language))
    inactive = queries.inactive_batches(warehouse)
    if inactive.empty:
        st.caption(i18n.text("no_inactive_batches", language))
        return
    st.caption(i18n.text("inactive_explained", language))
    text = st.column_config.TextColumn
    columns = {
        "batch_id": text(i18n.text("batch", language)),
        "kind": text(i18n.text("kind", language)),
        "file_text": text(i18n.text("file", language)),
        "status": text(i18n.text("status", language)),
        "superseded_by": text(i18n.text("superseded_by", language)),
        "since_text": text(i18n.text("since", language)),
        "status_reason": text(i18n.text("reason", language)),
        "rows_text": text(i18n.text("rows_loaded", language)),
    }
    st.dataframe(
        _dashes(inactive, ["superseded_by", "status_reason"]).assign(
            file_text=_file_names(inactive["source_path"]),
            since_text=[formatting.timestamp(v, language) for v in inactive["status_changed_at"]],
            rows_text=[formatting.integer(v, language) for v in inactive["rows_loaded"]],
        ),
        column_config=columns,
        column_order=list(columns),
        hide_index=True,
        key="quality_inactive_batches",
    )


def _file_names(paths: pd.Series) -> list[str]:
    """The file name of each path (the full path is in the batches table's last column)."""
    return [
        formatting.MISSING if formatting.is_missing(path) else PurePath(str(path)).name
        for path in paths
    ]


def _dashes(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``frame`` with a dash in place of a missing text in ``columns`` (never "None")."""
    present = [column for column in columns if column in frame.columns]
    return frame.astype(dict.fromkeys(present, object)).fillna(
        dict.fromkeys(present, formatting.MISSING)
    )


def _verdict(success: bool, language: str) -> str:
    """A run's outcome in words; a run fails only on error-severity expectations."""
    return i18n.text("passed" if success else "failed", language)
