"""Runs every registered suite against the raw layer and marts of one warehouse file.

GX's SQL datasource cannot resolve metrics on DuckDB (an upstream IndexError), so
each suite's rows are pulled into pandas first and validated there; large tables
are screened or aggregated in SQL so that only the rows worth judging travel.
The file is read with a read-only connection that is closed before validation
starts, and reopened for writing only once, at the end, for the audit rows:
DuckDB allows one writer and no readers while it writes, so the file is locked
for as short as possible.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig

from cxbench.expectations.audit import write_run
from cxbench.expectations.check_run import CheckResult, CheckRun, SkippedSuite, check_results
from cxbench.expectations.params import QualityParams, load_quality_params
from cxbench.expectations.suites import REGISTRY, SourceContext, SuiteSpec
from cxcore.dbt_builds import last_build
from cxcore.settings import load_settings

logger = logging.getLogger(__name__)

DATA_DOCS_SITE = "cxbench"
DATASOURCE = "warehouse"


class QualityTargetMissingError(RuntimeError):
    """A registered suite's source table is not in the warehouse (not built yet?)."""


@dataclass
class SourceFrames:
    """What one read session found: a frame per suite to run, and the suites skipped."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    skipped: list[SkippedSuite] = field(default_factory=list)
    #: Row counts of the tables that screened suites were screened from.
    table_rows: dict[str, int] = field(default_factory=dict)


def run_checks(
    db_path: Path,
    build_id: str | None = None,
    params: QualityParams | None = None,
    registry: Mapping[str, SuiteSpec] = REGISTRY,
    data_docs: bool | None = None,
) -> CheckRun:
    """Validate every suite in ``registry``, record the run in ``audit.*``, render Data Docs.

    ``build_id`` defaults to the invocation id of the warehouse's last dbt build
    as recorded in ``audit.dbt_builds``, so the gate can tell which build a run
    vouches for. Returns the run; ``run.success`` is False when any
    error-severity expectation failed.

    The audit tables are the record of every run; Data Docs are a report for a
    person to read, and rendering them costs about a second. So they are
    rendered when ``data_docs`` is True, never when False, and by default (None)
    only when the run failed — when someone has to look. They go to
    ``<warehouse dir>/data_docs/``; failing to render them is logged but does
    not change the outcome.
    """
    if build_id is None:
        build = last_build(db_path)
        build_id = build.invocation_id if build else None
    docs_dir = load_settings(db_path).warehouse_dir / "data_docs"
    context = quiet_context(docs_dir)
    run = validate_warehouse(db_path, build_id, params, registry, context)
    write_run(db_path, run)
    render = (not run.success) if data_docs is None else data_docs
    docs_index = _build_data_docs(context, docs_dir) if render else None
    logger.info(
        "quality run %s of build %s: %d expectations, %d failed, %d suites skipped, success=%s",
        run.run_id,
        build_id,
        len(run.results),
        len(run.failed),
        len(run.skipped),
        run.success,
    )
    return replace(run, data_docs_index=docs_index)


def validate_warehouse(
    db_path: Path,
    build_id: str | None = None,
    params: QualityParams | None = None,
    registry: Mapping[str, SuiteSpec] = REGISTRY,
    context: AbstractDataContext | None = None,
) -> CheckRun:
    """Validate every suite in ``registry`` and return the run, recording nothing.

    :func:`run_checks` records what this returns; on its own it is a dry run (and
    the fast path for tests). Results stay in ``context`` for Data Docs.
    """
    params = params or load_quality_params()
    started_at = datetime.now(UTC)
    run_id = f"{started_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    sources = read_frames(db_path, registry, params)
    context = context or quiet_context()
    gx_run_id = gx.RunIdentifier(run_name=run_id, run_time=started_at)
    results: list[CheckResult] = []
    for suite_name, frame in sources.frames.items():
        spec = registry[suite_name]
        source_rows = sources.table_rows.get(spec.screened_from or "")
        results += validate_frame(
            context, suite_name, spec, frame, params, gx_run_id, source_rows=source_rows
        )
    return CheckRun(
        run_id=run_id,
        build_id=build_id,
        started_at=started_at,
        finished_at=datetime.now(UTC),
        results=tuple(results),
        skipped=tuple(sources.skipped),
    )


def read_frames(
    db_path: Path, registry: Mapping[str, SuiteSpec], params: QualityParams
) -> SourceFrames:
    """Every suite's rows, read in one short read-only session.

    A suite whose tables are missing is skipped when they are optional and stops
    the run otherwise: checking half a warehouse would let the gate pass on what
    it did not see.
    """
    if not db_path.is_file():
        raise FileNotFoundError(f"no warehouse at {db_path}")
    sources = SourceFrames()
    with duckdb.connect(str(db_path), read_only=True) as connection:
        context = SourceContext(params, _table_columns(connection))
        for suite_name, spec in registry.items():
            missing = [table for table in spec.source_tables if table not in context.tables]
            if missing and spec.skip_when_absent:
                reason = f"skipped: {', '.join(missing)} not in the warehouse"
                sources.skipped.append(SkippedSuite(suite_name, reason))
                continue
            if missing:
                raise QualityTargetMissingError(
                    f"suite {suite_name}: {', '.join(missing)} not in the warehouse; "
                    "ingest the data and build the marts before checking them"
                )
            sources.frames[suite_name] = _read_frame(connection, suite_name, spec, context)
            if spec.screened_from and spec.screened_from not in sources.table_rows:
                count_sql = f"select count(*) from {spec.screened_from}"
                [(n_rows,)] = connection.execute(count_sql).fetchall()
                sources.table_rows[spec.screened_from] = n_rows
    return sources


def _table_columns(connection: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    rows = connection.execute(
        "select table_schema || '.' || table_name, column_name, data_type "
        "from information_schema.columns order by table_schema, table_name, ordinal_position"
    ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


def _read_frame(
    connection: duckdb.DuckDBPyConnection, suite_name: str, spec: SuiteSpec, context: SourceContext
) -> pd.DataFrame:
    try:
        frame = connection.execute(spec.sql(context)).df()
    except (duckdb.CatalogException, duckdb.BinderException) as error:
        raise QualityTargetMissingError(
            f"suite {suite_name}: cannot read its rows ({error}); "
            "build the marts before checking them (or align the suite with a changed contract)"
        ) from error
    return spec.derive(frame) if spec.derive else frame


def quiet_context(docs_dir: Path | None = None) -> AbstractDataContext:
    """An ephemeral GX context without progress bars, with a Data Docs site in ``docs_dir``."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.data_sources.add_pandas(DATASOURCE)
    if docs_dir is None:
        return context
    context.add_data_docs_site(
        DATA_DOCS_SITE,
        {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def validate_frame(
    context: AbstractDataContext,
    suite_name: str,
    spec: SuiteSpec,
    frame: pd.DataFrame,
    params: QualityParams,
    gx_run_id: gx.RunIdentifier | None = None,
    source_rows: int | None = None,
) -> list[CheckResult]:
    """Validate one frame against its suite; the result is kept in the context for Data Docs.

    ``source_rows`` is the size of the table a screened frame was taken from; the
    observed values are then stated against it rather than against the frame.
    """
    suite = context.suites.add(spec.build_suite(params))
    batch_definition = (
        context.data_sources.get(DATASOURCE)
        .add_dataframe_asset(suite_name)
        .add_batch_definition_whole_dataframe("whole")
    )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite_name, data=batch_definition, suite=suite)
    )
    result_format: dict[str, object] = {
        "result_format": "SUMMARY",
        "partial_unexpected_count": params.max_unexpected_examples,
    }
    if spec.key_columns:
        result_format["unexpected_index_column_names"] = list(spec.key_columns)
    validation = definition.run(
        batch_parameters={"dataframe": frame}, result_format=result_format, run_id=gx_run_id
    )
    results = check_results(
        suite_name, suite.expectations, validation, params.max_unexpected_examples
    )
    if source_rows is None:
        return results
    return [_against_table(result, source_rows, params.max_screened_rows) for result in results]


def _against_table(result: CheckResult, table_rows: int, cap: int) -> CheckResult:
    """Say "3 of 1850000 rows unexpected", not "3 of 3": the frame held screened rows only.

    The screen keeps up to ``cap`` rows per rule, so a count that reaches it is a floor.
    """
    if result.unexpected_count is None or (result.observed_value or "").startswith("error"):
        return result
    floor = "at least " if result.unexpected_count >= cap else ""
    observed = f"{floor}{result.unexpected_count} of {table_rows} rows unexpected (SQL screen)"
    return replace(result, observed_value=observed)


def _build_data_docs(context: AbstractDataContext, docs_dir: Path) -> Path | None:
    """Render this run's suites and results; the index lists them."""
    try:
        context.build_data_docs(site_names=[DATA_DOCS_SITE])
    except Exception:
        logger.exception("could not render Data Docs under %s", docs_dir)
        return None
    return docs_dir / "index.html"
