"""Queries of the Data quality page: load batches, rejected rows, check runs and results."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxbench.app.queries.warehouse import WarehouseFile, fetch_frame


@st.cache_data(show_spinner=False)
def latest_batches(key: WarehouseFile, limit: int) -> pd.DataFrame:
    """The ``limit`` most recent load batches, newest first."""
    return fetch_frame(
        key,
        """
        select
            batch_id,
            kind,
            source_path,
            status,
            rows_in,
            rows_loaded,
            rows_rejected,
            started_at,
            finished_at,
        from load_batches()
        order by started_at desc, batch_id
        limit ?
        """,
        [limit],
    )


@st.cache_data(show_spinner=False)
def inactive_batches(key: WarehouseFile) -> pd.DataFrame:
    """Superseded and retracted batches, latest change first: out of every mart, kept in raw.

    Empty for a warehouse loaded before batches could be corrected (it lacks the
    status columns until its next build or load adds them, and has none).
    """
    columns = fetch_frame(
        key,
        """
        select column_name
        from information_schema.columns
        where table_catalog = 'wh' and table_schema = 'raw' and table_name = 'load_batches'
        """,
        [],
    )["column_name"]
    if "superseded_by" not in set(columns):
        return pd.DataFrame(columns=list(INACTIVE_COLUMNS))
    return fetch_frame(
        key,
        f"""
        select {", ".join(INACTIVE_COLUMNS)},
        from load_batches()
        where status <> 'loaded'
        order by status_changed_at desc, batch_id
        """,
        [],
    )


INACTIVE_COLUMNS = (
    "batch_id",
    "kind",
    "source_path",
    "status",
    "superseded_by",
    "status_changed_at",
    "status_reason",
    "rows_loaded",
)


@st.cache_data(show_spinner=False)
def reject_reasons(key: WarehouseFile, limit: int) -> pd.DataFrame:
    """Rejected rows counted by file, field and reason, commonest first."""
    return fetch_frame(
        key,
        """
        select
            batches.source_path,
            rejects.field,
            rejects.reason,
            count(*) as n_rows,
            min(rejects.row_number) as first_row_number,
        from rejected_rows() as rejects
        inner join load_batches() as batches
            on rejects.batch_id = batches.batch_id
        group by all
        order by n_rows desc, batches.source_path, rejects.field, rejects.reason
        limit ?
        """,
        [limit],
    )


@st.cache_data(show_spinner=False)
def quality_runs(key: WarehouseFile) -> pd.DataFrame:
    """Every stored check run, newest first."""
    return fetch_frame(
        key,
        """
        select
            run_id,
            build_id,
            started_at,
            finished_at,
            success,
            n_expectations,
            n_failed,
        from quality_runs()
        order by started_at desc, run_id
        """,
        [],
    )


@st.cache_data(show_spinner=False)
def quality_results(key: WarehouseFile, run_id: str, failures_only: bool) -> pd.DataFrame:
    """The results of one check run: failures first, errors before warnings."""
    return fetch_frame(
        key,
        """
        select
            suite,
            expectation,
            column_name,
            severity,
            success,
            observed_value,
            unexpected_examples,
        from quality_results()
        where run_id = ? and (not ? or not success)
        order by
            success,
            case severity when 'error' then 0 when 'warning' then 1 else 2 end,
            suite,
            expectation,
            column_name
        """,
        [run_id, failures_only],
    )
