"""Data quality page: what was loaded, what was rejected and why, and what the checks said.

Analysts look here before trusting a number: the latest load batches (rows in =
loaded + rejected), the batches superseded by a corrected load or retracted
(kept in raw, in no mart), the commonest reject reasons, and the results of a
chosen quality run, failures first.
"""

from __future__ import annotations

import streamlit as st

from app import i18n, queries, state
from app.i18n import quality as strings
from app.page import Page

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
    total_column.metric(i18n.text("expectations", language), f"{run['n_expectations']:,}")
    failed_column.metric(i18n.text("n_failed", language), f"{run['n_failed']:,}")
    results = queries.quality_results(warehouse, run_id, failures_only)
    if results.empty:
        st.success(i18n.text("no_failures", language))
        return
    st.dataframe(
        results,
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
    count = st.column_config.NumberColumn
    st.dataframe(
        batches,
        column_config={
            "batch_id": None,
            "kind": st.column_config.TextColumn(i18n.text("kind", language)),
            "source_path": st.column_config.TextColumn(i18n.text("file", language)),
            "status": st.column_config.TextColumn(i18n.text("status", language)),
            "rows_in": count(i18n.text("rows_in", language), format="%d"),
            "rows_loaded": count(i18n.text("rows_loaded", language), format="%d"),
            "rows_rejected": count(i18n.text("rows_rejected", language), format="%d"),
            "started_at": st.column_config.DatetimeColumn(i18n.text("started", language)),
            "finished_at": None,
        },
        hide_index=True,
        key="quality_batches",
    )
    _render_inactive(warehouse, language)
    st.subheader(i18n.text("rejects", language))
    rejects = queries.reject_reasons(warehouse, REJECT_GROUPS_SHOWN)
    if rejects.empty:
        st.success(i18n.text("no_rejects", language))
        return
    st.dataframe(
        rejects,
        column_config={
            "source_path": st.column_config.TextColumn(i18n.text("file", language)),
            "field": st.column_config.TextColumn(i18n.text("column", language)),
            "reason": st.column_config.TextColumn(i18n.text("reason", language)),
            "n_rows": count(i18n.text("rows_rejected", language), format="%d"),
            "first_row_number": count(i18n.text("first_row", language), format="%d"),
        },
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
    st.dataframe(
        inactive,
        column_config={
            "batch_id": st.column_config.TextColumn(i18n.text("batch", language)),
            "kind": st.column_config.TextColumn(i18n.text("kind", language)),
            "source_path": st.column_config.TextColumn(i18n.text("file", language)),
            "status": st.column_config.TextColumn(i18n.text("status", language)),
            "superseded_by": st.column_config.TextColumn(i18n.text("superseded_by", language)),
            "status_changed_at": st.column_config.DatetimeColumn(i18n.text("since", language)),
            "status_reason": st.column_config.TextColumn(i18n.text("reason", language)),
            "rows_loaded": st.column_config.NumberColumn(
                i18n.text("rows_loaded", language), format="%d"
            ),
        },
        hide_index=True,
        key="quality_inactive_batches",
    )


def _verdict(success: bool, language: str) -> str:
    """A run's outcome in words; a run fails only on error-severity expectations."""
    return i18n.text("passed" if success else "failed", language)
