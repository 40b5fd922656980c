"""One suite module per target; :data:`REGISTRY` is what the runner validates.

Adding a suite means writing ``suites/<target>.py`` with ``SUITE_NAME``,
``SOURCE_SQL`` and ``build_suite(params)`` and adding one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import great_expectations as gx

from expectations.params import QualityParams
from expectations.suites import fct_company_pillar_scores


@dataclass(frozen=True)
class SuiteSpec:
    """Where a suite's rows come from and how to build the suite."""

    source_sql: str
    build_suite: Callable[[QualityParams], gx.ExpectationSuite]
    #: Columns that name a failing row in ``unexpected_examples``.
    key_columns: tuple[str, ...] = ()


REGISTRY: dict[str, SuiteSpec] = {
    fct_company_pillar_scores.SUITE_NAME: SuiteSpec(
        source_sql=fct_company_pillar_scores.SOURCE_SQL,
        build_suite=fct_company_pillar_scores.build_suite,
        key_columns=fct_company_pillar_scores.GRAIN,
    ),
}
