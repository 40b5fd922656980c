"""Runs every registered suite against the marts of one warehouse file.

GX's SQL datasource cannot resolve metrics on DuckDB (an upstream IndexError), so
each suite's rows are pulled into pandas first and validated there. The file is
read with a read-only connection that is closed before validation starts, and
reopened for writing only once, at the end, for the audit rows: DuckDB allows one
writer and no readers while it writes, so the file is locked for as short as
possible.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import great_expectations as gx
import pandas as pd
from great_expectations.data_context import AbstractDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig

from cxbench.settings import load_settings
from expectations.audit import write_run
from expectations.check_run import CheckResult, CheckRun, check_results
from expectations.params import QualityParams, load_quality_params
from expectations.suites import REGISTRY, SuiteSpec

logger = logging.getLogger(__name__)

DATA_DOCS_SITE = "cxbench"
DATASOURCE = "warehouse"


class QualityTargetMissingError(RuntimeError):
    """A registered suite's source table is not in the warehouse (not built yet?)."""


def run_checks(
    db_path: Path,
    build_id: str | None = None,
    params: QualityParams | None = None,
    registry: Mapping[str, SuiteSpec] = REGISTRY,
) -> CheckRun:
    """Validate every suite in ``registry``, record the run in ``audit.*``, render Data Docs.

    Returns the run; ``run.success`` is False when any error-severity expectation
    failed. Data Docs go to ``<warehouse dir>/data_docs/``; failing to render them
    is logged but does not change the outcome, since the audit tables are the record.
    """
    params = params or load_quality_params()
    started_at = datetime.now(UTC)
    run_id = f"{started_at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    frames = read_frames(db_path, registry)

    docs_dir = load_settings(db_path).warehouse_dir / "data_docs"
    context = quiet_context(docs_dir)
    gx_run_id = gx.RunIdentifier(run_name=run_id, run_time=started_at)
    results: list[CheckResult] = []
    for suite_name, spec in registry.items():
        results += validate_frame(context, suite_name, spec, frames[suite_name], params, gx_run_id)

    run = CheckRun(
        run_id=run_id,
        build_id=build_id,
        started_at=started_at,
        finished_at=datetime.now(UTC),
        results=tuple(results),
    )
    write_run(db_path, run)
    docs_index = _build_data_docs(context, docs_dir)
    logger.info(
        "quality run %s: %d expectations, %d failed, success=%s",
        run.run_id,
        len(run.results),
        len(run.failed),
        run.success,
    )
    return replace(run, data_docs_index=docs_index)


def read_frames(db_path: Path, registry: Mapping[str, SuiteSpec]) -> dict[str, pd.DataFrame]:
    """Every suite's rows, read in one short read-only session."""
    if not db_path.is_file():
        raise FileNotFoundError(f"no warehouse at {db_path}")
    frames: dict[str, pd.DataFrame] = {}
    with duckdb.connect(str(db_path), read_only=True) as connection:
        for suite_name, spec in registry.items():
            try:
                frames[suite_name] = connection.execute(spec.source_sql).df()
            except duckdb.CatalogException as error:
                raise QualityTargetMissingError(
                    f"suite {suite_name}: cannot read its rows ({error}); "
                    "build the marts before checking them"
                ) from error
    return frames


def quiet_context(docs_dir: Path) -> AbstractDataContext:
    """An ephemeral GX context without progress bars, with one Data Docs site on disk."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
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
    context.data_sources.add_pandas(DATASOURCE)
    return context


def validate_frame(
    context: AbstractDataContext,
    suite_name: str,
    spec: SuiteSpec,
    frame: pd.DataFrame,
    params: QualityParams,
    gx_run_id: gx.RunIdentifier | None = None,
) -> list[CheckResult]:
    """Validate one frame against its suite; the result is kept in the context for Data Docs."""
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
    return check_results(suite_name, suite.expectations, validation, params.max_unexpected_examples)


def _build_data_docs(context: AbstractDataContext, docs_dir: Path) -> Path | None:
    """Render this run's suites and results; the index lists them."""
    try:
        context.build_data_docs(site_names=[DATA_DOCS_SITE])
    except Exception:
        logger.exception("could not render Data Docs under %s", docs_dir)
        return None
    return docs_dir / "index.html"
