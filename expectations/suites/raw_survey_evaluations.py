"""Plausibility suite for ``raw.survey_evaluations``: answers, keys and scrubbed comments.

A wave holds millions of evaluations; pulling every row into pandas would cost
more than the rest of the check stage together. So the rows are screened in
DuckDB first: the frame holds every row that breaks one of the suite's rules (at
most ``max_screened_rows`` per rule; every copy of a duplicated key), and GX
judges those rows with the same rules and names them by batch and row number.
The screen and the expectations are built from the same lists below (scales,
keys, and ingestion's own patterns in :mod:`comment_privacy`), so a rule cannot
be screened one way and judged another. Comments that may hold a phone number
are all kept, and the phone matcher runs on them in Python. On clean data the
frame is empty and every expectation passes; the runner states the counts
against the whole table.
"""

from __future__ import annotations

import great_expectations as gx

from cxcore.catalogue import statement_ids
from cxcore.sql_text import number_literal, quote_literal
from expectations.params import QualityParams
from expectations.suites.comment_privacy import (
    PHONE_CANDIDATE_RULE,
    pii_expectations,
    pii_scan_condition,
    pii_screen_predicates,
)
from expectations.suites.spec import ERROR, SourceContext

SUITE_NAME = "raw_survey_evaluations"
TABLE = "raw.survey_evaluations"
#: One evaluation is one respondent rating one brand in one wave and country.
KEY_COLUMNS = ("wave", "country", "respondent_id", "brand_id")
#: Where a failing row came from: its batch (source file) and its row in that file.
LINEAGE_COLUMNS = ("batch_id", "row_number")
EXAMPLE_COLUMNS = (*LINEAGE_COLUMNS, "country", "wave", "brand_id")
#: Outcomes keep their canonical scales (contract §2): they are not rescaled to 1–10.
OUTCOME_SCALES = {"nps": (0.0, 10.0), "loyalty": (0.0, 10.0), "csat": (1.0, 5.0), "ces": (1.0, 7.0)}
COUNTRY_CODE = r"^[A-Z]{2}$"


def answer_scales(params: QualityParams) -> dict[str, tuple[float, float]]:
    """Every answer column with its scale: statements on the canonical scale, then outcomes."""
    statements = dict.fromkeys(statement_ids(), (params.score_min, params.score_max))
    return {**statements, **OUTCOME_SCALES}


def build_suite(params: QualityParams) -> gx.ExpectationSuite:
    """Keys, scales and comments of the raw evaluations, in reading order."""
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[*_key_expectations(), *_scale_expectations(params), *pii_expectations()],
        notes="Raw evaluations as loaded: keys, answer scales, scrubbed comments.",
    )


def _key_expectations() -> list[gx.expectations.Expectation]:
    not_null = [
        gx.expectations.ExpectColumnValuesToNotBeNull(
            column=column,
            meta=ERROR,
            notes=f"{column} is part of an evaluation's key; without it the answer "
            "cannot be attributed to a brand, country or wave.",
        )
        for column in KEY_COLUMNS
    ]
    return [
        *not_null,
        gx.expectations.ExpectCompoundColumnsToBeUnique(
            column_list=list(KEY_COLUMNS),
            meta=ERROR,
            notes="A respondent rates a brand once per wave; a second row is a file "
            "loaded twice or a join gone wrong, and would count the respondent twice.",
        ),
        gx.expectations.ExpectColumnValuesToMatchRegex(
            column="country",
            regex=COUNTRY_CODE,
            meta=ERROR,
            notes="Countries are ISO 3166-1 alpha-2 codes; anything else matches no "
            "margins, companies or national average.",
        ),
    ]


def _scale_expectations(params: QualityParams) -> list[gx.expectations.Expectation]:
    return [
        gx.expectations.ExpectColumnValuesToBeBetween(
            column=column,
            min_value=low,
            max_value=high,
            meta=ERROR,
            notes=f"{column} is answered on {low:g}–{high:g} after mapping; a value "
            "outside means a wrong scale, offset or missing code in the mapping.",
        )
        for column, (low, high) in answer_scales(params).items()
    ]


def screen_predicates(params: QualityParams) -> dict[str, str]:
    """One SQL condition per rule, true on the rows that break it (NULL answers never do)."""
    rules = {f"{column} missing": f"{column} is null" for column in KEY_COLUMNS}
    rules["duplicate key"] = "is_duplicate_key"
    rules["country code"] = f"not regexp_full_match(country, {quote_literal(COUNTRY_CODE[1:-1])})"
    for column, (low, high) in answer_scales(params).items():
        rules[f"{column} scale"] = (
            f"not ({column} between {number_literal(low)} and {number_literal(high)})"
        )
    return {**rules, **pii_screen_predicates()}


def source_sql(context: SourceContext) -> str:
    """Rows breaking any rule, at most ``max_screened_rows`` per rule, all copies of a duplicate."""
    params = context.params
    columns = [*LINEAGE_COLUMNS, *KEY_COLUMNS, *answer_scales(params), "comment"]
    rules = screen_predicates(params)
    keys = ", ".join(KEY_COLUMNS)
    picks = "\n    union all\n    ".join(
        f"(select screen_row from screened where {predicate} order by screen_row"
        + ("" if rule == PHONE_CANDIDATE_RULE else f" limit {params.max_screened_rows}")
        + ")"
        for rule, predicate in rules.items()
    )
    pii_rules = pii_screen_predicates()
    any_rule = " or ".join(
        f"({predicate})" for rule, predicate in rules.items() if rule not in pii_rules
    )
    any_rule += f" or ({pii_scan_condition()})"
    return f"""
with

duplicate_keys as (
    select hash({keys}) as key_hash
    from {TABLE}
    group by all
    having count(*) > 1
),

duplicate_rows as (
    select rowid as screen_row
    from {TABLE}
    where hash({keys}) in (select key_hash from duplicate_keys)
),

flagged as (
    select
        rowid as screen_row,
        {", ".join(columns)},
        rowid in (select screen_row from duplicate_rows) as is_duplicate_key
    from {TABLE}
),

screened as materialized (
    select * from flagged
    where {any_rule}
),

picked as (
    {picks}
)

select {", ".join(columns)}
from screened
where screen_row in (select screen_row from picked)
order by screen_row
"""
