"""What the runner needs to know about a suite: where its rows come from and how to judge them.

Kept apart from the registry so that suite modules can import these types
without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import great_expectations as gx
import pandas as pd

from cxbench.expectations.params import QualityParams

#: ``meta`` of an expectation whose failure blocks publication.
ERROR = {"severity": "error"}
#: ``meta`` of an expectation whose failure is reported for a look but never blocks.
WARNING = {"severity": "warning"}


@dataclass(frozen=True)
class SourceContext:
    """What a suite's SQL may depend on: the thresholds and the warehouse's columns.

    A suite whose SQL follows the thresholds (a screen for out-of-scale answers) or
    the columns a table actually has (a table still being designed) gets its SQL
    from a function of this context instead of a fixed string.
    """

    params: QualityParams
    #: ``"schema.table"`` → ``{column name: DuckDB type}``, for every table in the file.
    tables: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def columns(self, table: str) -> Mapping[str, str]:
        """The columns of ``table`` (empty when the table does not exist)."""
        return self.tables.get(table, {})


SourceSql = str | Callable[[SourceContext], str]


@dataclass(frozen=True)
class SuiteSpec:
    """Where a suite's rows come from and how to build the suite."""

    source_sql: SourceSql
    build_suite: Callable[[QualityParams], gx.ExpectationSuite]
    #: Columns that name a failing row in ``unexpected_examples``.
    key_columns: tuple[str, ...] = ()
    #: Tables the SQL reads, ``"schema.table"``; checked before reading.
    source_tables: tuple[str, ...] = ()
    #: True for tables that not every warehouse has yet: their absence is recorded
    #: as a skipped suite. False (the default): absence is an error, nothing is run.
    skip_when_absent: bool = False
    #: Set when the frame holds only rows screened in SQL from this (large) table,
    #: so that observed values are stated against the table's row count.
    screened_from: str | None = None
    #: Columns computed in Python on the fetched rows, for a rule SQL cannot express
    #: (a phone-number matcher); applied before validation.
    derive: Callable[[pd.DataFrame], pd.DataFrame] | None = None

    def sql(self, context: SourceContext) -> str:
        """The SQL to run for this warehouse."""
        return self.source_sql if isinstance(self.source_sql, str) else self.source_sql(context)
