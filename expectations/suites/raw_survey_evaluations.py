"""Privacy suite for ``raw.survey_evaluations``: no personal data left in the comments.

The table's structure (keys unique, countries as ISO codes, every answer on its
scale) is dbt's to check: the source test ``raw_survey_evaluations_structure``
fails the build. What is left for the quality run is the question dbt cannot
ask: did ingestion's scrub miss a phone number, an e-mail address, an IBAN?

A wave holds millions of evaluations; pulling every row into pandas would cost
more than the rest of the check stage together. So the comments are screened in
DuckDB first: the frame holds the rows whose comment matches one of ingestion's
own patterns (at most ``max_screened_rows`` per pattern) and every comment with
enough digits to be a phone number, on which the phone matcher runs in Python.
The screen and the expectations are built from the same lists
(:mod:`comment_privacy`), so a rule cannot be screened one way and judged
another. On clean data the frame is empty and every expectation passes; the
runner states the counts against the whole table.
"""

from __future__ import annotations

import great_expectations as gx

from cxbench.expectations.params import QualityParams
from cxbench.expectations.suites.comment_privacy import (
    PHONE_CANDIDATE_RULE,
    pii_expectations,
    pii_scan_condition,
    pii_screen_predicates,
)
from cxbench.expectations.suites.spec import SourceContext

SUITE_NAME = "raw_survey_evaluations"
TABLE = "raw.survey_evaluations"
#: Where a failing row came from: its batch (source file) and its row in that file.
LINEAGE_COLUMNS = ("batch_id", "row_number")
EXAMPLE_COLUMNS = (*LINEAGE_COLUMNS, "country", "wave", "brand_id")


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """One expectation per personal-data pattern on the comments, and the phone matcher's."""
    del params  # no thresholds: ingestion's patterns are the definition
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=pii_expectations(),
        notes="Raw evaluations as loaded: no personal data left in the comments.",
    )


def source_sql(context: SourceContext) -> str:
    """Comments matching a pattern (at most ``max_screened_rows`` each), all phone candidates."""
    params = context.params
    columns = [*EXAMPLE_COLUMNS, "comment"]
    picks = "\n    union all\n    ".join(
        f"(select screen_row from screened where {predicate} order by screen_row"
        + ("" if rule == PHONE_CANDIDATE_RULE else f" limit {params.max_screened_rows}")
        + ")"
        for rule, predicate in pii_screen_predicates().items()
    )
    return f"""
with

screened as materialized (
    select rowid as screen_row, {", ".join(columns)}
    from {TABLE}
    where {pii_scan_condition()}
),

picked as (
    {picks}
)

select {", ".join(columns)}
from screened
where screen_row in (select screen_row from picked)
order by screen_row
"""
