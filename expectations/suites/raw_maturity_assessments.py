"""Plausibility suite for ``raw.maturity_assessments`` — skipped while the table does not exist.

Several managers of each organisation rate it 1–5 on the six management pillars
and the seven maturity steps (docs/methodology.md), one row per manager × organisation ×
wave. The suite does not name the score columns: it reads the table's columns at
run time, takes the organisation, manager and wave keys from the names in use for
them, and treats every other numeric column as a 1–5 score (today ``mgmt_*`` and
``step_*``). The frame is long — one row per manager × organisation × wave × item —
so one expectation covers every score column, and a failure names the item.
Warehouses loaded before the table existed skip the suite.
"""

from __future__ import annotations

from collections.abc import Mapping

import great_expectations as gx

from cxcore.sql_text import quote_identifier, quote_literal
from expectations.params import QualityParams
from expectations.suites.spec import ERROR, WARNING, SourceContext

SUITE_NAME = "raw_maturity_assessments"
TABLE = "raw.maturity_assessments"
SOURCE_TABLES = (TABLE,)
KEY_COLUMNS = ("organisation_id", "wave", "respondent_id", "item", "batch_id", "row_number")
ORGANISATION_NAMES = ("brand_id", "company_id", "organisation_id", "organization_id")
WAVE_NAMES = ("wave", "year")
RESPONDENT_NAMES = ("respondent_id", "manager_id")
LINEAGE_NAMES = ("batch_id", "row_number", "source_file", "loaded_at")
#: Numeric columns that are sizes or counts, not 1–5 scores.
NOT_SCORES = ("employees", "revenue", "n_respondents")
NUMERIC_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL")


def source_sql(context: SourceContext) -> str:
    """The table in long form, one row per organisation × wave × scored item."""
    columns = context.columns(TABLE)
    organisation = _first_present(ORGANISATION_NAMES, columns)
    wave = _first_present(WAVE_NAMES, columns)
    lineage = [_first_present((name,), columns) for name in ("batch_id", "row_number")]
    scores = [
        name
        for name, kind in columns.items()
        if kind.upper().startswith(NUMERIC_TYPES)
        and name
        not in (*ORGANISATION_NAMES, *WAVE_NAMES, *RESPONDENT_NAMES, *LINEAGE_NAMES, *NOT_SCORES)
        and not name.endswith("_id")
    ]
    respondent = _first_present(RESPONDENT_NAMES, columns)
    keys = (
        f"{organisation} as organisation_id, {wave} as wave, {respondent} as respondent_id, "
        f"{lineage[0]} as batch_id, {lineage[1]} as row_number"
    )
    if not scores:
        return f"select {keys}, null::varchar as item, null::double as score from {TABLE}"
    casts = ", ".join(
        f"{quote_identifier(name)}::double as {quote_identifier(name)}" for name in scores
    )
    return f"""
unpivot (select {keys}, {casts} from {TABLE})
on {", ".join(quote_identifier(name) for name in scores)}
into name item value score
"""


def _first_present(names: tuple[str, ...], columns: Mapping[str, str]) -> str:
    """The first of ``names`` the table has, quoted; NULL when it has none (a check then fails)."""
    for name in names:
        if name in columns:
            return quote_identifier(name)
    return f"null::varchar /* none of {quote_literal(', '.join(names))} */"


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys present and every self-assessed score on the 1–5 scale."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            *(
                gx.expectations.ExpectColumnValuesToNotBeNull(
                    column=column,
                    meta=ERROR,
                    notes=f"An assessment without {column} cannot be joined to its "
                    "organisation's scores for that year.",
                )
                for column in ("organisation_id", "wave")
            ),
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column="respondent_id",
                meta=ERROR,
                notes="Every answer belongs to one manager: without the (hashed) manager "
                "id, the spread between managers and their number cannot be computed.",
            ),
            gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=["organisation_id", "wave", "respondent_id", "item"],
                meta=ERROR,
                notes="A manager answers each item once per organisation and wave; a "
                "second answer would count one person twice in the mean.",
            ),
            gx.expectations.ExpectColumnValuesToNotBeNull(
                column="item",
                meta=WARNING,
                notes="No score column was found in the table; the suite checks nothing "
                "until it is aligned with the table's contract.",
            ),
            gx.expectations.ExpectColumnValuesToBeBetween(
                column="score",
                min_value=params.maturity_min,
                max_value=params.maturity_max,
                meta=ERROR,
                notes="Self-assessments score each pillar and step on "
                f"{params.maturity_min:g}–{params.maturity_max:g}; anything else is a "
                "wrong scale or a code for 'not assessed' loaded as a score.",
            ),
        ],
        notes="Maturity self-assessments: keys and the 1–5 scale.",
    )
