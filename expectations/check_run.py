"""What one quality run found, in plain Python, independent of GX's result objects.

The CLI, the audit tables and the report all read these records, so GX's result
shapes (which differ per expectation kind) are translated in exactly one place.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.core.expectation_validation_result import ExpectationValidationResult
from great_expectations.expectations import Expectation

#: Severity assumed when an expectation has none: an unlabelled rule blocks.
DEFAULT_SEVERITY = "error"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one expectation."""

    suite: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    observed_value: str | None
    #: Rows the condition applies to, e.g. ``is_eligible == True``; None for all rows.
    condition: str | None = None
    unexpected_examples: tuple[Any, ...] = ()
    #: Rows GX found unexpected (None for expectations that are not row by row).
    unexpected_count: int | None = None
    #: ``meta.rule``: tells apart expectations of one type on one column (which pattern).
    rule: str | None = None

    @property
    def blocks(self) -> bool:
        """True when this result fails the run (an error-severity failure)."""
        return not self.success and self.severity == "error"


@dataclass(frozen=True)
class SkippedSuite:
    """A suite not run because its source table is optional and absent; recorded, not hidden."""

    suite: str
    reason: str


@dataclass(frozen=True)
class CheckRun:
    """One run of every registered suite against one warehouse file."""

    run_id: str
    build_id: str | None
    started_at: datetime
    finished_at: datetime
    results: tuple[CheckResult, ...]
    data_docs_index: Path | None = None
    skipped: tuple[SkippedSuite, ...] = ()

    @property
    def success(self) -> bool:
        """False when any error-severity expectation failed; warnings never block."""
        return not any(result.blocks for result in self.results)

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        """Failed expectations of any severity, in suite order."""
        return tuple(result for result in self.results if not result.success)

    @property
    def blocking(self) -> tuple[CheckResult, ...]:
        """Failed error-severity expectations: the reasons the run fails."""
        return tuple(result for result in self.results if result.blocks)


def check_results(
    suite_name: str,
    expectations: Sequence[Expectation],
    validation: ExpectationSuiteValidationResult,
    max_examples: int,
) -> list[CheckResult]:
    """Translate a suite's GX result into records, in the order the suite lists them.

    GX returns results grouped by metric, not in suite order; matching on the
    expectation id restores the order a reader of the suite module expects.
    """
    by_id = {result.expectation_config.id: result for result in validation.results}
    return [
        _check_result(suite_name, expectation, by_id[expectation.id], max_examples)
        for expectation in expectations
        if expectation.id in by_id
    ]


def _check_result(
    suite_name: str,
    expectation: Expectation,
    result: ExpectationValidationResult,
    max_examples: int,
) -> CheckResult:
    kwargs = result.expectation_config.kwargs
    columns = kwargs.get("column") or kwargs.get("column_list") or _pair_columns(kwargs)
    return CheckResult(
        suite=suite_name,
        expectation=result.expectation_config.type,
        column=columns if isinstance(columns, str) or columns is None else ", ".join(columns),
        severity=str((expectation.meta or {}).get("severity", DEFAULT_SEVERITY)),
        success=bool(result.success),
        observed_value=_observed_value(result),
        condition=repr(expectation.row_condition) if expectation.row_condition else None,
        unexpected_examples=_examples(
            result.result,
            max_examples,
            redact=kwargs.get("column") if _redacted(expectation) else None,
        ),
        unexpected_count=_count((result.result or {}).get("unexpected_count")),
        rule=(expectation.meta or {}).get("rule"),
    )


def _count(value: Any) -> int | None:
    return None if value is None else int(value)


def _pair_columns(kwargs: Mapping[str, Any]) -> list[str] | None:
    pair = [kwargs[key] for key in ("column_A", "column_B") if kwargs.get(key)]
    return pair or None


def _observed_value(result: ExpectationValidationResult) -> str | None:
    """One line a reader can act on: the metric, the unexpected count, or the error."""
    error = _exception_message(result.exception_info or {})
    if error:
        return f"error: {error}"
    outcome = result.result or {}
    if "observed_value" in outcome:
        return json.dumps(_plain(outcome["observed_value"]), default=str)
    if outcome.get("unexpected_count") is not None:
        return f"{outcome['unexpected_count']} of {outcome.get('element_count')} rows unexpected"
    return None


def _exception_message(info: Mapping[str, Any]) -> str | None:
    """GX nests exceptions per metric when a metric fails; it may also report one at the top."""
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for nested in info.values():
        if isinstance(nested, Mapping) and nested.get("raised_exception"):
            return str(nested.get("exception_message"))
    return None


def _redacted(expectation: Expectation) -> bool:
    return bool((expectation.meta or {}).get("redact_values"))


def _examples(outcome: Mapping[str, Any], limit: int, redact: str | None = None) -> tuple[Any, ...]:
    """Failing rows identified by their key columns when GX has them, else the bare values.

    With ``redact`` (the checked column), the failing value itself is left out and
    only the keys that locate the row are kept: for personal data in free text.
    """
    rows = outcome.get("partial_unexpected_index_list") or outcome.get("partial_unexpected_list")
    examples = [_plain(row) for row in (rows or [])[:limit]]
    if redact is None:
        return tuple(examples)
    return tuple(
        {key: value for key, value in row.items() if key != redact}
        if isinstance(row, dict)
        else "[redacted]"
        for row in examples
    )


def _plain(value: Any) -> Any:
    """Numpy scalars, tuples and NaN/NA made JSON-safe (a missing value becomes null)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if pd.isna(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
